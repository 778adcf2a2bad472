import { auditContract } from '../../../../src/features/audit/audit.contract.ts';
import { useAuditEvents, useAuditVerification } from '../../api/audit.ts';
import { formatDateTime } from '../../components/labels.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSearchFilters } from '../../components/useSearchFilters.ts';
import { useFilterForm } from '../../forms/use-filter-form.ts';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { auditActionLabel, auditActionLabels } from './action-labels.ts';

const pageSize = 50;
/** The events endpoint's filters: the search's length and the action's come from them. */
const filterSchema = auditContract.events.query.pick({ action: true, q: true });
/** Every action in words, alphabetically (the schema takes any action name). */
const actionOptions = Object.entries(auditActionLabels)
  .sort((a, b) => a[1].localeCompare(b[1]))
  .map(([value, label]) => ({ value, label }));
const roleWords: Record<string, string> = {
  admin: 'admin',
  secretariat: 'secretariat',
  delegate: 'delegate',
  organizer: 'organizer',
  viewer: 'viewer',
};

interface Filters {
  before: string;
  action: string;
  q: string;
}

/** What the event names: its title or name from the payload, when it carries one. */
function subjectOf(payload: Record<string, unknown>): string | null {
  const named = payload.title ?? payload.name;
  return typeof named === 'string' ? named : null;
}

/**
 * The append-only, hash-chained log, newest first, a page at a time: each event in words with who
 * did it; filtered by kind of action and by free text; the chain's check on top.
 */
export function AuditPage() {
  usePageTitle('Audit log');
  const [filters, setFilters] = useSearchFilters<keyof Filters, Filters>(['before', 'action', 'q']);
  const beforeSeq = Number(filters.before) || undefined;
  const q = filters.q.trim();
  const events = useAuditEvents({
    order: 'desc',
    limit: pageSize,
    ...(beforeSeq ? { beforeSeq } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(q ? { q } : {}),
  });
  const verify = useAuditVerification();
  // A new filter starts again from the newest event.
  const form = useFilterForm(
    filterSchema,
    { action: filters.action || undefined, q: filters.q || undefined },
    (patch) => setFilters({ ...patch, before: '' }),
  );

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
        <TextField form={form} name="q" label="Search" placeholder="a name, a title, a word" />
        <SelectField
          form={form}
          name="action"
          label="Action"
          options={actionOptions}
          placeholder="Every action"
        />
      </form>
      {events.isPending ? <Loading label="Loading events" /> : null}
      {events.isError ? <ErrorMessage error={events.error} /> : null}
      {events.data ? (
        <>
          {events.data.events.length === 0 ? <p>No events match.</p> : null}
          <ol className="card-list audit-list" aria-label="Audit events, newest first">
            {events.data.events.map((event) => {
              const named = subjectOf(event.payload);
              return (
                <li key={event.seq}>
                  <strong>
                    {auditActionLabel(event.action)}
                    {named ? `: ${named}` : ''}
                  </strong>
                  <div className="muted">
                    {formatDateTime(event.at)} ·{' '}
                    {event.actor
                      ? `by ${event.actorName ?? 'a former user'} (${roleWords[event.actor.role] ?? event.actor.role})`
                      : 'by the system'}{' '}
                    · event #{event.seq}
                  </div>
                  <details>
                    <summary>Details and hash</summary>
                    <p className="muted">
                      Action code <code>{event.action}</code>
                      {event.subject ? (
                        <>
                          {' '}
                          · subject {event.subject.type} <code>{event.subject.id}</code>
                        </>
                      ) : null}
                    </p>
                    <pre>{JSON.stringify(event.payload, null, 2)}</pre>
                    <p className="digest">
                      hash <code>{event.hash}</code>
                      <br />
                      previous <code>{event.prevHash}</code>
                    </p>
                  </details>
                </li>
              );
            })}
          </ol>
          <nav aria-label="Pages of the log" className="button-row">
            {beforeSeq ? (
              <button type="button" className="secondary" onClick={() => setFilters({ before: '' })}>
                Back to the newest
              </button>
            ) : null}
            {events.data.nextBeforeSeq !== null ? (
              <button
                type="button"
                className="secondary"
                onClick={() => setFilters({ before: String(events.data.nextBeforeSeq) })}
              >
                Older events
              </button>
            ) : null}
          </nav>
        </>
      ) : null}
    </section>
  );
}
