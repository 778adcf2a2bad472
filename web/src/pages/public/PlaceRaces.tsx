import {
  type JurisdictionView,
  useJurisdictionResults,
  useJurisdictions,
  useRacesById,
  useResultSets,
} from '../../api/map.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { districtOrder, latestResultOf, leadingCandidates } from './place-races.ts';
import './public-candidates.css';

/**
 * Until the coalition publishes its pact assignments (no public endpoint gives "the member
 * assigned to this race" yet), every race says so rather than guess.
 */
function CoalitionCandidate() {
  return <span className="muted">No coalition candidate announced</span>;
}

/** One race: where it is held, its last result when the data has one, and the coalition's candidate. */
function RaceCard({ title, area, lastResult }: { title: string; area: string; lastResult?: string }) {
  return (
    <li>
      <h3>{title}</h3>
      <dl>
        <dt>Area</dt>
        <dd>{area}</dd>
        {lastResult ? (
          <>
            <dt>Last result</dt>
            <dd>{lastResult}</dd>
          </>
        ) : null}
        <dt>Coalition candidate</dt>
        <dd>
          <CoalitionCandidate />
        </dd>
      </dl>
    </li>
  );
}

/** The races for a county: statewide, the House seat(s), and the county itself as a zone. */
export function PlaceRaces({ state, county }: { state: JurisdictionView; county: JurisdictionView }) {
  const sets = useResultSets();
  const stateResults = useJurisdictionResults(state.id);
  const districts = useJurisdictions({ kind: 'congressional_district', parent: state.id, limit: 100 });
  const president = latestResultOf(stateResults.data ?? [], sets.data ?? [], 'us_president');
  const [race] = useRacesById(president?.raceId ? [president.raceId] : []);
  const place = `${county.name}, ${state.name}`;
  const error = sets.error ?? stateResults.error ?? districts.error;
  if (error) return <ErrorMessage error={error} />;
  if (!sets.data || !stateResults.data || !districts.data)
    return <Loading label={`Loading the races for ${place}`} />;
  const seats = [...districts.data.items].sort(districtOrder);

  return (
    <section aria-labelledby="races-title">
      <h2 id="races-title">Races for {place}</h2>
      <ul className="race-cards">
        {president ? (
          <RaceCard
            title={race?.data?.name ?? 'President'}
            area={`${state.name} (statewide)`}
            lastResult={`${/\d{4}/.exec(president.resultSet.slug)?.[0] ?? ''}: ${leadingCandidates(president)}`}
          />
        ) : null}
        {seats.length === 1 && seats[0] ? (
          <RaceCard title={`U.S. House — ${seats[0].code}`} area={`${state.name} (one seat, statewide)`} />
        ) : null}
        <RaceCard title="County organizing zone" area={place} />
      </ul>
      {seats.length > 1 ? <HouseSeats state={state} county={county} seats={seats} /> : null}
    </section>
  );
}

/** A state with several House seats: the map data does not say which of them cover the county. */
function HouseSeats({
  state,
  county,
  seats,
}: {
  state: JurisdictionView;
  county: JurisdictionView;
  seats: readonly JurisdictionView[];
}) {
  return (
    <details className="house-seats">
      <summary>
        U.S. House: {seats.length} districts in {state.name}
      </summary>
      <p>
        The map data does not yet say which of these districts cover {county.name}. No coalition candidate
        announced in any of them.
      </p>
      <ul className="seat-list">
        {seats.map((seat) => (
          <li key={seat.id}>
            {seat.name} ({seat.code})
          </li>
        ))}
      </ul>
    </details>
  );
}
