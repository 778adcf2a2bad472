import { useParams } from 'react-router';
import { usePublicCoalition } from '../../api/coalition.ts';
import { formatDateTime } from '../../components/labels.ts';
import { PlankList } from '../../components/PlankList.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

export function PublicCharterPage() {
  const { slug = '' } = useParams();
  const coalition = usePublicCoalition(slug);
  usePageTitle(coalition.data ? `${coalition.data.coalition.name}: charter` : 'Charter');
  if (coalition.isPending) return <Loading label="Loading the charter" />;
  if (coalition.isError) return <ErrorMessage error={coalition.error} />;
  const { charter, members } = coalition.data;
  return (
    <section aria-labelledby="charter-title" className="prose">
      <h1 id="charter-title">{coalition.data.coalition.name}: charter</h1>
      <p>
        A coalition of {members.length} member organization{members.length === 1 ? '' : 's'}. Every member
        ratifies this charter and keeps its own identity and platform.
      </p>
      {charter ? (
        <>
          <p className="muted">
            Version {charter.version}, adopted {formatDateTime(charter.adoptedAt)}.
          </p>
          <PlankList planks={charter.planks} />
        </>
      ) : (
        <p>The coalition has not adopted its charter yet.</p>
      )}
      {coalition.data.auditHead ? (
        <section aria-labelledby="audit-head-title" className="audit-head" data-testid="audit-head">
          <h2 id="audit-head-title">Audit chain head</h2>
          <p>
            Every decision, ballot and membership change of this coalition is recorded in a hash chain. Its
            latest event is number {coalition.data.auditHead.seq}
            {coalition.data.auditHead.at ? `, of ${formatDateTime(coalition.data.auditHead.at)}` : ''}, with
            the hash:
          </p>
          <p>
            <code className="hash">{coalition.data.auditHead.hash}</code>
          </p>
          <p className="muted">
            Keep a copy. Later, anyone with the chain can check that nothing up to this point was changed:{' '}
            <code>
              concord audit verify --head {coalition.data.auditHead.hash}@{coalition.data.auditHead.seq}
            </code>
            .
          </p>
        </section>
      ) : null}
    </section>
  );
}
