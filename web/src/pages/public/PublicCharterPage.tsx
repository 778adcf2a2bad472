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
    </section>
  );
}
