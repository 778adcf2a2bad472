import { useLatestAuditEvents } from '../../api/audit.ts';
import type { AuditEvent } from '../../api/types.ts';
import { formatDateTime } from '../../components/labels.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { auditActionLabel } from '../audit/action-labels.ts';

/** "decision.created" → "Decision created", with the title or name the event carries. */
export function describeEvent(event: AuditEvent): string {
  const what = auditActionLabel(event.action);
  const named = event.payload.title ?? event.payload.name;
  return typeof named === 'string' ? `${what}: ${named}` : what;
}

export function RecentActivity({ count = 8 }: { count?: number }) {
  const audit = useLatestAuditEvents(count);
  if (audit.isPending) return <Loading label="Loading the audit log" />;
  if (audit.isError) return <ErrorMessage error={audit.error} />;
  const { verify, events } = audit.data;
  return (
    <>
      <p className={verify.ok ? 'ok-text' : 'error'} role={verify.ok ? undefined : 'alert'}>
        {verify.ok ? `Audit chain verified: ${verify.events} events, unbroken.` : verify.message}
      </p>
      {events.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <ol className="card-list" aria-label="Latest audit events, newest first">
          {events.map((event) => (
            <li key={event.seq}>
              <span>{describeEvent(event)}</span>
              <div className="muted">
                #{event.seq} · {formatDateTime(event.at)}
                {event.actor ? ` · by ${event.actorName ?? event.actor.role}` : ' · by the system'}
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
