import { useState } from 'react';
import { petitionsContract } from '../../../../src/features/petitions/petitions.contract.ts';
import type { PlaceView } from '../../api/map.ts';
import { useAddRequirement } from '../../api/petitions.ts';
import { useSession } from '../../api/session.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { PlacePicker } from '../../components/PlacePicker.tsx';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, NumberField, SelectField, TextareaField, TextField } from '../../ui/fields.tsx';
import { useToast } from '../../ui/toast.tsx';

const kindLabels = {
  initiative: 'Initiative',
  candidacy: 'Candidacy',
  party_recognition: 'Party recognition',
  independent_candidate: 'Independent candidate',
  other: 'Other',
} as const;

const blank = {
  country: 'US',
  jurisdiction: '',
  jurisdictionName: '',
  kind: 'initiative',
  title: '',
  signatures: null,
  ruleText: '',
  source: '',
  asOf: '',
} as const;

/** A coalition's own requirement: a local initiative, a municipal candidacy, any country's rule. */
export function NewRequirementForm() {
  const session = useSession().data;
  const add = useAddRequirement();
  const toast = useToast();
  const form = useSchemaForm(petitionsContract.addRequirement.body, { defaultValues: blank });
  const [place, setPlace] = useState<PlaceView | null>(null);
  // A new picker after each save: empty again.
  const [round, setRound] = useState(0);
  if (!session || session.role === 'viewer') return null;
  const handleSubmit = form.handleSubmit((input) => {
    add.mutate(input, {
      onSuccess: (requirement) => {
        toast(`Added "${requirement.title}".`);
        form.reset(blank);
        setPlace(null);
        setRound((n) => n + 1);
      },
      onError: form.onServerError,
    });
  });
  return (
    <form onSubmit={handleSubmit} className="stack" aria-label="Add a requirement" noValidate>
      <PlacePicker
        key={round}
        label="Find the place"
        hint="Fills in the country, code and name below; type them instead for a place the map lacks."
        value={place}
        onChange={(chosen) => {
          setPlace(chosen);
          if (!chosen) return;
          form.setValue('country', chosen.country, { shouldValidate: true });
          form.setValue('jurisdiction', chosen.key, { shouldValidate: true });
          form.setValue('jurisdictionName', chosen.label, { shouldValidate: true });
        }}
      />
      <TextField form={form} name="country" label="Country code" />
      <TextField form={form} name="jurisdiction" label="Jurisdiction code (e.g. US-CO-DENVER)" />
      <TextField form={form} name="jurisdictionName" label="Jurisdiction name" />
      <SelectField form={form} name="kind" label="Kind" labels={kindLabels} />
      <TextField form={form} name="title" label="Title" />
      <NumberField
        form={form}
        name="signatures"
        label="Valid signatures required (blank if unknown)"
        emptyAs={null}
      />
      <TextareaField form={form} name="ruleText" label="Rule text" rows={3} />
      <TextField form={form} name="deadline" label="Deadline" type="date" />
      <TextField form={form} name="source" label="Source" />
      <TextField form={form} name="asOf" label="As of" />
      <FormAlert form={form} />
      <BusyButton type="submit" busy={add.isPending}>
        Add the requirement
      </BusyButton>
    </form>
  );
}
