import { useParams } from 'react-router';
import { useDrive } from '../../api/petitions.ts';
import { useSession } from '../../api/session.ts';
import { isStaffRole } from '../../components/roles.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { AddCirculator } from './AddCirculator.tsx';
import { BurnUpChart } from './BurnUpChart.tsx';
import { CheckEntry } from './CheckEntry.tsx';
import { outcomeWords, percent, whole } from './format.ts';
import { PacketEntry } from './PacketEntry.tsx';
import './petitions.css';

/** One drive: where it stands, where it is heading, in the state's own terms; and its data entry. */
export function DrivePage() {
  const { id = '' } = useParams();
  const drive = useDrive(id);
  const session = useSession().data;
  usePageTitle(drive.data?.drive.name ?? 'Petition drive');
  if (drive.isPending) return <Loading label="Loading the drive" />;
  if (drive.isError) return <ErrorMessage error={drive.error} />;
  const { drive: d, projection: p, requirement, rule, validity } = drive.data;
  const defaultDay = p.asOfDay < d.dueDay ? p.asOfDay : d.dueDay;
  return (
    <section aria-labelledby="drive-title" className="petitions">
      <h1 id="drive-title">{d.name}</h1>
      <p>
        {d.organizationName} ·{' '}
        {d.target.kind === 'member' ? 'for the member' : `${d.target.kind}: ${d.target.name}`} ·{' '}
        {requirement.title} · due {d.dueDay}
      </p>
      <dl className="stats" aria-label="Drive figures">
        <div>
          <dt>Raw collected</dt>
          <dd data-testid="collected">{whole(d.collectedRaw)}</dd>
        </div>
        <div>
          <dt>Target (raw)</dt>
          <dd>{whole(d.targetRaw)}</dd>
        </div>
        <div>
          <dt>Projected valid at deadline</dt>
          <dd data-testid="projected">{whole(p.validAtDeadline.mean)}</dd>
        </div>
        <div>
          <dt>95% interval</dt>
          <dd>
            {whole(p.validAtDeadline.low)}–{whole(p.validAtDeadline.high)}
          </dd>
        </div>
        <div>
          <dt>Required</dt>
          <dd>{whole(d.required)}</dd>
        </div>
        <div>
          <dt>Probability of qualifying</dt>
          <dd data-testid="probability">{percent(p.probabilityQualifying)}</dd>
        </div>
      </dl>
      <p className="small">
        Target: {d.targetArithmetic} (required ÷ expected validity × safety margin). Validity estimate{' '}
        {percent(p.validity.estimate)}{' '}
        {p.validity.fromChecks ? 'from the checks' : `(expected; no checks yet)`}; pace {whole(p.pacePerDay)}{' '}
        a day, {p.daysRemaining} days left.
      </p>
      <section aria-labelledby="verdict-title" className="panel">
        <h2 id="verdict-title">
          Official check: <span data-testid="verdict">{outcomeWords[p.verdict.outcome]}</span>
        </h2>
        <p className="small">
          By the rule “{rule.name}”. {rule.summary}
        </p>
        <ol className="small">
          {p.verdict.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
      <BurnUpChart detail={drive.data} />
      <section aria-labelledby="validity-title">
        <h2 id="validity-title">Validity</h2>
        <p>
          Overall: {percent(validity.overall.rate)} of {whole(validity.overall.checked)} lines checked
          {validity.overall.interval
            ? ` (95%: ${percent(validity.overall.interval.low)}–${percent(validity.overall.interval.high)})`
            : ''}
          .
        </p>
        {drive.data.circulators ? (
          <TableScroll label="Circulators">
            <table>
              <caption>Circulators</caption>
              <thead>
                <tr>
                  <th scope="col">Circulator</th>
                  <th scope="col">Packets</th>
                  <th scope="col">Raw</th>
                  <th scope="col">Checked</th>
                  <th scope="col">Validity (95% interval)</th>
                  <th scope="col">Flag</th>
                </tr>
              </thead>
              <tbody>
                {drive.data.circulators.map((c) => (
                  <tr key={c.id} className={c.outlier.flagged ? 'flagged' : undefined}>
                    <th scope="row">{c.name}</th>
                    <td className="number">{c.packets}</td>
                    <td className="number">{whole(c.raw)}</td>
                    <td className="number">{whole(c.validity.checked)}</td>
                    <td className="number">
                      {percent(c.validity.rate)}
                      {c.validity.interval
                        ? ` (${percent(c.validity.interval.low, 0)}–${percent(c.validity.interval.high, 0)})`
                        : ''}
                    </td>
                    <td>
                      {c.outlier.flagged ? (
                        <strong>Outlier: {c.outlier.reason}</strong>
                      ) : (
                        <span className="muted">{c.outlier.reason}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p className="muted">
            Circulators, packets and checks are visible to the drive’s member and coalition staff.
          </p>
        )}
        {validity.byCounty.length > 0 ? (
          <TableScroll label="Validity by county">
            <table>
              <caption>By county</caption>
              <thead>
                <tr>
                  <th scope="col">County</th>
                  <th scope="col">Checked</th>
                  <th scope="col">Validity</th>
                </tr>
              </thead>
              <tbody>
                {validity.byCounty.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.label}</th>
                    <td className="number">{whole(c.checked)}</td>
                    <td className="number">{percent(c.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
        {drive.data.duplicates && drive.data.duplicates.length > 0 ? (
          <p>
            {drive.data.duplicates.length} possible duplicate signer(s) across packets:{' '}
            {drive.data.duplicates
              .map((g) => g.lines.map((l) => `${l.packetLabel}:${l.line}`).join(' = '))
              .join('; ')}
          </p>
        ) : null}
      </section>
      {drive.data.packets ? (
        <>
          <section aria-labelledby="packet-entry-title" className="panel">
            <h2 id="packet-entry-title">Enter packets</h2>
            <PacketEntry driveId={d.id} defaultDay={defaultDay} />
            <datalist id="circulator-names">
              {(drive.data.circulators ?? []).map((c) => (
                <option key={c.id} value={c.name} />
              ))}
            </datalist>
          </section>
          <section className="panel">
            <AddCirculator
              driveId={d.id}
              pickPeople={
                !!session && !isStaffRole(session.role) && session.organizationId === d.organizationId
              }
            />
          </section>
          <section aria-labelledby="check-entry-title" className="panel">
            <h2 id="check-entry-title">Enter a sample check</h2>
            <CheckEntry
              driveId={d.id}
              defaultDay={defaultDay}
              packets={drive.data.packets.map((pk) => pk.label)}
            />
          </section>
          <TableScroll label="Packets">
            <table>
              <caption>Packets ({drive.data.packets.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Packet</th>
                  <th scope="col">Circulator</th>
                  <th scope="col">County</th>
                  <th scope="col">Collected</th>
                  <th scope="col">Raw</th>
                  <th scope="col">Checked / valid</th>
                </tr>
              </thead>
              <tbody>
                {[...drive.data.packets]
                  .reverse()
                  .slice(0, 200)
                  .map((pk) => (
                    <tr key={pk.id}>
                      <th scope="row">{pk.label}</th>
                      <td>{pk.circulatorName ?? '—'}</td>
                      <td>{pk.county ?? '—'}</td>
                      <td>{pk.collectedOn}</td>
                      <td className="number">{pk.rawCount}</td>
                      <td className="number">
                        {pk.checked} / {pk.valid}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
      <section aria-labelledby="deadlines-title">
        <h2 id="deadlines-title">Deadlines</h2>
        <ul>
          {drive.data.deadlines.map((dl) => (
            <li key={`${dl.kind}-${dl.day}`}>
              {dl.day}: {dl.title}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
