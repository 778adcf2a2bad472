import { Link } from 'react-router';
import { useCharterVersions } from '../../api/coalition.ts';
import { formatDateTime } from '../../components/labels.ts';
import { PlankList } from '../../components/PlankList.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';

/** Earlier versions of the charter, each with the decision that replaced the one before. */
export function CharterHistory() {
  const versions = useCharterVersions();
  if (versions.isPending) return <Loading label="Loading earlier versions" />;
  if (versions.isError) return <ErrorMessage error={versions.error} />;
  const earlier = versions.data.slice(1);
  return (
    <section aria-labelledby="charter-history-title" className="panel">
      <h2 id="charter-history-title">Earlier versions</h2>
      {earlier.length === 0 ? (
        <p className="muted">This is the founding version: it has not been amended.</p>
      ) : null}
      <ol className="card-list">
        {earlier.map((v) => (
          <li key={v.id}>
            <details>
              <summary>
                Version {v.version}, adopted {formatDateTime(v.adoptedAt)}
              </summary>
              {v.decisionId ? (
                <p>
                  Adopted by <Link to={`/decisions/${v.decisionId}`}>decision</Link>.
                </p>
              ) : null}
              <PlankList planks={v.planks} />
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
