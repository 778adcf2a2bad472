/**
 * From a pact as stored (members with their party codes, races with past votes by candidate and
 * party, locks and vetoes, settings) to the engine's input (docs/pacts.md, "The pact file").
 * Pure: the same pact always gives the same input, which is what a version keeps.
 */
import type { PactInput } from '../../../core/allocate/index.ts';
import type { PactKind } from '../../../db/tables/pacts.ts';
import type { PactSettings, RaceLine, StoredMember, VersionLabels } from '../pacts.schema.ts';

export interface PactRace {
  key: string;
  name: string;
  seats: number;
  lines: readonly RaceLine[];
  /** The race's own jurisdiction first (`county:26163`), then its ancestors (`state:26`). */
  jurisdictionKeys: readonly string[];
  incumbentParty: string | null;
}

export interface PactRule {
  raceKey: string;
  kind: 'lock' | 'veto';
  organizationId: string;
}

export interface PactParts {
  kind: PactKind;
  members: readonly StoredMember[];
  races: readonly PactRace[];
  rules: readonly PactRule[];
  settings: PactSettings;
}

/** An opponent's key in the engine's votes: never a member key, which has no colon. */
const opponent = (label: string) => `other:${label}`;

/** Which member each party code belongs to. */
export function partyOwners(members: readonly StoredMember[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const member of members) for (const party of member.parties) owners.set(party, member.key);
  return owners;
}

/**
 * A race's votes for the engine. A line whose party is mapped counts for its member; a fusion
 * candidate carried on a member's line counts for that member on every line; any other candidate
 * is one opponent (keyed by name, or by party where results are by party only, as in county
 * presidential results).
 */
export function raceVotes(lines: readonly RaceLine[], owners: ReadonlyMap<string, string>) {
  const carriedBy = new Map<string, string>();
  for (const line of lines) {
    const owner = owners.get(line.party);
    if (owner !== undefined && line.candidate !== '' && !carriedBy.has(line.candidate))
      carriedBy.set(line.candidate, owner);
  }
  const votes: Record<string, number> = {};
  for (const line of lines) {
    const key =
      owners.get(line.party) ?? carriedBy.get(line.candidate) ?? opponent(line.candidate || line.party);
    votes[key] = (votes[key] ?? 0) + line.votes;
  }
  return votes;
}

/** How much of a zone's coalition vote a member's local presence claims (docs/pacts.md, zones). */
export const presence = { home: 1, homeRegion: 0.5, elsewhere: 0.1 } as const;

function presenceIn(member: StoredMember, keys: readonly string[]): number {
  const [own, ...ancestors] = keys;
  if (own !== undefined && member.homeJurisdictions.includes(own)) return presence.home;
  if (ancestors.some((key) => member.homeJurisdictions.includes(key))) return presence.homeRegion;
  return presence.elsewhere;
}

/**
 * A zone's votes: the votes of every mapped party pooled as the coalition's base, shared among
 * the members by presence × weight; every unmapped party is one opponent.
 */
export function zoneVotes(
  zone: Pick<PactRace, 'lines' | 'jurisdictionKeys'>,
  members: readonly StoredMember[],
  owners: ReadonlyMap<string, string>,
) {
  let base = 0;
  const votes: Record<string, number> = {};
  for (const line of zone.lines) {
    if (owners.has(line.party)) base += line.votes;
    else votes[opponent(line.party)] = (votes[opponent(line.party)] ?? 0) + line.votes;
  }
  const claims = members.map((member) => presenceIn(member, zone.jurisdictionKeys) * member.weight);
  const total = claims.reduce((sum, claim) => sum + claim, 0);
  members.forEach((member, index) => {
    votes[member.key] = total > 0 ? (base * (claims[index] ?? 0)) / total : 0;
  });
  return votes;
}

/** The engine's input for the pact as it stands, with the labels that name its keys. */
export function buildPactInput(parts: PactParts): { input: PactInput; labels: VersionLabels } {
  const owners = partyOwners(parts.members);
  const keyOf = new Map(parts.members.map((member) => [member.organizationId, member.key]));
  const rulesOf = (kind: PactRule['kind']) =>
    parts.rules.flatMap((rule) => {
      const member = keyOf.get(rule.organizationId);
      return rule.kind === kind && member !== undefined ? [{ race: rule.raceKey, member }] : [];
    });
  const input: PactInput = {
    members: parts.members.map((member) => ({
      id: member.key,
      weight: member.weight,
      ...(member.position === null ? {} : { position: member.position }),
    })),
    races: parts.races.map((race) => {
      const incumbent =
        race.incumbentParty === null
          ? undefined
          : (owners.get(race.incumbentParty) ?? opponent(race.incumbentParty));
      return {
        id: race.key,
        seats: race.seats,
        votes:
          parts.kind === 'zones' ? zoneVotes(race, parts.members, owners) : raceVotes(race.lines, owners),
        ...(incumbent === undefined ? {} : { incumbent }),
      };
    }),
    ...parts.settings,
    locks: rulesOf('lock'),
    vetoes: rulesOf('veto'),
  };
  const labels: VersionLabels = {
    members: Object.fromEntries(
      parts.members.map((member) => [
        member.key,
        { organizationId: member.organizationId, name: member.name },
      ]),
    ),
    races: Object.fromEntries(parts.races.map((race) => [race.key, { name: race.name }])),
  };
  return { input, labels };
}

/** `Harbor Greens — Eastside` → `harbor-greens-eastside`; unique among `taken`. */
export function memberKey(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'member';
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}
