import { Link } from 'react-router';
import { useJurisdictionByCode } from '../../api/map.ts';
import { type CandidateView, useAllCandidates } from '../../api/tickets.ts';
import { ErrorMessage } from '../../components/Status.tsx';

/**
 * Dissident candidacies in the races of a place (issue #17, pact compliance): for each, the member a
 * ratified pact gave the race to, the member whose candidate runs there anyway, and the dispute if
 * one is open. A state lists every race in it; a county the races of the county itself and the
 * statewide ones (district races cross county lines: the state's panel lists them).
 */
export function RaceDissidents({ fips, name }: { fips: string; name: string }) {
  const state = useJurisdictionByCode('state', fips.slice(0, 2));
  const statePo = state.data?.abbr ?? undefined;
  const candidates = useAllCandidates(
    statePo ? { state: statePo, dissident: 'true' } : { dissident: 'true' },
  );
  if (state.isError) return <ErrorMessage error={state.error} />;
  if (candidates.isError) return <ErrorMessage error={candidates.error} />;
  if (!statePo || !candidates.data) return null;
  const county = fips.length > 2;
  const here = candidates.data.filter(
    (c) =>
      c.race.statePo === statePo &&
      (!county ||
        c.race.jurisdictionKey === `county:${fips}` ||
        c.race.jurisdictionKey === `state:${fips.slice(0, 2)}`),
  );
  if (here.length === 0) return null;
  return (
    <section aria-labelledby="race-dissidents-title" className="race-dissidents">
      <h3 id="race-dissidents-title">Dissident candidacies in {name}</h3>
      <ul>
        {here.map((c) => (
          <DissidentFlag key={c.id} candidate={c} />
        ))}
      </ul>
    </section>
  );
}

function DissidentFlag({ candidate: c }: { candidate: CandidateView }) {
  return (
    <li>
      <strong>{c.race.name}</strong>:{' '}
      {c.dissident.map((d) => `the pact "${d.pactName}" gave it to ${d.assignedToName}`).join('; ')}, but{' '}
      <Link to={`/candidates/${c.id}`}>{c.name}</Link> of {c.memberName} runs there (dissident).{' '}
      {c.dispute.decisionId ? (
        <Link to={`/decisions/${c.dispute.decisionId}`}>Dispute {c.dispute.outcome ?? 'open'}</Link>
      ) : (
        <span className="muted">No dispute opened.</span>
      )}
    </li>
  );
}
