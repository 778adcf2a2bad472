/**
 * The public "find the coalition's candidate" read: for a place on the map, every race of the
 * coalition's ratified pacts that covers it, and the member carrying the coalition's flag there.
 * No Actor: only what a ratified pact makes public leaves here (drafts and pacts under vote never).
 *
 * Most of an answer is the same for every place: the ratified pacts, their races with the areas
 * above each, the assignments, the members. `buildPublicIndex` reads that once per coalition version
 * (the route keeps it in memory), so that a place's answer costs one indexed read (`findPlace`: the
 * place and the jurisdictions above it) and `answerFor`, which reads nothing.
 */
import { z } from 'zod';
import { notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/database.ts';
import { readDecisionOutcomes } from '../../decisions/index.ts';
import type { Viewer } from '../../map/index.ts';
import {
  countyDistricts,
  crosswalkElection,
  crosswalkLabel,
  isJurisdictionKind,
  stateByFips,
} from '../../map/index.ts';
import { findCoalitionBySlug, getPublicCoalition } from '../../registry/index.ts';
import { listPacts } from '../pacts.repository.ts';
import { listRatifications, type RatificationRow } from '../ratification/consent.repository.ts';
import { versionLabelsSchema } from '../stored.schema.ts';
import {
  findAssignments,
  findJurisdictionNodes,
  findPlaceChain,
  type JurisdictionNode,
  listRaceAreas,
  listReferenceDistricts,
} from './public.repository.ts';
import { isUuid, type PublicCandidates, type PublicRace, type RaceCoverage } from './public.schema.ts';

export const keyOf = (j: { kind: string; code: string }) => `${j.kind}:${j.code}`;
const maxDepth = 10;

/** The given jurisdictions and every one above them, level by level (a few queries, not one per row). */
export async function jurisdictionTree(db: Db, viewer: Viewer, ids: Iterable<string>) {
  const nodes = new Map<string, JurisdictionNode>();
  let frontier = [...new Set(ids)];
  for (let depth = 0; frontier.length > 0 && depth <= maxDepth; depth += 1) {
    const found: JurisdictionNode[] = [];
    for (let start = 0; start < frontier.length; start += 5_000)
      found.push(...(await findJurisdictionNodes(db, viewer, frontier.slice(start, start + 5_000))));
    for (const node of found) nodes.set(node.id, node);
    frontier = [
      ...new Set(found.flatMap((n) => (n.parent_id && !nodes.has(n.parent_id) ? [n.parent_id] : []))),
    ];
  }
  /** The jurisdictions strictly above `id`, nearest first. */
  const above = (id: string): JurisdictionNode[] => {
    const chain: JurisdictionNode[] = [];
    let parent = nodes.get(id)?.parent_id;
    while (parent && chain.length < maxDepth) {
      const node = nodes.get(parent);
      if (!node) break;
      chain.push(node);
      parent = node.parent_id;
    }
    return chain;
  };
  return above;
}

export interface RaceArea {
  jurisdictionId: string | null;
  /** The race's own jurisdiction key first, then (zones) the keys of the areas containing it. */
  jurisdictionKeys: readonly string[];
  /** Ids of the jurisdictions strictly above the race's own. */
  aboveIds: ReadonlySet<string>;
}

export interface Place {
  id: string;
  key: string;
  aboveIds: ReadonlySet<string>;
  aboveKeys: ReadonlySet<string>;
}

/**
 * How a race covers a place, or null when the data cannot tell that it does: its own jurisdiction
 * (or first key) is the place; it contains the place (the place lies below it); it lies within the
 * place (the place is above it, by the map's parents or the keys the race lists). Two areas side
 * by side on the map (a county and a House district) never match: their overlap is not in the data.
 */
export function coverageOf(race: RaceArea, place: Place): RaceCoverage | null {
  const [ownKey, ...aboveKeys] = race.jurisdictionKeys;
  if (race.jurisdictionId === place.id || ownKey === place.key) return 'place';
  if (race.jurisdictionId ? place.aboveIds.has(race.jurisdictionId) : place.aboveKeys.has(ownKey ?? ''))
    return 'contains_place';
  if (race.aboveIds.has(place.id) || aboveKeys.includes(place.key)) return 'within_place';
  return null;
}

/** The coalition's pacts whose latest ratification decision passed, with the version and date. */
export async function ratifiedPacts(db: Db, coalitionId: string, now: Date) {
  const pacts = await listPacts(db, coalitionId);
  const ratifications = await listRatifications(
    db,
    pacts.map((p) => p.id),
  );
  // Newest first: the first row of a pact is its latest ratification.
  const latest = new Map<string, RatificationRow>();
  for (const row of ratifications) if (!latest.has(row.pact_id)) latest.set(row.pact_id, row);
  const outcomes = await readDecisionOutcomes(
    db,
    coalitionId,
    [...latest.values()].map((r) => r.decision_id),
    now,
  );
  // The same rule as pactStanding: the latest ratification decides, and only a passed one is public.
  return pacts.flatMap((pact) => {
    const ratification = latest.get(pact.id);
    const outcome = ratification ? outcomes.get(ratification.decision_id) : undefined;
    if (!ratification || outcome?.outcome !== 'passed' || !outcome.closedAt) return [];
    return [{ pact, version: ratification.version_number, ratifiedAt: outcome.closedAt.toISOString() }];
  });
}

export const coverageOrder: Record<RaceCoverage, number> = {
  contains_place: 0,
  place: 1,
  crosses_place: 2,
  within_place: 3,
};
const assignmentsSchema = z.record(z.string(), z.string().nullable());

/** A race of a ratified pact, with everything of its answer that does not depend on the place. */
interface IndexedRace {
  area: RaceArea;
  pact: PublicRace['pact'];
  key: string;
  name: string;
  seats: number;
  mapRaceId: string | null;
  member: PublicRace['member'];
  open: boolean;
}

/**
 * What every place's answer is made from, for one version of a coalition: its ratified races in
 * answer order (pact by pact, each pact's races in order), and where to find the few that may cover
 * a place without looking at the others.
 */
export interface PublicIndex {
  coalition: { slug: string; name: string };
  races: readonly IndexedRace[];
  /** Positions in `races` by the race's jurisdiction id, own key, and the ids and keys above it. */
  byJurisdiction: ReadonlyMap<string, readonly number[]>;
  byOwnKey: ReadonlyMap<string, readonly number[]>;
  byAboveId: ReadonlyMap<string, readonly number[]>;
  byAboveKey: ReadonlyMap<string, readonly number[]>;
  /** The map's House districts (reference) by code, for a county's crosswalk rows. */
  districtIds: ReadonlyMap<string, string>;
}

function push(map: Map<string, number[]>, key: string, position: number) {
  const list = map.get(key);
  if (list) list.push(position);
  else map.set(key, [position]);
}

/** Reads everything of the coalition's public answers that does not depend on the place (~10 queries). */
export async function buildPublicIndex(
  db: Db,
  coalition: { id: string; slug: string; name: string },
  now: Date,
): Promise<PublicIndex> {
  const ratified = await ratifiedPacts(db, coalition.id, now);
  const areas = await listRaceAreas(
    db,
    ratified.map((r) => r.pact.id),
  );
  const above = await jurisdictionTree(
    db,
    { coalitionId: coalition.id },
    areas.flatMap((a) => (a.jurisdiction_id ? [a.jurisdiction_id] : [])),
  );
  const members = new Map((await getPublicCoalition(db, coalition.slug)).members.map((m) => [m.id, m]));
  const districtIds = new Map((await listReferenceDistricts(db)).map((d) => [d.code, d.id]));

  const races: IndexedRace[] = [];
  for (const entry of ratified) {
    const mine = areas.filter((a) => a.pact_id === entry.pact.id);
    if (mine.length === 0) continue;
    const allocation = await findAssignments(db, entry.pact.id, entry.version);
    const assignments = assignmentsSchema.parse(allocation?.assignments ?? {});
    const labels = versionLabelsSchema.parse(allocation?.labels ?? { members: {}, races: {} });
    for (const row of mine) {
      const memberKey = assignments[row.key] ?? null;
      const organizationId = memberKey === null ? null : (labels.members[memberKey]?.organizationId ?? null);
      races.push({
        area: {
          jurisdictionId: row.jurisdiction_id,
          jurisdictionKeys: z.array(z.string()).parse(row.jurisdiction_keys),
          aboveIds: new Set(row.jurisdiction_id ? above(row.jurisdiction_id).map((j) => j.id) : []),
        },
        pact: {
          name: entry.pact.name,
          kind: entry.pact.kind,
          version: entry.version,
          ratifiedAt: entry.ratifiedAt,
        },
        key: row.key,
        name: row.name,
        seats: row.seats,
        mapRaceId: row.map_race_id,
        // A member suspended, expelled or withdrawn since the pact no longer carries the flag.
        member: organizationId === null ? null : (members.get(organizationId) ?? null),
        open: memberKey === null,
      });
    }
  }

  const byJurisdiction = new Map<string, number[]>();
  const byOwnKey = new Map<string, number[]>();
  const byAboveId = new Map<string, number[]>();
  const byAboveKey = new Map<string, number[]>();
  races.forEach(({ area }, position) => {
    const [ownKey = '', ...aboveKeys] = area.jurisdictionKeys;
    if (area.jurisdictionId) push(byJurisdiction, area.jurisdictionId, position);
    push(byOwnKey, ownKey, position);
    for (const id of area.aboveIds) push(byAboveId, id, position);
    for (const key of aboveKeys) push(byAboveKey, key, position);
  });
  return {
    coalition: { slug: coalition.slug, name: coalition.name },
    races,
    byJurisdiction,
    byOwnKey,
    byAboveId,
    byAboveKey,
    districtIds,
  };
}

/** A place of the reference map and the jurisdictions containing it, nearest first. */
export interface PublicPlace {
  place: JurisdictionNode;
  above: readonly JurisdictionNode[];
}

/** The place asked for, a reference jurisdiction (the public sees no coalition's own map rows): one read. */
export async function findPlace(db: Db, ref: string): Promise<PublicPlace> {
  const [kind = '', code = ''] = ref.split(':');
  const byId = isUuid(ref);
  const chain = byId
    ? await findPlaceChain(db, { id: ref }, maxDepth)
    : isJurisdictionKind(kind)
      ? await findPlaceChain(db, { kind, code }, maxDepth)
      : [];
  const [place, ...above] = chain;
  if (!place)
    throw byId
      ? notFound('map.jurisdiction_not_found', `No jurisdiction ${ref}.`)
      : notFound('map.jurisdiction_not_found', `No jurisdiction ${ref}.`, { jurisdiction: ref });
  return { place, above };
}

/**
 * A county's own House district(s), from the area-based crosswalk of the shipped district shapes:
 * the districts of one election (the crosswalk's map), never every year's seats of the state.
 */
async function countyHouseDistricts(
  index: PublicIndex,
  countyFips: string,
): Promise<PublicCandidates['houseDistricts']> {
  const usps = stateByFips(countyFips.slice(0, 2))?.usps ?? '';
  return (await countyDistricts(countyFips)).map(({ district, share }) => ({
    code: district,
    share,
    basis: 'area-based',
    election: crosswalkElection(usps),
    jurisdictionId: index.districtIds.get(district) ?? null,
  }));
}

/** The answer for one place, from the coalition's index: no query (the crosswalk is in memory). */
export async function answerFor(index: PublicIndex, found: PublicPlace): Promise<PublicCandidates> {
  const { place: node, above: placeAbove } = found;
  const place: Place = {
    id: node.id,
    key: keyOf(node),
    aboveIds: new Set(placeAbove.map((j) => j.id)),
    aboveKeys: new Set(placeAbove.map(keyOf)),
  };
  const houseDistricts = node.kind === 'county' ? await countyHouseDistricts(index, node.code) : [];
  const shareOf = new Map<string, number>();
  for (const d of houseDistricts) {
    shareOf.set(`congressional_district:${d.code}`, d.share);
    if (d.jurisdictionId) shareOf.set(d.jurisdictionId, d.share);
  }

  // Every race that may cover the place (coverageOf and the crosswalk then decide), in answer order.
  const candidates = new Set<number>();
  const add = (positions: readonly number[] | undefined) => {
    for (const position of positions ?? []) candidates.add(position);
  };
  add(index.byJurisdiction.get(place.id));
  add(index.byOwnKey.get(place.key));
  for (const id of place.aboveIds) add(index.byJurisdiction.get(id));
  for (const key of place.aboveKeys) add(index.byOwnKey.get(key));
  add(index.byAboveId.get(place.id));
  add(index.byAboveKey.get(place.key));
  for (const key of shareOf.keys()) {
    add(index.byOwnKey.get(key));
    add(index.byJurisdiction.get(key));
  }

  const races: PublicRace[] = [];
  for (const position of [...candidates].sort((a, b) => a - b)) {
    const race = index.races[position];
    if (!race) continue;
    const keys = race.area.jurisdictionKeys;
    let coverage = coverageOf(race.area, place);
    let share: number | undefined;
    if (!coverage) {
      // A House district crossing the county: the crosswalk says so (area-based), the map's parents cannot.
      share =
        shareOf.get(keys[0] ?? '') ??
        (race.area.jurisdictionId ? shareOf.get(race.area.jurisdictionId) : undefined);
      if (share === undefined) continue;
      coverage = 'crosses_place';
    }
    races.push({
      pact: race.pact,
      key: race.key,
      name: race.name,
      seats: race.seats,
      jurisdictionId: race.area.jurisdictionId,
      jurisdictionKey: keys[0] ?? null,
      mapRaceId: race.mapRaceId,
      coverage,
      member: race.member,
      open: race.open,
      ...(share === undefined ? {} : { share }),
    });
  }
  races.sort(
    (a, b) =>
      coverageOrder[a.coverage] - coverageOrder[b.coverage] ||
      a.pact.name.localeCompare(b.pact.name) ||
      a.key.localeCompare(b.key, 'en', { numeric: true }),
  );
  return {
    coalition: index.coalition,
    place: {
      id: node.id,
      key: place.key,
      kind: node.kind,
      code: node.code,
      name: node.name,
      within: placeAbove.map((j) => ({ id: j.id, key: keyOf(j), name: j.name })),
    },
    races,
    houseDistricts,
    crosswalk: crosswalkLabel,
  };
}

/** The answer for one place, read now (the route keeps the index and the answers in memory instead). */
export async function findCoalitionCandidates(
  db: Db,
  slug: string,
  jurisdiction: string,
  now = new Date(),
): Promise<PublicCandidates> {
  const coalition = await findCoalitionBySlug(db, slug);
  if (!coalition) throw notFound('coalition.not_found', `No coalition "${slug}".`);
  const place = await findPlace(db, jurisdiction);
  return answerFor(await buildPublicIndex(db, coalition, now), place);
}
