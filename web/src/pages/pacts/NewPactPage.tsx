import { useId } from 'react';
import { Link, useNavigate } from 'react-router';
import { useOrganizations } from '../../api/organizations.ts';
import { useCreatePact } from '../../api/pacts.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, TextField } from '../../ui/fields.tsx';
import { useToast } from '../../ui/toast.tsx';
import { MemberFields } from './MemberFields.tsx';
import { defaultSettings, isSourceComplete, newPactSchema } from './pact-form.ts';
import { SettingsFields } from './SettingsFields.tsx';
import { SourceFields } from './SourceFields.tsx';
import './pacts.css';

/** Staff start a pact: what is shared, which members with which party codes, the engine's parameters. */
export function NewPactPage() {
  const id = useId();
  const navigate = useNavigate();
  const create = useCreatePact();
  const organizations = useOrganizations({ status: 'member' });
  usePageTitle('New pact');
  const toast = useToast();
  // The values are the create body itself; the fields of the source kind not chosen leave it
  // when hidden (shouldUnregister), as the contract's strict union wants.
  const form = useSchemaForm(newPactSchema, {
    defaultValues: {
      name: '',
      source: { kind: 'races', office: 'us_house', stage: 'general' },
      members: [],
      settings: defaultSettings,
    },
    shouldUnregister: true,
  });
  const [source, members] = form.watch(['source', 'members']);
  const ready = isSourceComplete(source) && (members?.length ?? 0) > 0;

  const handleSubmit = form.handleSubmit((input) => {
    create.mutate(input, {
      onSuccess: (pact) => {
        toast(`Pact "${pact.name}" created.`);
        navigate(`/pacts/${pact.id}`);
      },
      onError: form.onServerError,
    });
  });

  return (
    <section aria-labelledby="new-pact-title" className="pact-form">
      <p>
        <Link to="/pacts">← All pacts</Link>
      </p>
      <h1 id="new-pact-title">New seat-sharing pact</h1>
      <form className="stack-form" onSubmit={handleSubmit} noValidate>
        <TextField form={form} name="name" label="Name" />
        <SourceFields form={form} />
        {organizations.isPending ? <Loading label="Loading members" /> : null}
        {organizations.isError ? <ErrorMessage error={organizations.error} /> : null}
        <MemberFields form={form} organizations={organizations.data ?? []} />
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
