import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCreateOrganization, useOrganizations } from '../../api/organizations.ts';
import type { OrganizationKind, Plank } from '../../api/types.ts';
import { kindLabels } from '../../components/labels.ts';
import { PlanksEditor } from '../../components/PlanksEditor.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { TextField } from '../../components/TextField.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

/** Staff record an organization's application; the admission vote comes once the rules pass. */
export function ApplicationPage() {
  const id = useId();
  const navigate = useNavigate();
  const create = useCreateOrganization();
  usePageTitle('Record an application');
  const parents = useOrganizations({ status: 'member' });
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganizationKind>('party');
  const [parentId, setParentId] = useState('');
  const [declaresPosition, setDeclaresPosition] = useState(false);
  const [position, setPosition] = useState('0');
  const [description, setDescription] = useState('');
  const [jurisdictions, setJurisdictions] = useState('');
  const [platform, setPlatform] = useState<Plank[]>([]);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const homeJurisdictions = jurisdictions
      .split(',')
      .map((j) => j.trim())
      .filter(Boolean);
    create.mutate(
      {
        name,
        kind,
        ...(kind === 'chapter' && parentId ? { parentId } : {}),
        position: declaresPosition ? Number(position) : null,
        description,
        homeJurisdictions,
        platform,
      },
      { onSuccess: (org) => navigate(`/members/${org.id}`) },
    );
  };

  return (
    <section aria-labelledby="apply-title" className="narrow-wide">
      <p>
        <Link to="/members">← All members</Link>
      </p>
      <h1 id="apply-title">Record an application</h1>
      <form onSubmit={handleSubmit} className="stack-form">
        <TextField label="Name" required maxLength={200} value={name} onChange={setName} />
        <SelectField
          label="Kind"
          value={kind}
          labels={kindLabels}
          onChange={(value) => value && setKind(value)}
        />
        {kind === 'chapter' ? (
          <div className="field">
            <label htmlFor={`${id}-parent`}>Chapter of</label>
            <select
              id={`${id}-parent`}
              required
              value={parentId}
              onChange={(e) => setParentId(e.target.value)}
            >
              <option value="">Choose a member</option>
              {(parents.data ?? [])
                .filter((p) => p.kind !== 'chapter')
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </select>
          </div>
        ) : null}
        <div className="field checkbox">
          <input
            id={`${id}-declares`}
            type="checkbox"
            checked={declaresPosition}
            onChange={(e) => setDeclaresPosition(e.target.checked)}
          />
          <label htmlFor={`${id}-declares`}>Declares a left–right position</label>
        </div>
        {declaresPosition ? (
          <TextField
            label="Position, from −1 (left) to +1 (right)"
            type="number"
            min={-1}
            max={1}
            step={0.05}
            required
            value={position}
            onChange={setPosition}
          />
        ) : null}
        <TextField
          label="Description"
          rows={3}
          maxLength={5000}
          value={description}
          onChange={setDescription}
        />
        <TextField
          label="Home jurisdictions (comma-separated codes)"
          placeholder="e.g. 06, 06037"
          value={jurisdictions}
          onChange={setJurisdictions}
        />
        <PlanksEditor planks={platform} onChange={setPlatform} />
        {create.isError ? <ErrorMessage error={create.error} /> : null}
        <div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Recording…' : 'Record the application'}
          </button>
        </div>
      </form>
    </section>
  );
}
