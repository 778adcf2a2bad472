import { invalid } from '../errors.ts';
import { maxRacesForSearch } from './side.ts';
import {
  defaultSettings,
  type Member,
  type MemberId,
  type Pact,
  type PactInput,
  type PactSettings,
  type PresetSpec,
  type Race,
  type RaceId,
  type RaceMemberRule,
} from './types.ts';

interface Issue {
  path: string;
  message: string;
}

/** Code-unit order, not locale order: the same on every machine. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Checks what a schema cannot (unique ids, references to known races and members, sane numbers)
 * and builds the sorted, indexed `Pact`. Every problem is reported at once, each with its path.
 */
export function validatePact(input: PactInput): Pact {
  const issues: Issue[] = [];
  const settings = readSettings(input, issues);
  const members = readMembers(input, issues);
  const memberIndex = new Map(members.map((member, index) => [member.id as string, index]));
  const races = readRaces(input, memberIndex, issues);
  const raceIndex = new Map(races.map((race, index) => [race.id as string, index]));
  const locks = readRules(input.locks ?? [], 'locks', raceIndex, memberIndex, issues);
  const vetoes = readRules(input.vetoes ?? [], 'vetoes', raceIndex, memberIndex, issues);
  const presets = readPresets(input, raceIndex, issues);
  const first = issues[0];
  if (first !== undefined) {
    throw invalid('pact.invalid', `${first.path}: ${first.message}`, { issues });
  }
  return { members, races, settings, locks, vetoes, presets };
}

function readSettings(input: PactInput, issues: Issue[]): PactSettings {
  const transfer = input.transfer ?? defaultSettings.transfer;
  const settings: PactSettings = {
    apportionment: input.apportionment ?? defaultSettings.apportionment,
    apportionBy: input.apportionBy ?? defaultSettings.apportionBy,
    transfer: { sameSide: transfer.sameSide, crossSide: transfer.crossSide },
    uncertainty: input.uncertainty ?? defaultSettings.uncertainty,
    entitlement: input.entitlement ?? defaultSettings.entitlement,
    tierBalance: input.tierBalance ?? defaultSettings.tierBalance,
    tierMargin: input.tierMargin ?? defaultSettings.tierMargin,
  };
  for (const key of ['sameSide', 'crossSide'] as const) {
    const rate = settings.transfer[key];
    if (!(rate >= 0 && rate <= 1))
      issues.push({ path: `transfer.${key}`, message: 'must be between 0 and 1' });
  }
  if (!(settings.uncertainty > 0 && Number.isFinite(settings.uncertainty))) {
    issues.push({ path: 'uncertainty', message: 'must be a positive number' });
  }
  if (!(settings.tierMargin > 0 && settings.tierMargin < 1)) {
    issues.push({ path: 'tierMargin', message: 'must be between 0 and 1 (a share of the votes)' });
  }
  return settings;
}

function readMembers(input: PactInput, issues: Issue[]): Member[] {
  if (input.members.length === 0)
    issues.push({ path: 'members', message: 'a pact needs at least one member' });
  const seen = new Set<string>();
  input.members.forEach((member, index) => {
    const path = `members[${index}]`;
    if (member.id === '') issues.push({ path: `${path}.id`, message: 'must not be empty' });
    if (seen.has(member.id))
      issues.push({ path: `${path}.id`, message: `duplicate member id "${member.id}"` });
    seen.add(member.id);
    if (!(member.weight > 0 && Number.isFinite(member.weight))) {
      issues.push({ path: `${path}.weight`, message: 'must be a positive number' });
    }
    const position = member.position;
    if (position !== undefined && !(position >= -1 && position <= 1)) {
      issues.push({ path: `${path}.position`, message: 'must be between -1 (left) and 1 (right)' });
    }
  });
  return input.members
    .map((member) => ({ id: member.id as MemberId, weight: member.weight, position: member.position }))
    .sort((a, b) => compareIds(a.id, b.id));
}

function readRaces(input: PactInput, memberIndex: Map<string, number>, issues: Issue[]): Race[] {
  if (input.races.length > maxRacesForSearch) {
    issues.push({
      path: 'races',
      message: `at most ${maxRacesForSearch} races (the local search packs race indices)`,
    });
  }
  const seen = new Set<string>();
  const races = input.races.map((race, index): Race => {
    const path = `races[${index}]`;
    if (race.id === '') issues.push({ path: `${path}.id`, message: 'must not be empty' });
    if (seen.has(race.id)) issues.push({ path: `${path}.id`, message: `duplicate race id "${race.id}"` });
    seen.add(race.id);
    const seats = race.seats ?? 1;
    if (!(Number.isInteger(seats) && seats >= 1)) {
      issues.push({ path: `${path}.seats`, message: 'must be a whole number of at least 1' });
    }
    const memberVotes = new Array<number>(memberIndex.size).fill(0);
    const opponentVotes: number[] = [];
    for (const [key, votes] of Object.entries(race.votes)) {
      if (!(votes >= 0 && Number.isFinite(votes))) {
        issues.push({ path: `${path}.votes.${key}`, message: 'must be a non-negative number' });
        continue;
      }
      const member = memberIndex.get(key);
      if (member === undefined) opponentVotes.push(votes);
      else memberVotes[member] = votes;
    }
    // Summed in an order fixed by the values, not by the file's key order: fractional vote counts
    // then add up to the same total, bit for bit, however the file lists them.
    const opponents = Float64Array.from(opponentVotes).sort();
    const totalVotes =
      memberVotes.reduce((sum, votes) => sum + votes, 0) + opponents.reduce((sum, votes) => sum + votes, 0);
    const strongestOpponent = opponents[opponents.length - 1] ?? 0;
    return {
      id: race.id as RaceId,
      seats,
      memberVotes,
      strongestOpponent,
      totalVotes,
      incumbent: race.incumbent,
    };
  });
  return races.sort((a, b) => compareIds(a.id, b.id));
}

function readRules(
  rules: readonly { race: string; member: string }[],
  name: 'locks' | 'vetoes',
  raceIndex: Map<string, number>,
  memberIndex: Map<string, number>,
  issues: Issue[],
): RaceMemberRule[] {
  const result: RaceMemberRule[] = [];
  rules.forEach((rule, index) => {
    const path = `${name}[${index}]`;
    const race = raceIndex.get(rule.race);
    const member = memberIndex.get(rule.member);
    if (race === undefined) issues.push({ path: `${path}.race`, message: `unknown race "${rule.race}"` });
    if (member === undefined)
      issues.push({ path: `${path}.member`, message: `unknown member "${rule.member}"` });
    if (race !== undefined && member !== undefined) result.push({ race, member, path });
  });
  return result;
}

function readPresets(input: PactInput, raceIndex: Map<string, number>, issues: Issue[]): PresetSpec[] {
  return (input.presets ?? []).map((preset, index) => {
    const path = `presets[${index}]`;
    const spec = typeof preset === 'string' ? { rule: preset, races: undefined } : preset;
    const races = spec.races?.flatMap((id, raceAt) => {
      const race = raceIndex.get(id);
      if (race === undefined)
        issues.push({ path: `${path}.races[${raceAt}]`, message: `unknown race "${id}"` });
      return race === undefined ? [] : [race];
    });
    return { rule: spec.rule, races, path };
  });
}
