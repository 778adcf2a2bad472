import { Link } from 'react-router';
import { useDrivePages } from '../../api/petitions.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { percent, whole } from './format.ts';

/** The coalition's petition drives, soonest due first, 20 at a time. */
export function DriveList() {
  const drives = useDrivePages();
  if (drives.isPending) return <Loading label="Loading drives" />;
  if (drives.isError) return <ErrorMessage error={drives.error} />;
  const items = drives.items ?? [];
  if (items.length === 0) return <p className="muted">No drives yet.</p>;
  return (
    <>
      <TableScroll label="Petition drives">
        <table>
          <thead>
            <tr>
              <th scope="col">Drive</th>
              <th scope="col">Member</th>
              <th scope="col">Due</th>
              <th scope="col">Raw / target</th>
              <th scope="col">Projected valid / required</th>
              <th scope="col">P(qualify)</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <Link to={`/petitions/drives/${d.id}`}>{d.name}</Link>
                </th>
                <td>{d.organizationName}</td>
                <td>{d.dueDay}</td>
                <td className="number">
                  {whole(d.collectedRaw)} / {whole(d.targetRaw)}
                </td>
                <td className="number">
                  {whole(d.projectedValid)} / {whole(d.required)}
                </td>
                <td className="number">{percent(d.probabilityQualifying)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <LoadMore pages={drives} shown={items.length} noun="drives" />
    </>
  );
}
