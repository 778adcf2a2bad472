import {
  type JurisdictionView,
  useJurisdictionResults,
  useJurisdictions,
  useRacesById,
  useResultSets,
} from '../../api/map.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { districtOrder, latestResultOf, leadingCandidates } from './place-races.ts';
import './public-candidates.css';

/**
 * Until the coalition publishes its pact assignments (no public endpoint gives "the member
 * assigned to this race" yet), every race says so rather than guess.
 */
function CoalitionCandidate() {
  return <span className="muted">No coalition candidate announced</span>;
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
      <TableScroll label="Races and coalition candidates">
        <table>
          <thead>
            <tr>
              <th scope="col">Race</th>
              <th scope="col">Area</th>
              <th scope="col">Last result</th>
              <th scope="col">Coalition candidate</th>
            </tr>
          </thead>
          <tbody>
            {president ? (
              <tr>
                <th scope="row">{race?.data?.name ?? 'President'}</th>
                <td>{state.name} (statewide)</td>
                <td>
                  {/\d{4}/.exec(president.resultSet.slug)?.[0]}: {leadingCandidates(president)}
                </td>
                <td>
                  <CoalitionCandidate />
                </td>
              </tr>
            ) : null}
            {seats.length === 1 && seats[0] ? (
              <tr>
                <th scope="row">U.S. House — {seats[0].code}</th>
                <td>{state.name} (one seat, statewide)</td>
                <td>—</td>
                <td>
                  <CoalitionCandidate />
                </td>
              </tr>
            ) : null}
            <tr>
              <th scope="row">County organizing zone</th>
              <td>{place}</td>
              <td>—</td>
              <td>
                <CoalitionCandidate />
              </td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
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
