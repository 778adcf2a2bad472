import { Link } from 'react-router';
import type { ticketsContract } from '../../../../src/features/tickets/tickets.contract.ts';
import { ApiError, type ApiErrorOf, assertNever } from '../../api/client.ts';
import { ErrorMessage } from '../../components/Status.tsx';

/** A candidate page that cannot load: a removed candidate or a wrong link is a not-found page, not a failure. */
export function CandidateLoadError({ error }: { error: ApiErrorOf<typeof ticketsContract.candidate> }) {
  if (!(error instanceof ApiError)) return <ErrorMessage error={error} />;
  switch (error.code) {
    case 'candidate.not_found':
      return (
        <section aria-labelledby="candidate-missing-title">
          <h1 id="candidate-missing-title">No such candidate</h1>
          <p>
            This candidate is not in the coalition’s list: the link may be wrong, or the candidacy removed.
          </p>
          <p>
            <Link to="/candidates">All candidates</Link>
          </p>
        </section>
      );
    case 'request.invalid':
    case 'auth.required':
    case 'auth.csrf_invalid':
    case 'internal':
    case 'unexpected':
      return <ErrorMessage error={error} />;
    default:
      return assertNever(error.code);
  }
}
