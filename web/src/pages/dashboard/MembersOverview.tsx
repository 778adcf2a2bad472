import { Link } from 'react-router';
import { useCoalition } from '../../api/coalition.ts';
import { useOrganizationDetails, useOrganizations } from '../../api/organizations.ts';
import { FigureText } from '../../components/FigureText.tsx';
import { kindLabels, metricLabels, positionLabel } from '../../components/labels.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { OrganizationStatusBadge } from '../../components/StatusBadges.tsx';
import { currentFigure } from '../../components/strength.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

/** Members and applicants with their size (the coalition's strength metric), position and charter. */
export function MembersOverview() {
  const organizations = useOrganizations();
  const coalition = useCoalition();
  const active = (organizations.data ?? []).filter(
    (o) => o.status !== 'expelled' && o.status !== 'withdrawn',
  );
  const details = useOrganizationDetails(active.map((o) => o.id));
  const metric = coalition.data?.settings.strengthMetric ?? 'members';

  if (organizations.isPending) return <Loading label="Loading members" />;
  if (organizations.isError) return <ErrorMessage error={organizations.error} />;
  if (active.length === 0) return <p>No members yet.</p>;
  return (
    <TableScroll label="Members table">
      <table>
        <caption className="visually-hidden">Members and applicants</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col" className="num">
              Size ({metricLabels[metric].toLowerCase()})
            </th>
            <th scope="col">Position</th>
            <th scope="col">Status</th>
            <th scope="col">Charter</th>
          </tr>
        </thead>
        <tbody>
          {active.map((org, i) => {
            const detail = details[i];
            return (
              <tr key={org.id}>
                <th scope="row">
                  <Link to={`/members/${org.id}`}>{org.name}</Link>
                </th>
                <td>{kindLabels[org.kind]}</td>
                <td className="num">
                  {detail?.data ? (
                    <FigureText figure={currentFigure(detail.data.evidence, metric)} />
                  ) : detail?.isError ? (
                    <span className="muted">Unavailable</span>
                  ) : (
                    <span className="muted">…</span>
                  )}
                </td>
                <td>{positionLabel(org.position)}</td>
                <td>
                  <OrganizationStatusBadge status={org.status} />
                </td>
                <td>{org.charterRatified ? 'Ratified' : <strong>Not ratified</strong>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
