import { useState } from 'react';
import { useCloseDecision } from '../../api/decisions.ts';
import type { Decision } from '../../api/types.ts';
import { ErrorMessage } from '../../components/Status.tsx';

/** Staff close a decision before its window ends; a second step guards the irreversible act. */
export function CloseDecision({ decision }: { decision: Decision }) {
  const close = useCloseDecision(decision.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <section aria-labelledby="close-title" className="panel">
      <h2 id="close-title">Close the vote</h2>
      <p>
        Closing counts the ballots now ({decision.participation.voted} of {decision.participation.eligible}{' '}
        cast). It cannot be undone.
      </p>
      {confirming ? (
        <div className="button-row">
          <button type="button" className="danger" onClick={() => close.mutate()} disabled={close.isPending}>
            {close.isPending ? 'Closing…' : 'Yes, close and count'}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Close the decision now
        </button>
      )}
      {close.isError ? <ErrorMessage error={close.error} /> : null}
    </section>
  );
}
