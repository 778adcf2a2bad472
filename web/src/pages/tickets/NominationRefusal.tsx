import type { ticketsContract } from '../../../../src/features/tickets/tickets.contract.ts';
import { ApiError, type ApiErrorOf, assertNever } from '../../api/client.ts';
import { ErrorMessage } from '../../components/Status.tsx';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Why a proposed ticket was refused. A ballot-law refusal (`fusion.*`) shows the state's rule and
 * its source; where an endorsement would do (`details.offer`), it offers to turn the other members'
 * party lines into endorsements. Every other code reads as the server's message.
 */
export function NominationRefusal({
  error,
  onEndorse,
}: {
  error: ApiErrorOf<typeof ticketsContract.propose>;
  onEndorse: () => void;
}) {
  if (!(error instanceof ApiError)) return <ErrorMessage error={error} />;
  switch (error.code) {
    case 'fusion.not_allowed':
    case 'fusion.write_in_fact_required':
    case 'fusion.limited_condition_unmet':
    case 'fusion.ruling_required':
    case 'fusion.ruled_out':
    case 'fusion.too_many_nominations':
    case 'fusion.wilson_pakula_missing':
    case 'fusion.state_unknown':
    case 'fusion.not_allowed_by_coalition':
    case 'line.coalition_not_recognised': {
      const rule = text(error.details?.rule);
      const source = text(error.details?.source);
      const asOf = text(error.details?.asOf);
      return (
        <section className="error" aria-labelledby="refusal-title">
          <h2 id="refusal-title">The ballot law refuses these lines</h2>
          <p role="alert">{error.message}</p>
          {rule ? (
            <p>
              The rule{asOf ? ` (as of ${asOf})` : ''}: {rule}
              {source ? <small className="muted"> Source: {source}</small> : null}
            </p>
          ) : null}
          {error.details?.offer === 'endorsement' ? (
            <p>
              <button type="button" onClick={onEndorse}>
                Make the other members’ lines endorsements
              </button>
            </p>
          ) : null}
        </section>
      );
    }
    case 'auth.forbidden':
    case 'candidate.member_required':
    case 'candidate.not_your_member':
    case 'organization.not_found':
    case 'candidate.member_inactive':
    case 'line.duplicate':
    case 'race.not_found':
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
