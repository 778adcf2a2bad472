import { useParams } from 'react-router';
import { usePublicCoalition } from '../../api/coalition.ts';
import { kindLabels, positionLabel } from '../../components/labels.ts';
import { PlankList } from '../../components/PlankList.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

export function PublicMembersPage() {
  const { slug = '' } = useParams();
  const coalition = usePublicCoalition(slug);
  usePageTitle(coalition.data ? `Members of ${coalition.data.coalition.name}` : 'Members');
  if (coalition.isPending) return <Loading label="Loading the members" />;
  if (coalition.isError) return <ErrorMessage error={coalition.error} />;
  const { members } = coalition.data;
  const names = new Map(members.map((m) => [m.id, m.name]));
  return (
    <section aria-labelledby="public-members-title">
      <h1 id="public-members-title">Members of {coalition.data.coalition.name}</h1>
      {members.length === 0 ? <p>No members yet.</p> : null}
      <ul className="member-cards">
        {members.map((m) => (
          <li key={m.id}>
            <h2>{m.name}</h2>
            <p className="meta">
              {kindLabels[m.kind]}
              {m.parentId ? ` of ${names.get(m.parentId) ?? 'a member'}` : ''} · Position{' '}
              {positionLabel(m.position)}
            </p>
            {m.description ? <p>{m.description}</p> : null}
            {m.platform.length > 0 ? (
              <details>
                <summary>
                  Platform ({m.platform.length} plank{m.platform.length === 1 ? '' : 's'})
                </summary>
                <PlankList planks={m.platform} />
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
