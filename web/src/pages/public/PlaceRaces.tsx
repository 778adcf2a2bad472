import {
  type JurisdictionView,
  useJurisdictionResults,
  useJurisdictions,
  useRacesById,
  useResultSets,
} from '../../api/map.ts';
import { type PublicRace, usePublicCandidates } from '../../api/public-candidates.ts';
import { formatDate } from '../../components/labels.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import {
  districtArea,
  districtOrder,
  houseSeatName,
  latestDistrictSet,
  latestResultOf,
  leadingCandidates,
} from './place-races.ts';
import './public-candidates.css';

/** Only ratified pacts are published: a race without one says so rather than guess. */
function CoalitionCandidate({ races }: { races: readonly PublicRace[] }) {
  if (races.length === 0) return <span className="muted">No coalition candidate announced</span>;
  return (
    <>
      {races.map((race) => (
        <span key={`${race.pact.name}\u001f${race.key}`} className="coalition-candidate">
          {race.member ? (
            <strong>{race.member.name}</strong>
          ) : (
            <span className="muted">
              {race.open ? 'Left open by the coalition' : 'No coalition candidate announced'}
            </span>
          )}{' '}
          <small className="muted">
            pact “{race.pact.name}”, version {race.pact.version}, ratified {formatDate(race.pact.ratifiedAt)}
          </small>
        </span>
      ))}
    </>
  );
}

/** One race: where it is held, its last result when the data has one, and the coalition's candidate. */
function RaceCard({
  title,
  area,
  lastResult,
  coalition,
}: {
  title: string;
  area: string;
  lastResult?: string;
  coalition: readonly PublicRace[];
}) {
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
          <CoalitionCandidate races={coalition} />
        </dd>
      </dl>
    </li>
  );
}

/**
 * The races for a county: statewide, the county's own House district(s) (from the area-based
 * crosswalk of district shapes, each with its share of the county), and the county itself as a zone, each with
 * the coalition's candidate from its ratified pacts; then any other ratified race covering the county.
 */
