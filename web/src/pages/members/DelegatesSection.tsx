import { Link } from 'react-router';
import { registryContract } from '../../../../src/features/registry/registry.contract.ts';
import { useAssignDelegate, useRemoveDelegate } from '../../api/organizations.ts';
import { useSession } from '../../api/session.ts';
import type { OrganizationDetail } from '../../api/types.ts';
import { isStaffRole } from '../../components/roles.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { OrganizationStatusBadge } from '../../components/StatusBadges.tsx';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { useConfirm } from '../../ui/dialog.tsx';
import { FormAlert, TextField } from '../../ui/fields.tsx';
import { useToast } from '../../ui/toast.tsx';

/** Who acts for the member, and its chapters; staff assign and remove delegates. */
export function DelegatesSection({ organization: org }: { organization: OrganizationDetail }) {
  const session = useSession().data;
  const staff = !!session && isStaffRole(session.role);
  const assign = useAssignDelegate(org.id);
  const remove = useRemoveDelegate(org.id);
  const toast = useToast();
  const confirm = useConfirm();
  const form = useSchemaForm(registryContract.assignDelegate.body, { defaultValues: { email: '' } });
  const handleAssign = form.handleSubmit(({ email }) => {
    assign.mutate(email, {
      onSuccess: () => {
        toast(`${email} is now a delegate of ${org.name}.`);
        form.reset();
      },
      onError: form.onServerError,
    });
  });

  return (
    <section aria-labelledby="delegates-title" className="panel">
      <h2 id="delegates-title">Delegates</h2>
      {org.delegates.length === 0 ? <p className="muted">No delegate yet.</p> : null}
      <ul className="card-list">
        {org.delegates.map((d) => (
          <li key={d.userId}>
            {d.displayName}{' '}
            {staff ? (
              <button
                type="button"
                className="secondary small"
                disabled={remove.isPending}
                onClick={async () => {
                  const yes = await confirm({
                    title: `Remove ${d.displayName} as a delegate?`,
                    body: `${d.displayName} will no longer act for ${org.name}: no votes, no profile edits.`,
                    confirmLabel: `Remove ${d.displayName}`,
                    danger: true,
                  });
                  if (yes) remove.mutate(d.userId, { onSuccess: () => toast(`${d.displayName} removed.`) });
                }}
              >
                Remove {d.displayName}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      {staff ? (
        <form onSubmit={handleAssign} className="stack-form" noValidate>
          <TextField form={form} name="email" label="Assign a delegate (the user's e-mail)" type="email" />
          <FormAlert form={form} />
          <div>
            <button type="submit" disabled={assign.isPending}>
              Assign delegate
            </button>
          </div>
        </form>
      ) : null}
      {org.chapters.length > 0 ? (
        <>
          <h3>Chapters</h3>
          <ul>
            {org.chapters.map((c) => (
              <li key={c.id}>
                <Link to={`/members/${c.id}`}>{c.name}</Link> <OrganizationStatusBadge status={c.status} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
