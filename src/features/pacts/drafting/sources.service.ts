/**
 * Reads what a pact shares out from the electoral map, through the map's own services (so the
 * map's visibility rules apply: reference rows and the coalition's own imports, nothing else):
 * the races of an election with their past votes, or the zones of a territory with a result set.
 */
import type { Actor } from '../../../core/actor.ts';
import { notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/database.ts';
import type { JurisdictionView, RaceVotesView, UnitResultView } from '../../map/index.ts';
import { catalog, listRaceVotes, setResults } from '../../map/index.ts';
import type { PactSourceInput, RaceLine, StoredSource } from '../pacts.schema.ts';
import type { PactRace } from './pact-input.ts';

export interface SourcedRace extends PactRace {
  jurisdictionId: string;
  mapRaceId: string | null;
  totalVotes: number | null;
}

export interface Sourced {
  source: Omit<StoredSource, 'weightMetric'>;
  races: SourcedRace[];
}

const jurisdictionKey = (j: { kind: string; code: string }) => `${j.kind}:${j.code}`;
const refOf = (j: { id: string; kind: string; code: string; name: string }) => ({
  id: j.id,
  key: jurisdictionKey(j),
  name: j.name,
});

/** Every page of a jurisdiction listing. */
async function allJurisdictions(
  db: Db,
  actor: Actor,
  filter: { parent: string; kind?: JurisdictionView['kind'] },
): Promise<JurisdictionView[]> {
  const items: JurisdictionView[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await catalog.listJurisdictions(db, actor, { ...filter, limit: 500, offset });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

/** Candidate lines merged by candidate and party (a fusion candidate keeps one line per party). */
export function mergeLines(lines: RaceVotesView['lines']): RaceLine[] {
  const merged = new Map<string, RaceLine>();
  for (const line of lines) {
    const key = `${line.candidate}\u001f${line.party}`;
    const seen = merged.get(key);
    if (seen) {
      seen.votes += line.votes;
      seen.outcome ??= line.outcome;
    } else
      merged.set(key, {
        candidate: line.candidate,
        party: line.party,
        votes: line.votes,
        outcome: line.outcome,
      });
  }
  return [...merged.values()];
}

/**
 * The party holding the seat after the past election: the one marked elected; where no line
 * carries an outcome at all (US files), the plurality winner; unknown when the result is a first
 * round that elected nobody.
 */
export function incumbentParty(lines: readonly RaceLine[]): string | null {
  const elected = lines.find((line) => line.outcome === 'elected' || line.outcome === 'won');
  if (elected) return elected.party;
  if (lines.some((line) => line.outcome !== null)) return null;
  const byCandidate = new Map<string, { party: string; votes: number }>();
  for (const line of lines) {
    const key = line.candidate || line.party;
    const seen = byCandidate.get(key) ?? { party: line.party, votes: 0 };
    seen.votes += line.votes;
    byCandidate.set(key, seen);
  }
  let best: { party: string; votes: number } | null = null;
  for (const entry of byCandidate.values()) if (!best || entry.votes > best.votes) best = entry;
  return best && best.votes > 0 ? best.party : null;
}

function uniqueKey(code: string, taken: Set<string>, stage: string): string {
  let key = taken.has(code) ? `${code}-${stage}` : code;
  for (let n = 2; taken.has(key); n += 1) key = `${code}-${stage}-${n}`;
  taken.add(key);
  return key;
}

/** `path`: the field of the request body that named the election, for the refusal's `issues`. */
async function electionRef(db: Db, actor: Actor, id: string, path: string) {
  const election = (await catalog.listElections(db, actor)).find((e) => e.id === id);
  if (!election) {
    const message = `No election ${id}.`;
    throw notFound('map.election_not_found', message, { issues: [{ path, message }] });
  }
  return { id: election.id, key: election.slug, name: election.name };
}

async function readRaces(db: Db, actor: Actor, input: Extract<PactSourceInput, { kind: 'races' }>) {
  const election = await electionRef(db, actor, input.electionId, 'body.source.electionId');
  const filter = { office: input.office, stage: input.stage };
  let races = await listRaceVotes(db, actor, input.electionId, filter);
  const within = await Promise.all((input.within ?? []).map((id) => catalog.getJurisdiction(db, actor, id)));
  if (within.length > 0) {
    const allowed = new Set(within.map((j) => j.id));
    for (const parent of within)
      for (const child of await allJurisdictions(db, actor, { parent: parent.id })) allowed.add(child.id);
    races = races.filter((r) => allowed.has(r.race.jurisdiction.id));
  }
  // MI-2 before MI-10: codes compare as people read them.
  races = [...races].sort((a, b) =>
    a.race.jurisdiction.code.localeCompare(b.race.jurisdiction.code, 'en', { numeric: true }),
  );
  let pastByJurisdiction: Map<string, RaceVotesView> | null = null;
  let resultsFrom = null;
  if (input.resultsFrom) {
    resultsFrom = await electionRef(
      db,
      actor,
      input.resultsFrom.electionId,
      'body.source.resultsFrom.electionId',
    );
    const past = await listRaceVotes(db, actor, input.resultsFrom.electionId, {
      office: input.resultsFrom.office,
      stage: input.resultsFrom.stage,
    });
    // Several past races in one jurisdiction (a general and a special): the first, in the map's order.
    pastByJurisdiction = new Map();
    for (const p of past)
      if (!pastByJurisdiction.has(p.race.jurisdiction.id)) pastByJurisdiction.set(p.race.jurisdiction.id, p);
  }
  const taken = new Set<string>();
  const warnings: string[] = [];
  const sourced = races.map((entry): SourcedRace => {
    const result = pastByJurisdiction ? pastByJurisdiction.get(entry.race.jurisdiction.id) : entry;
    const lines = mergeLines(result?.lines ?? []);
    return {
      key: uniqueKey(entry.race.jurisdiction.code, taken, entry.race.stage),
      name: entry.race.jurisdiction.name,
      seats: entry.race.seats,
      lines,
      jurisdictionKeys: [jurisdictionKey(entry.race.jurisdiction)],
      incumbentParty: incumbentParty(lines),
      jurisdictionId: entry.race.jurisdiction.id,
      mapRaceId: entry.race.id,
      totalVotes: result?.totalVotes ?? null,
    };
  });
  const empty = sourced.filter((r) => r.lines.length === 0).map((r) => r.key);
  if (empty.length > 0) {
    warnings.push(
      `${empty.length} race(s) without past votes count as coin flips: ${empty.slice(0, 10).join(', ')}${empty.length > 10 ? ', …' : ''}`,
    );
  }
  return {
    source: {
      kind: 'races' as const,
      election,
      office: input.office ?? null,
      stage: input.stage ?? null,
      within: within.map(refOf),
      resultsFrom,
      warnings,
    },
    races: sourced,
  };
}

/** The chain of keys from a jurisdiction up to its root: `county:26163`, `state:26`, `nation:US`. */
async function ancestorKeys(db: Db, actor: Actor, start: JurisdictionView): Promise<string[]> {
  const keys = [jurisdictionKey(start)];
  let current = start;
  for (let depth = 0; current.parentId && depth < 10; depth += 1) {
    current = await catalog.getJurisdiction(db, actor, current.parentId);
    keys.push(jurisdictionKey(current));
  }
  return keys;
}

async function readZones(db: Db, actor: Actor, input: Extract<PactSourceInput, { kind: 'zones' }>) {
  const parent = await catalog.getJurisdiction(db, actor, input.parentJurisdictionId);
  const set = await catalog.getResultSet(db, actor, input.resultSet);
  const zones = (await allJurisdictions(db, actor, { parent: parent.id, kind: input.zoneKind })).sort(
    (a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }),
  );
  const above = await ancestorKeys(db, actor, parent);
  const warnings: string[] = [];
  const missing: string[] = [];
  const races: SourcedRace[] = [];
  // The whole set in one read (not a query per zone: a city of 16,000 wards took 16,000 of them).
  const unitByZone = new Map<string, UnitResultView>();
  for (const unit of await setResults(db, actor, set.id)) {
    if (!unitByZone.has(unit.jurisdiction.id)) unitByZone.set(unit.jurisdiction.id, unit);
  }
  for (const zone of zones) {
    const unit = unitByZone.get(zone.id);
    if (!unit) missing.push(zone.code);
    races.push({
      key: zone.code,
      name: zone.name,
      seats: 1,
      lines: mergeLines(unit?.lines ?? []),
      jurisdictionKeys: [jurisdictionKey(zone), ...above],
      incumbentParty: null,
      jurisdictionId: zone.id,
      mapRaceId: null,
      totalVotes: unit?.totalVotes ?? null,
    });
  }
  if (zones.length === 0) warnings.push(`${parent.name} has no ${input.zoneKind} below it`);
  if (missing.length > 0) {
    warnings.push(
      `${missing.length} zone(s) without a result in ${set.slug} count as coin flips: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`,
    );
  }
  return {
    source: {
      kind: 'zones' as const,
      parent: refOf(parent),
      zoneKind: input.zoneKind,
      resultSet: { id: set.id, key: set.slug, name: set.name },
      warnings,
    },
    races,
  };
}

export function readSource(db: Db, actor: Actor, input: PactSourceInput): Promise<Sourced> {
  return input.kind === 'races' ? readRaces(db, actor, input) : readZones(db, actor, input);
}
