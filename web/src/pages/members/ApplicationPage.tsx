import { Link, useNavigate } from 'react-router';
import { registryContract } from '../../../../src/features/registry/registry.contract.ts';
import { useCreateOrganization, useOrganizations } from '../../api/organizations.ts';
import { kindLabels } from '../../components/labels.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, SelectField } from '../../ui/fields.tsx';
import { useToast } from '../../ui/toast.tsx';
import { ProfileFields, profileDefaults } from './ProfileFields.tsx';

/** Staff record an organization's application; the admission vote comes once the rules pass. */
export function ApplicationPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const create = useCreateOrganization();
  usePageTitle('Record an application');
  const parents = useOrganizations({ status: 'member' });
  // The body schema the server parses with: the same rules, limits and kinds on both sides.
  const form = useSchemaForm(registryContract.createOrganization.body, {
    defaultValues: { kind: 'party', ...profileDefaults() },
  });
  const kind = form.watch('kind');

  const handleSubmit = form.handleSubmit((input) => {
    const body = input.kind === 'chapter' ? input : { ...input, parentId: undefined };
    create.mutate(body, {
      onSuccess: (org) => {
        toast(`Application of ${org.name} recorded.`);
        navigate(`/members/${org.id}`);
      },
      onError: form.onServerError,
    });
  });

  return (
    <section aria-labelledby="apply-title" className="narrow-wide">
      <p>
        <Link to="/members">← All members</Link>
      </p>
      <h1 id="apply-title">Record an application</h1>
      <form onSubmit={handleSubmit} className="stack-form" noValidate>
        <SelectField form={form} name="kind" label="Kind" labels={kindLabels} />
        {kind === 'chapter' ? (
          <SelectField
            form={form}
            name="parentId"
            label="Chapter of"
            placeholder="Choose a member"
            options={(parents.data ?? [])
              .filter((p) => p.kind !== 'chapter')
              .map((p) => ({ value: p.id, label: p.name }))}
          />
        ) : null}
        <ProfileFields form={form} initialPosition={null} />
        <FormAlert form={form} />
        <div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Recording…' : 'Record the application'}
          </button>
        </div>
      </form>
    </section>
  );
}
