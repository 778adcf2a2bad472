import { useAuditEvents, useAuditVerification } from '../../api/audit.ts';
import { formatDateTime } from '../../components/labels.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { TextField } from '../../components/TextField.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSearchFilters } from '../../components/useSearchFilters.ts';
import { describeEvent } from '../dashboard/RecentActivity.tsx';

const pageSize = 50;
/** Suggestions for the filter, which the API matches exactly (it lists no actions itself). */
const knownActions = [
  'ballot.cast',
  'charter.amended',
  'charter.founded',
  'charter.ratified',
  'decision.closed',
  'decision.created',
  'delegate.assigned',
  'delegate.removed',
  'evidence.submitted',
  'evidence.verified',
  'organization.applied',
  'organization.founded',
  'organization.status_changed',
  'organization.updated',
  'settings.updated',
];

interface Filters {
  after: string;
  action: string;
}

/** The append-only, hash-chained log, a page at a time in chain order, with the chain's check. */
export function AuditPage() {
  usePageTitle('Audit log');
  const [filters, setFilters] = useSearchFilters<keyof Filters, Filters>(['after', 'action']);
  const afterSeq = Number(filters.after) || 0;
  const action = filters.action.trim();
  const events = useAuditEvents({ afterSeq, limit: pageSize, ...(action ? { action } : {}) });
  const verify = useAuditVerification();

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      {verify.isPending ? <Loading label="Verifying the chain" /> : null}
      {verify.isError ? <ErrorMessage error={verify.error} /> : null}
      {verify.data ? (
        <p className={verify.data.ok ? 'ok-text' : 'bad-text'} role={verify.data.ok ? 'status' : 'alert'}>
          {verify.data.message}
        </p>
      ) : null}
      <form className="filters" aria-label="Filter the log" onSubmit={(e) => e.preventDefault()}>
        <TextField
          label="Action (exact name)"
          placeholder="e.g. decision.closed"
          list="audit-actions"
          value={filters.action}
          onChange={(value) => setFilters({ action: value, after: '' })}
        />
        <datalist id="audit-actions">
          {knownActions.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </form>
      {events.isPending ? <Loading label="Loading events" /> : null}
      {events.isError ? <ErrorMessage error={events.error} /> : null}
      {events.data ? (
        <>
          {events.data.events.length === 0 ? <p>No events.</p> : null}
          <ol className="card-list audit-list">
            {events.data.events.map((event) => (
              <li key={event.seq}>
                <strong>{describeEvent(event)}</strong>
                <div className="muted">
                  #{event.seq} · {formatDateTime(event.at)} · {event.action}
                  {event.actor ? ` · by ${event.actor.role}` : ' · by the system'}
                  {event.subject ? ` · ${event.subject.type} ${event.subject.id}` : ''}
                </div>
                <details>
                  <summary>Payload and hash</summary>
                  <pre>{JSON.stringify(event.payload, null, 2)}</pre>
                  <p className="digest">
                    hash <code>{event.hash}</code>
                    <br />
                    previous <code>{event.prevHash}</code>
                  </p>
                </details>
              </li>
            ))}
          </ol>
          <nav aria-label="Pages of the log" className="button-row">
            {afterSeq > 0 ? (
              <button type="button" className="secondary" onClick={() => setFilters({ after: '' })}>
                Back to the first event
              </button>
            ) : null}
            {events.data.nextAfterSeq !== null ? (
              <button
                type="button"
                className="secondary"
                onClick={() => setFilters({ after: String(events.data.nextAfterSeq) })}
              >
                Later events
              </button>
            ) : null}
          </nav>
        </>
      ) : null}
    </section>
  );
}
