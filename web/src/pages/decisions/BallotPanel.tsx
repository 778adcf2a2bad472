import { lazy, Suspense } from 'react';
import { useCastBallot } from '../../api/decisions.ts';
import type { BallotInput, Decision } from '../../api/types.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { useToast } from '../../ui/toast.tsx';
import { ApprovalBallot } from './ApprovalBallot.tsx';
import { orderingMethods } from './methods.ts';
import { describeBallot } from './split.ts';
import { YesNoBallot } from './YesNoBallot.tsx';

// The drag-and-drop library loads only when a ranked ballot is on screen.
const RankedBallot = lazy(() => import('./RankedBallot.tsx').then((m) => ({ default: m.RankedBallot })));

/** A delegate casts (or changes, until the close) its organization's ballot. */
export function BallotPanel({ decision, organizationId }: { decision: Decision; organizationId: string }) {
  const cast = useCastBallot(decision.id, organizationId);
  const mine = decision.myBallot;
  const options = decision.rules.options ?? [];
  const submitLabel = mine ? 'Change the ballot' : 'Cast the ballot';
  const toast = useToast();
  // A ballot form passes its own error handler: a refusal lands on its fields or in its alert.
  const handleCast = (ballot: BallotInput, onError?: (error: unknown) => void) =>
    cast.mutate(ballot, { onSuccess: () => toast(mine ? 'Ballot changed.' : 'Ballot cast.'), onError });
  const ranked = decision.method !== 'approval' && orderingMethods.includes(decision.method);

  return (
    <section aria-labelledby="ballot-title" className="panel">
      <h2 id="ballot-title">Your organization's ballot</h2>
      {mine ? (
        <p role="status">
          Recorded: <strong>{describeBallot(mine)}</strong>
          {mine.revision > 1
            ? ` (changed ${mine.revision - 1} ${mine.revision === 2 ? 'time' : 'times'})`
            : ''}
          . Receipt <code className="receipt">{mine.receipt}</code>: note it to find your ballot in the
          published list.
        </p>
      ) : (
        <p>Not cast yet. You may change the ballot until the decision closes.</p>
      )}
      {decision.method === 'approval' ? (
        <ApprovalBallot
          options={options}
          initial={mine?.parts?.[0]?.ranking ?? []}
          pending={cast.isPending}
          submitLabel={submitLabel}
          onSubmit={handleCast}
        />
      ) : orderingMethods.includes(decision.method) ? (
        <Suspense fallback={<Loading label="Loading the ranked ballot" />}>
          <RankedBallot
            options={options}
            initial={mine?.parts?.[0]?.ranking ?? []}
            pending={cast.isPending}
            submitLabel={submitLabel}
            onSubmit={(ranking) => handleCast({ ranking })}
          />
        </Suspense>
      ) : (
        <YesNoBallot
          initialSplit={mine?.split ?? null}
          pending={cast.isPending}
          submitLabel={submitLabel}
          onSubmit={handleCast}
        />
      )}
      {ranked && cast.isError ? <ErrorMessage error={cast.error} /> : null}
    </section>
  );
}
