import { decisionsContract } from '../../../../src/features/decisions/decisions.contract.ts';
import { useReceiptLookup } from '../../api/decisions.ts';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, TextField } from '../../ui/fields.tsx';
import { describeBallot } from './split.ts';

// The lookup's own path parameter, as the endpoint checks it (upper-cased, four groups of four).
const receiptSchema = decisionsContract.receipt.params.pick({ receipt: true });

/** Anyone finds a ballot in the published list by its receipt: proof it was counted as cast. */
export function ReceiptLookup({ decisionId }: { decisionId: string }) {
  const lookup = useReceiptLookup(decisionId);
  const form = useSchemaForm(receiptSchema, { defaultValues: { receipt: '' }, serverPath: 'params' });
  const handleSubmit = form.handleSubmit(({ receipt }) => {
    lookup.mutate(receipt, { onError: form.onServerError });
  });
  const found = lookup.data;
  return (
    <form onSubmit={handleSubmit} className="receipt-lookup" aria-labelledby="receipt-title" noValidate>
      <h3 id="receipt-title">Check a receipt</h3>
      <div className="inline-form">
        <TextField
          form={form}
          name="receipt"
          label="Receipt code"
          autoComplete="off"
          placeholder="XXXX-XXXX-XXXX-XXXX"
          parse={(text) => text.trim()}
        />
        <button type="submit" disabled={lookup.isPending}>
          Look up
        </button>
      </div>
      <FormAlert form={form} />
      {found ? (
        <p role="status" className="ok-text">
          Ballot <code>{found.receipt}</code> is in the published list: {describeBallot(found)}
          {found.organization ? ` (${found.organization.name})` : ''},{' '}
          {found.counted ? 'counted' : 'not counted'}.
        </p>
      ) : null}
    </form>
  );
}
