import { type FormEvent, useState } from 'react';
import type { PlaceView } from '../../api/map.ts';
import { useAddRequirement } from '../../api/petitions.ts';
import { useSession } from '../../api/session.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { PlacePicker } from '../../components/PlacePicker.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { LabelledSelect } from './LabelledSelect.tsx';

type Kind = 'initiative' | 'candidacy' | 'party_recognition' | 'independent_candidate' | 'other';

/** A coalition's own requirement: a local initiative, a municipal candidacy, any country's rule. */
export function NewRequirementForm() {
  const session = useSession().data;
  const add = useAddRequirement();
  const blank = {
    country: 'US',
    jurisdiction: '',
    jurisdictionName: '',
    kind: 'initiative' as Kind,
    title: '',
    signatures: '',
    ruleText: '',
    deadline: '',
    source: '',
    asOf: '',
  };
  const [form, setForm] = useState(blank);
  const [saved, setSaved] = useState<string | null>(null);
  const [place, setPlace] = useState<PlaceView | null>(null);
  if (!session || session.role === 'viewer') return null;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        country: form.country,
        jurisdiction: form.jurisdiction,
        jurisdictionName: form.jurisdictionName,
        kind: form.kind,
        title: form.title,
        signatures: form.signatures ? Number(form.signatures) : null,
        ruleText: form.ruleText,
        deadline: form.deadline || null,
        source: form.source,
        asOf: form.asOf,
      },
      {
        onSuccess: (requirement) => {
          setSaved(`Added "${requirement.title}".`);
          setForm(blank);
          setPlace(null);
        },
      },
    );
  };
  return (
    <form onSubmit={handleSubmit} className="stack" aria-label="Add a requirement">
      <PlacePicker
        label="Find the place"
        hint="Fills in the country, code and name below; type them instead for a place the map lacks."
        value={place}
        key={saved ?? ''}
        onChange={(chosen) => {
          setPlace(chosen);
          if (chosen)
            setForm({
              ...form,
              country: chosen.country,
              jurisdiction: chosen.key,
              jurisdictionName: chosen.label,
            });
        }}
      />
      <label>
        Country code
        <input required maxLength={8} value={form.country} onChange={set('country')} />
      </label>
      <label>
        Jurisdiction code (e.g. US-CO-DENVER)
        <input required value={form.jurisdiction} onChange={set('jurisdiction')} />
      </label>
      <label>
        Jurisdiction name
        <input required value={form.jurisdictionName} onChange={set('jurisdictionName')} />
      </label>
      <LabelledSelect label="Kind" value={form.kind} onChange={set('kind')}>
        <option value="initiative">Initiative</option>
        <option value="candidacy">Candidacy</option>
        <option value="party_recognition">Party recognition</option>
        <option value="independent_candidate">Independent candidate</option>
        <option value="other">Other</option>
      </LabelledSelect>
      <label>
        Title
        <input required value={form.title} onChange={set('title')} />
      </label>
      <label>
        Valid signatures required (blank if unknown)
        <input inputMode="numeric" pattern="\d*" value={form.signatures} onChange={set('signatures')} />
      </label>
      <label>
        Rule text
        <textarea required rows={3} value={form.ruleText} onChange={set('ruleText')} />
      </label>
      <label>
        Deadline
        <input type="date" value={form.deadline} onChange={set('deadline')} />
      </label>
      <label>
        Source
        <input required value={form.source} onChange={set('source')} />
      </label>
      <label>
        As of
        <input required value={form.asOf} onChange={set('asOf')} />
      </label>
      {add.isError ? <ErrorMessage error={add.error} /> : null}
      <p role="status" className="small">
        {saved}
      </p>
      <BusyButton type="submit" busy={add.isPending}>
        Add the requirement
      </BusyButton>
    </form>
  );
}
