import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { createPactSchema } from '../../../../src/features/pacts/pacts.schema.ts';
import { useOrganizations } from '../../api/organizations.ts';
import { useCreatePact } from '../../api/pacts.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { TextField } from '../../components/TextField.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { maxLengthOf } from '../../forms/limits.ts';
import { MemberFields } from './MemberFields.tsx';
import {
  defaultSettings,
  isSourceComplete,
  type MemberDraft,
  type SettingsDraft,
  type SourceDraft,
  toCreateInput,
} from './pact-form.ts';
import { SettingsFields } from './SettingsFields.tsx';
import { SourceFields } from './SourceFields.tsx';
import './pacts.css';

const initialSource: SourceDraft = {
  kind: 'races',
  electionId: '',
  office: 'us_house',
  stage: 'general',
  stateId: '',
  resultSet: 'us-president-2024-county',
};

/** Staff start a pact: what is shared, which members with which party codes, the engine's parameters. */
export function NewPactPage() {
  const id = useId();
  const navigate = useNavigate();
  const create = useCreatePact();
  const organizations = useOrganizations({ status: 'member' });
  usePageTitle('New pact');
  const [name, setName] = useState('');
  const [source, setSource] = useState(initialSource);
  const [members, setMembers] = useState<MemberDraft[]>([]);
  const [settings, setSettings] = useState<SettingsDraft>(defaultSettings);

  useEffect(() => {
    if (!organizations.data) return;
    setMembers((current) =>
      current.length > 0
        ? current
        : (organizations.data ?? []).map((o) => ({
            organizationId: o.id,
            name: o.name,
            included: false,
            parties: '',
            weight: '',
          })),
    );
  }, [organizations.data]);

  const ready = isSourceComplete(source) && members.some((m) => m.included);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(toCreateInput(name, source, members, settings), {
      onSuccess: (pact) => navigate(`/pacts/${pact.id}`),
    });
  };

  return (
    <section aria-labelledby="new-pact-title" className="pact-form">
      <p>
        <Link to="/pacts">← All pacts</Link>
      </p>
      <h1 id="new-pact-title">New seat-sharing pact</h1>
      <form className="stack-form" onSubmit={handleSubmit}>
        <TextField
          label="Name"
          required
          maxLength={maxLengthOf(createPactSchema.shape.name)}
          value={name}
          onChange={setName}
        />
        <SourceFields source={source} onChange={(patch) => setSource((s) => ({ ...s, ...patch }))} />
        {organizations.isPending ? <Loading label="Loading members" /> : null}
        {organizations.isError ? <ErrorMessage error={organizations.error} /> : null}
        <MemberFields
          members={members}
          onChange={(organizationId, patch) =>
            setMembers((list) =>
              list.map((m) => (m.organizationId === organizationId ? { ...m, ...patch } : m)),
            )
          }
        />
        <SettingsFields settings={settings} onChange={(patch) => setSettings((s) => ({ ...s, ...patch }))} />
        {create.isError ? <ErrorMessage error={create.error} /> : null}
        <div>
          <button type="submit" disabled={!ready || create.isPending} aria-describedby={`${id}-ready`}>
            {create.isPending ? 'Creating…' : 'Create the pact'}
          </button>
          <p className="muted" id={`${id}-ready`}>
            {ready ? '' : 'Choose what the pact shares out and at least one member.'}
          </p>
        </div>
      </form>
    </section>
  );
}
