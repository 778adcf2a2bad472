import { registryContract } from '../../../../src/features/registry/registry.contract.ts';
import { useUpdateOrganization } from '../../api/organizations.ts';
import type { Organization } from '../../api/types.ts';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert } from '../../ui/fields.tsx';
import { useToast } from '../../ui/toast.tsx';
import { ProfileFields, profileDefaults } from './ProfileFields.tsx';

/** Staff or the member's own delegate edit its profile; the status changes only by decision. */
export function EditProfile({ organization }: { organization: Organization }) {
  const update = useUpdateOrganization(organization.id);
  const toast = useToast();
  const form = useSchemaForm(registryContract.updateOrganization.body, {
    defaultValues: profileDefaults(organization),
  });
  const handleSubmit = form.handleSubmit((patch) => {
    // An unticked position box sends null: the member no longer declares one.
    update.mutate(
      { ...patch, position: patch.position ?? null },
      { onSuccess: () => toast('Profile saved.'), onError: form.onServerError },
    );
  });
  return (
    <details className="panel wide">
      <summary>Edit the profile</summary>
      <form onSubmit={handleSubmit} className="stack-form" noValidate>
        <ProfileFields form={form} initialPosition={organization.position} />
        <FormAlert form={form} />
        <div>
          <button type="submit" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save the profile'}
          </button>
        </div>
      </form>
    </details>
  );
}
