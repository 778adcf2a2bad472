import { type FormEvent, useState } from 'react';
import { withdrawalSchema } from '../../../../src/features/registry/registry.schema.ts';
import { useWithdrawOrganization } from '../../api/organizations.ts';
import type { Organization } from '../../api/types.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { TextField } from '../../components/TextField.tsx';
import { maxLengthOf } from '../../forms/limits.ts';

/** A member leaves by a recorded withdrawal (its delegate, or staff); it cannot be undone. */
export function Withdrawal({ organization }: { organization: Organization }) {
  const withdraw = useWithdrawOrganization(organization.id);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (confirming) withdraw.mutate(note);
    else setConfirming(true);
  };
  return (
    <details className="panel wide">
      <summary>Record a withdrawal</summary>
      <form onSubmit={handleSubmit} className="stack-form">
        <TextField
          label="Reason for the record"
          rows={2}
          required
          maxLength={maxLengthOf(withdrawalSchema.shape.note)}
          value={note}
          onChange={setNote}
        />
        {confirming ? (
          <p role="alert">
            {organization.name} will leave the coalition for good. Press the button again to confirm.
          </p>
        ) : null}
        {withdraw.isError ? <ErrorMessage error={withdraw.error} /> : null}
        <div className="button-row">
          <button type="submit" className={confirming ? 'danger' : undefined} disabled={withdraw.isPending}>
            {confirming ? `Yes, ${organization.name} withdraws` : 'Record the withdrawal'}
          </button>
          {confirming ? (
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
    </details>
  );
}
