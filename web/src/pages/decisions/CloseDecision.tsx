import { useCloseDecision } from '../../api/decisions.ts';
import type { Decision } from '../../api/types.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { useConfirm } from '../../ui/dialog.tsx';
import { useToast } from '../../ui/toast.tsx';

/** Staff close a decision before its window ends; a dialog guards the irreversible act. */
export function CloseDecision({ decision }: { decision: Decision }) {
  const close = useCloseDecision(decision.id);
  const confirm = useConfirm();
  const toast = useToast();
  const handleClose = async () => {
    const yes = await confirm({
      title: 'Close the vote now?',
      body: `The ballots are counted now (${decision.participation.voted} of ${decision.participation.eligible} cast). This cannot be undone.`,
      confirmLabel: 'Yes, close and count',
      danger: true,
    });
    if (yes) close.mutate(undefined, { onSuccess: () => toast('The decision is closed and counted.') });
  };
  return (
    <section aria-labelledby="close-title" className="panel">
      <h2 id="close-title">Close the vote</h2>
      <p>
        Closing counts the ballots now ({decision.participation.voted} of {decision.participation.eligible}{' '}
        cast). It cannot be undone.
      </p>
      <button type="button" onClick={handleClose} disabled={close.isPending}>
        {close.isPending ? 'Closing…' : 'Close the decision now'}
      </button>
      {close.isError ? <ErrorMessage error={close.error} /> : null}
    </section>
  );
}