export function PlaceRaces({
  slug,
  state,
  county,
}: {
  slug: string;
  state: JurisdictionView;
  county: JurisdictionView;
}) {
  const coalition = usePublicCandidates(slug, `county:${county.code}`);
  const sets = useResultSets();
  const stateResults = useJurisdictionResults(state.id);
  // Districts of the latest House election only: the data holds every year's seats (Michigan had
  // 19 in the 1970s, 14 in 2020), and a lookup must not mix them.
  const districtSet = latestDistrictSet(sets.data ?? []);
  const districts = useJurisdictions(
    { kind: 'congressional_district', parent: state.id, resultSet: districtSet?.set.id, limit: 100 },
    sets.data !== undefined,
  );
  const president = latestResultOf(stateResults.data ?? [], sets.data ?? [], 'us_president');
  const [race] = useRacesById(president?.raceId ? [president.raceId] : []);
  const place = `${county.name}, ${state.name}`;
  const error = sets.error ?? stateResults.error ?? districts.error ?? coalition.error;
  if (error) return <ErrorMessage error={error} />;
  if (!sets.data || !stateResults.data || !districts.data || !coalition.data)
    return <Loading label={`Loading the races for ${place}`} />;
  const seats = [...districts.data.items].sort(districtOrder);
  const claim = matchRaces(coalition.data.races);
  const forPresident = claim((r) => president?.raceId != null && r.mapRaceId === president.raceId);
  // The county's own districts (area-based crosswalk): each takes the ratified races held there.
  const own = coalition.data.houseDistricts.map((district) => ({
    district,
    name: seats.find((seat) => seat.code === district.code)?.name,
    races: claim(
      (r) =>
        r.jurisdictionKey === `congressional_district:${district.code}` ||
        (district.jurisdictionId !== null && r.jurisdictionId === district.jurisdictionId),
    ),
  }));
  const forSeat = claim((r) => own.length === 0 && seats.length === 1 && r.jurisdictionId === seats[0]?.id);
  const forZone = claim((r) => r.pact.kind === 'zones' && r.jurisdictionId === county.id);
  const others = claim(() => true);

  return (
    <section aria-labelledby="races-title">
      <h2 id="races-title">Races for {place}</h2>
      <ul className="race-cards">
        {president ? (
          <RaceCard
            title={race?.data?.name ?? 'President'}
            area={`${state.name} (statewide)`}
            lastResult={`${/\d{4}/.exec(president.resultSet.slug)?.[0] ?? ''}: ${leadingCandidates(president)}`}
            coalition={forPresident}
          />
        ) : null}
        {own.map(({ district, name, races }) => (
          <RaceCard
            key={district.code}
            title={`U.S. House — ${houseSeatName(district.code, state.name)}`}
            area={districtArea(district, county.name, name)}
            coalition={races}
          />
        ))}
        {own.length === 0 && seats.length === 1 && seats[0] ? (
          <RaceCard
            title={`U.S. House — ${houseSeatName(seats[0].code, state.name)}`}
            area={`${state.name} (one seat, statewide${districtSet ? `, ${districtSet.label}` : ''})`}
            coalition={forSeat}
          />
        ) : null}
        <RaceCard title="County organizing zone" area={place} coalition={forZone} />
        {others.map((race) => (
          <RaceCard
            key={`${race.pact.name}\u001f${race.key}`}
            title={race.name}
            area={
              race.coverage === 'place'
                ? place
                : `${race.name} (${race.coverage === 'contains_place' ? 'includes' : 'in'} ${county.name})`
            }
            coalition={[race]}
          />
        ))}
      </ul>
      {own.length > 0 ? (
        <p className="muted">
          House districts: {coalition.data.crosswalk}. A share is of the county’s land, not of its voters.
        </p>
      ) : null}
      {own.length === 0 && seats.length > 1 ? (
        <HouseSeats slug={slug} state={state} county={county} seats={seats} when={districtSet?.label} />
      ) : null}
    </section>
  );
}

/**
 * A county outside the district shapes (the crosswalk has no row for it): the map data does not say which seats cover it, so
 * the state's seats are listed, each with the coalition's candidate where a ratified pact names one.
 */
function HouseSeats({
  slug,
  state,
  county,
  seats,
  when,
}: {
  slug: string;
  state: JurisdictionView;
  county: JurisdictionView;
  seats: readonly JurisdictionView[];
  /** Which year's districts: "2020 election". */
  when: string | undefined;
}) {
  const statewide = usePublicCandidates(slug, `state:${state.code}`);
  const seatIds = new Set(seats.map((seat) => seat.id));
  const named = (statewide.data?.races ?? []).filter(
    (r) => r.member !== null && r.jurisdictionId !== null && seatIds.has(r.jurisdictionId),
  );
  return (
    <details className="house-seats">
      <summary>
        U.S. House{when ? ` (${when})` : ''}: {seats.length} districts in {state.name}
      </summary>
      <p>
        The map data does not yet say which of these districts cover {county.name}.
        {named.length === 0 ? ' No coalition candidate announced in any of them.' : ''}
      </p>
      <ul className="seat-list">
        {seats.map((seat) => {
          const here = named.filter((r) => r.jurisdictionId === seat.id);
          return (
            <li key={seat.id}>
              {seat.name} ({seat.code}){here.length > 0 ? ': ' : ''}
              {here.map((r) => r.member?.name).join(', ')}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/** Hands each race of the coalition to the first card that asks for it, so none shows twice. */
function matchRaces(races: readonly PublicRace[]) {
  const left = new Set(races);
  return (wanted: (race: PublicRace) => boolean): PublicRace[] => {
    const mine = [...left].filter(wanted);
    for (const race of mine) left.delete(race);
    return mine;
  };
}
