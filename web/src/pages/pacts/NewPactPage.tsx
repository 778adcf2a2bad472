import { useEffect, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useOrganizations } from '../../api/organizations.ts';
import { useCreatePact } from '../../api/pacts.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, TextField } from '../../ui/fields.tsx';
import { useToast } from '../../ui/toast.tsx';
import { MemberFields } from './MemberFields.tsx';
import {
  defaultSettings,
  isSourceComplete,
  type MemberDraft,
  type SourceDraft,
  toCreateInput,
} from './pact-form.ts';
import { pactDetailsSchema, SettingsFields } from './SettingsFields.tsx';
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
  const toast = useToast();
  // Name and parameters are schema fields; the source and members keep their drafts (a kind
  // switch, party codes as typed) and join the body on submit. Refusals about them go to the alert.
  const form = useSchemaForm(pactDetailsSchema, { defaultValues: { name: '', settings: defaultSettings } });
  const [source, setSource] = useState(initialSource);
  const [members, setMembers] = useState<MemberDraft[]>([]);

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

  const handleSubmit = form.handleSubmit(({ name, settings }) => {
    create.mutate(
      { ...toCreateInput(name, source, members), settings },
      {
        onSuccess: (pact) => {
          toast(`Pact "${pact.name}" created.`);
          navigate(`/pacts/${pact.id}`);
        },
        onError: form.onServerError,
      },
    );
  });

  return (
    <section aria-labelledby="new-pact-title" className="pact-form">
      <p>
        <Link to="/pacts">← All pacts</Link>
      </p>
      <h1 id="new-pact-title">New seat-sharing pact</h1>
      <form className="stack-form" onSubmit={handleSubmit} noValidate>
        <TextField form={form} name="name" label="Name" />
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
        <SettingsFields form={form} />
        <FormAlert form={form} />
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
