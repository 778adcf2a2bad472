import { type FormEvent, useState } from 'react';
import { useReceiptLookup } from '../../api/decisions.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { describeBallot } from './split.ts';

/** Anyone finds a ballot in the published list by its receipt: proof it was counted as cast. */
export function ReceiptLookup({ decisionId }: { decisionId: string }) {
  const lookup = useReceiptLookup(decisionId);
  const [receipt, setReceipt] = useState('');
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    lookup.mutate(receipt);
  };
  const found = lookup.data;
  return (
    <form onSubmit={handleSubmit} className="receipt-lookup" aria-labelledby="receipt-title">
      <h3 id="receipt-title">Check a receipt</h3>
      <div className="inline-form">
        <label htmlFor="receipt-code">Receipt code</label>
        <input
          id="receipt-code"
          value={receipt}
          required
          autoComplete="off"
          spellCheck={false}
          placeholder="XXXX-XXXX-XXXX-XXXX"
          pattern="[0-9A-Za-z]{4}(-[0-9A-Za-z]{4}){3}"
          title="Four groups of four letters or digits, separated by dashes"
          onChange={(e) => setReceipt(e.target.value)}
        />
        <button type="submit" disabled={lookup.isPending}>
          Look up
        </button>
      </div>
      {lookup.isError ? <ErrorMessage error={lookup.error} /> : null}
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
