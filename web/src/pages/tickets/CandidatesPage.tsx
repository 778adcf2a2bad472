import { useState } from 'react';
import { Link } from 'react-router';
import { ticketsContract } from '../../../../src/features/tickets/tickets.contract.ts';
import { useJurisdictions } from '../../api/map.ts';
import { type CandidateFilter, useAlerts, useCandidatePages } from '../../api/tickets.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useFilterForm } from '../../forms/use-filter-form.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { statusLabels } from './labels.ts';
import './tickets.css';

/** The list endpoint's filters: the status options and the limits come from them. */
const filterSchema = ticketsContract.candidates.query.pick({
  status: true,
  state: true,
  q: true,
  dissident: true,
});
const complianceOptions = [
  { value: 'true', label: 'Dissident only' },
  { value: 'false', label: 'Compliant only' },
];

/** The coalition's candidates with filters, 50 at a time, and the compliance alerts (dissident candidacies). */
export function CandidatesPage() {
  usePageTitle('Candidates');
  const [filter, setFilter] = useState<CandidateFilter>({});
  const candidates = useCandidatePages(filter);
  const form = useFilterForm(filterSchema, filter, (patch) =>
    setFilter((current) => ({ ...current, ...patch })),
  );
  const alerts = useAlerts();
  // States by name (the filter still sends the USPS code the API takes), in alphabetical order.
  const states = useJurisdictions({ kind: 'state', limit: 100 });
  const stateNames: Record<string, string> = Object.fromEntries(
    [...(states.data?.items ?? [])]
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((state) => (state.abbr ? [[state.abbr, state.name]] : [])),
  );
  return (
    <section aria-labelledby="candidates-title">
      <div className="page-head">
        <h1 id="candidates-title">Candidates</h1>
        <div className="page-actions">
          <Link to="/candidates/results">Results report</Link>
          <Link className="button" to="/candidates/new">
            Build a ticket
          </Link>
        </div>
      </div>
      <section aria-labelledby="alerts-title">
        <h2 id="alerts-title">Compliance alerts</h2>
        {alerts.isError ? <ErrorMessage error={alerts.error} /> : null}
        {alerts.data?.length === 0 ? (
          <p className="muted">No candidacy runs against a ratified pact.</p>
        ) : null}
        <ul className="alert-list">
          {alerts.data?.map((a) => (
            <li key={a.candidateId} className="check-warn">
              <Link to={`/candidates/${a.candidateId}`}>{a.candidateName}</Link> ({a.dissidentMember}) in{' '}
              {a.raceName}:{' '}
              {a.dissident.map((d) => `"${d.pactName}" gave it to ${d.assignedToName}`).join('; ')}
              {a.dispute.decisionId ? (
                <>
                  {' '}
                  ·{' '}
                  <Link to={`/decisions/${a.dispute.decisionId}`}>dispute {a.dispute.outcome ?? 'open'}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <form className="filters" aria-label="Filter candidates" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          form={form}
          name="status"
          label="Status"
          labels={statusLabels}
          placeholder="Any status"
        />
        <SelectField
          form={form}
          name="state"
          label="State"
          options={Object.entries(stateNames).map(([value, label]) => ({ value, label }))}
          placeholder={states.isPending ? 'Loading the states…' : 'Any state'}
        />
        <TextField form={form} name="q" label="Name" />
        <SelectField
          form={form}
          name="dissident"
          label="Pact compliance"
          options={complianceOptions}
          placeholder="All"
        />
      </form>
      {states.isError ? <ErrorMessage error={states.error} /> : null}
      {candidates.isPending ? <Loading label="Loading candidates" /> : null}
      {candidates.isError ? <ErrorMessage error={candidates.error} /> : null}
      {candidates.items?.length === 0 ? (
        <EmptyState title="No candidates match">
          <p>Try another status, state or name, or build a ticket to propose a candidate.</p>
        </EmptyState>
      ) : null}
      {candidates.items && candidates.items.length > 0 ? (
        <TableScroll label="Candidates">
          <table>
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col">Race</th>
                <th scope="col">Member</th>
                <th scope="col">Lines</th>
                <th scope="col">Status</th>
                <th scope="col">Checks</th>
              </tr>
            </thead>
            <tbody>
              {candidates.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/candidates/${c.id}`}>{c.name}</Link>
                  </td>
                  <td>
                    {c.race.name} (
                    {(c.race.statePo && stateNames[c.race.statePo]) ?? c.race.statePo ?? c.race.country})
                  </td>
                  <td>{c.memberName}</td>
                  <td>{c.lines.map((l) => l.label).join(', ')}</td>
                  <td>{statusLabels[c.status]}</td>
                  <td>{c.dissident.length > 0 ? 'Dissident' : c.check.fusion.ok ? 'OK' : 'Rule broken'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {candidates.items ? (
        <LoadMore pages={candidates} shown={candidates.items.length} noun="candidates" />
      ) : null}
    </section>
  );
}
