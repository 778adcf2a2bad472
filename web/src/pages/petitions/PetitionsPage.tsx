import { useMemo, useState } from 'react';
import { useRequirements, useStateShapes } from '../../api/petitions.ts';
import { MapLegend } from '../../components/map/MapLegend.tsx';
import { buildGeometry } from '../../components/map/map-geometry.ts';
import { UsMap } from '../../components/map/UsMap.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { DeadlineCalendar } from './DeadlineCalendar.tsx';
import { DriveList } from './DriveList.tsx';
import { LabelledSelect } from './LabelledSelect.tsx';
import { NewDriveForm } from './NewDriveForm.tsx';
import { NewRequirementForm } from './NewRequirementForm.tsx';
import { deadlineColouring, difficultyColouring, requirementsByFips } from './requirement-colouring.ts';
import './petitions.css';

type Kind = 'party_recognition' | 'independent_candidate';

/** Ballot access: the requirements browser (map and table), the drives, and the deadline calendar. */
export function PetitionsPage() {
  usePageTitle('Ballot access');
  const requirements = useRequirements();
  const shapes = useStateShapes();
  const [kind, setKind] = useState<Kind>('party_recognition');
  const [colourBy, setColourBy] = useState<'difficulty' | 'deadline'>('difficulty');
  const [selected, setSelected] = useState<string | null>(null);
  const geometry = useMemo(() => (shapes.data ? buildGeometry(shapes.data, 'states') : null), [shapes.data]);
  const byFips = useMemo(() => requirementsByFips(requirements.data ?? [], kind), [requirements.data, kind]);
  const colouring = useMemo(
    () => (colourBy === 'difficulty' ? difficultyColouring(byFips) : deadlineColouring(byFips)),
    [byFips, colourBy],
  );
  const chosen = selected ? byFips.get(selected) : undefined;
  const own = (requirements.data ?? []).filter((r) => r.origin === 'coalition');
  const shown = (requirements.data ?? []).filter((r) => r.origin === 'shipped' && r.kind === kind);

  return (
    <section aria-labelledby="petitions-title" className="petitions">
      <h1 id="petitions-title">Ballot access</h1>
      <div className="dashboard-grid">
        <section aria-labelledby="drives-title" className="panel wide">
          <h2 id="drives-title">Petition drives</h2>
          <DriveList />
        </section>
        <section aria-labelledby="calendar-title" className="panel wide">
          <h2 id="calendar-title">Deadlines</h2>
          <DeadlineCalendar />
        </section>
      </div>

      <h2>Requirements</h2>
      <p className="muted">
        US requirements are seeded from the shipped compiled table: each number is <strong>computed</strong>{' '}
        (from the latest presidential vote, where the rule names it), <strong>copied</strong> (as a source
        stated it for 2024), or <strong>missing</strong> (the rule needs figures Concord does not ship). Check
        every rule with the state before filing.
      </p>
      <div className="petition-controls">
        <LabelledSelect
          label="Requirement kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
        >
          <option value="party_recognition">New party recognition</option>
          <option value="independent_candidate">Independent statewide candidate</option>
        </LabelledSelect>
        <LabelledSelect
          label="Colour by"
          value={colourBy}
          onChange={(e) => setColourBy(e.target.value as 'difficulty' | 'deadline')}
        >
          <option value="difficulty">Difficulty (signatures per 1,000 voters)</option>
          <option value="deadline">Deadline</option>
        </LabelledSelect>
      </div>
      {requirements.isPending ? <Loading label="Loading requirements" /> : null}
      {requirements.isError ? <ErrorMessage error={requirements.error} /> : null}
      {geometry ? (
        <div className="petition-map">
          <UsMap
            geometry={geometry}
            colouring={colouring}
            label={`US states by ${colourBy === 'difficulty' ? 'signatures per 1,000 voters' : 'deadline'}`}
            selectedId={selected}
            onSelect={(place) => setSelected(place.id)}
          />
          <MapLegend title={colouring.title} items={colouring.legend} />
        </div>
      ) : shapes.isError ? (
        <p className="muted">
          The map needs the geography loaded (concord data load); the table below has every state.
        </p>
      ) : null}
      {chosen ? (
        <article className="panel" aria-label={`${chosen.title} details`}>
          <h3>{chosen.title}</h3>
          <p>
            <strong>
              {chosen.signatures === null ? 'No number' : chosen.signatures.toLocaleString('en-US')}
            </strong>{' '}
            ({chosen.numberStatus}): {chosen.computation}
          </p>
          <p>Rule: {chosen.ruleText}</p>
          {chosen.distribution ? <p>Distribution: {chosen.distribution}</p> : null}
          <p>Deadline: {chosen.deadlineText || '—'}</p>
          <p className="muted">
            Sources ({chosen.asOf}): {chosen.source}
          </p>
        </article>
      ) : null}
      <TableScroll label="Requirements by state">
        <table className="requirements-table">
          <thead>
            <tr>
              <th scope="col">State</th>
              <th scope="col">Signatures</th>
              <th scope="col">Status</th>
              <th scope="col">Per 1,000 voters</th>
              <th scope="col">How</th>
              <th scope="col">Deadline</th>
            </tr>
          </thead>
          <tbody>
            {[...own, ...shown].map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.origin === 'coalition' ? r.title : r.jurisdictionName}</th>
                <td className="number">
                  {r.signatures === null ? '—' : r.signatures.toLocaleString('en-US')}
                </td>
                <td>
                  <span className={`badge status-${r.numberStatus}`}>{r.numberStatus}</span>
                </td>
                <td className="number">{r.perThousandVoters ?? '—'}</td>
                <td className="small">
                  {r.computation}
                  <details>
                    <summary>Rule text</summary>
                    {r.ruleText}
                  </details>
                </td>
                <td className="small">{r.deadline ?? (r.deadlineText || '—')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <section aria-labelledby="new-drive-title" className="panel">
        <h2 id="new-drive-title">Start a drive</h2>
        <NewDriveForm requirements={requirements.data ?? []} />
      </section>
      <section aria-labelledby="new-requirement-title" className="panel">
        <h2 id="new-requirement-title">Add a requirement of the coalition</h2>
        <NewRequirementForm />
      </section>
    </section>
  );
}
