import { Link } from 'react-router';
import { useCharter } from '../../api/coalition.ts';
import { useRatifyCharter } from '../../api/organizations.ts';
import { useSession } from '../../api/session.ts';
import { formatDateTime, statusLabels } from '../../components/labels.ts';
import { PlankList } from '../../components/PlankList.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useToast } from '../../ui/toast.tsx';
import { CharterHistory } from './CharterHistory.tsx';

/** The current charter, who has ratified it and who has not; a delegate ratifies from here. */
export function CharterPage() {
  usePageTitle('Charter');
  const charter = useCharter();
  if (charter.isPending) return <Loading label="Loading the charter" />;
  if (charter.isError) return <ErrorMessage error={charter.error} />;
  const { current, ratified, notRatified } = charter.data;
  return (
    <section aria-labelledby="charter-title">
      <h1 id="charter-title">Charter</h1>
      {current ? (
        <>
          <p className="muted">
            Version {current.version}, adopted {formatDateTime(current.adoptedAt)}
            {current.decisionId ? (
              <>
                {' '}
                by <Link to={`/decisions/${current.decisionId}`}>decision</Link>
              </>
            ) : (
              ' at the founding'
            )}
            .
          </p>
          <RatifyOwn notRatified={notRatified} />
          <PlankList planks={current.planks} />
        </>
      ) : (
        <p>No charter has been adopted yet.</p>
      )}
      <div className="detail-grid">
        <section aria-labelledby="ratified-title" className="panel">
          <h2 id="ratified-title">Ratified ({ratified.length})</h2>
          <ul>
            {ratified.map((r) => (
              <li key={r.organizationId}>
                <Link to={`/members/${r.organizationId}`}>{r.name}</Link>{' '}
                <span className="muted">{formatDateTime(r.ratifiedAt)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="not-ratified-title" className="panel">
          <h2 id="not-ratified-title">Not ratified ({notRatified.length})</h2>
          {notRatified.length === 0 ? <p>Every member and applicant has ratified.</p> : null}
          <ul>
            {notRatified.map((r) => (
              <li key={r.organizationId}>
                <Link to={`/members/${r.organizationId}`}>{r.name}</Link>{' '}
                <span className="muted">{statusLabels[r.status]}</span>
              </li>
            ))}
          </ul>
        </section>
        <CharterHistory />
      </div>
    </section>
  );
}

function RatifyOwn({ notRatified }: { notRatified: { organizationId: string; name: string }[] }) {
  const session = useSession().data;
  const own = notRatified.find(
    (r) => session?.role === 'delegate' && r.organizationId === session.organizationId,
  );
  const ratify = useRatifyCharter(own?.organizationId ?? '');
  const toast = useToast();
  if (!own) return null;
  return (
    <div className="panel">
      <p>{own.name} has not ratified this version yet.</p>
      <button
        type="button"
        onClick={() =>
          ratify.mutate(undefined, { onSuccess: () => toast(`${own.name} has ratified the charter.`) })
        }
        disabled={ratify.isPending}
      >
        Ratify the charter for {own.name}
      </button>
      {ratify.isError ? <ErrorMessage error={ratify.error} /> : null}
    </div>
  );
}
