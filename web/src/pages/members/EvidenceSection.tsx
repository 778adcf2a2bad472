import { useVerifyEvidence } from '../../api/organizations.ts';
import { useSession } from '../../api/session.ts';
import type { OrganizationDetail } from '../../api/types.ts';
import { formatDate, formatNumber, metricLabels } from '../../components/labels.ts';
import { canActFor, isFinal, isStaffRole } from '../../components/roles.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { EvidenceForm } from './EvidenceForm.tsx';

export function EvidenceSection({ organization }: { organization: OrganizationDetail }) {
  const session = useSession().data;
  const verify = useVerifyEvidence(organization.id);
  const staff = !!session && isStaffRole(session.role);
  return (
    <section aria-labelledby="evidence-title" className="panel wide">
      <h2 id="evidence-title">Strength evidence</h2>
      {organization.evidence.length === 0 ? (
        <p className="muted">No figures submitted yet.</p>
      ) : (
        <TableScroll label="Strength evidence table">
          <table>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col" className="num">
                  Value
                </th>
                <th scope="col">As of</th>
                <th scope="col">Source</th>
                <th scope="col">Verified</th>
              </tr>
            </thead>
            <tbody>
              {organization.evidence.map((e) => (
                <tr key={e.id}>
                  <td>{metricLabels[e.metric]}</td>
                  <td className="num">{formatNumber(e.value)}</td>
                  <td>{formatDate(e.asOf)}</td>
                  <td>
                    {e.source}
                    {e.note ? <div className="muted">{e.note}</div> : null}
                  </td>
                  <td>
                    {e.verified ? (
                      'Yes'
                    ) : staff ? (
                      <button
                        type="button"
                        className="secondary small"
                        disabled={verify.isPending}
                        onClick={() => verify.mutate(e.id)}
                        aria-label={`Verify ${metricLabels[e.metric].toLowerCase()} ${formatNumber(e.value)} as of ${formatDate(e.asOf)}`}
                      >
                        Verify
                      </button>
                    ) : (
                      'Not yet'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {verify.isError ? <ErrorMessage error={verify.error} /> : null}
      {canActFor(session, organization.id) && !isFinal(organization.status) ? (
        <EvidenceForm organizationId={organization.id} />
      ) : null}
    </section>
  );
}
