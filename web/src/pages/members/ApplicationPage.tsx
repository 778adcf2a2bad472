import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCreateOrganization, useOrganizations } from '../../api/organizations.ts';
import type { OrganizationKind } from '../../api/types.ts';
import { kindLabels } from '../../components/labels.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { draftOf, ProfileFields, profileInput } from './ProfileFields.tsx';

/** Staff record an organization's application; the admission vote comes once the rules pass. */
export function ApplicationPage() {
  const id = useId();
  const navigate = useNavigate();
  const create = useCreateOrganization();
  usePageTitle('Record an application');
  const parents = useOrganizations({ status: 'member' });
  const [kind, setKind] = useState<OrganizationKind>('party');
  const [parentId, setParentId] = useState('');
  const [draft, setDraft] = useState(() => draftOf());

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { ...profileInput(draft), kind, ...(kind === 'chapter' && parentId ? { parentId } : {}) },
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
        <ProfileFields draft={draft} onChange={(patch) => setDraft({ ...draft, ...patch })} />
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
