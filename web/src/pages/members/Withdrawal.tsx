import { registryContract } from '../../../../src/features/registry/registry.contract.ts';
import { useWithdrawOrganization } from '../../api/organizations.ts';
import type { Organization } from '../../api/types.ts';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { useConfirm } from '../../ui/dialog.tsx';
import { FormAlert, TextareaField } from '../../ui/fields.tsx';
import { useToast } from '../../ui/toast.tsx';

/** A member leaves by a recorded withdrawal (its delegate, or staff); it cannot be undone. */
export function Withdrawal({ organization }: { organization: Organization }) {
  const withdraw = useWithdrawOrganization(organization.id);
  const confirm = useConfirm();
  const toast = useToast();
  const form = useSchemaForm(registryContract.withdraw.body, { defaultValues: { note: '' } });
  const handleSubmit = form.handleSubmit(async ({ note }) => {
    const yes = await confirm({
      title: `Withdraw ${organization.name}?`,
      body: `${organization.name} will leave the coalition for good. This cannot be undone.`,
      confirmLabel: `Yes, ${organization.name} withdraws`,
      danger: true,
    });
    if (!yes) return;
    withdraw.mutate(note, {
      onSuccess: () => toast(`${organization.name} has withdrawn.`),
      onError: form.onServerError,
    });
  });
  return (
    <details className="panel wide">
      <summary>Record a withdrawal</summary>
      <form onSubmit={handleSubmit} className="stack-form" noValidate>
        <TextareaField form={form} name="note" label="Reason for the record" rows={2} />
        <FormAlert form={form} />
        <div className="button-row">
          <button type="submit" disabled={withdraw.isPending}>
            Record the withdrawal
          </button>
        </div>
      </form>
    </details>
  );
}
