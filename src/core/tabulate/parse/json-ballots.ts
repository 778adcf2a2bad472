import { invalid } from '../../errors.ts';
import type { BallotStoreBuilder, ExactWeight } from '../ballot-store.ts';
import type { CandidateRegistry } from '../candidate-registry.ts';
import { readNumberWeight, readWeight, unitWeight } from './weight.ts';

/**
 * The JSON ballot format: `{"candidates": [...], "ballots": [{"ranks": [["A"], [], ["B","C"]],
 * "weight": 1}]}`. A rank is an array: empty (skipped), one name, or several (an overvote).
 * `weight` is a number or a decimal string, default 1. Errors use the same row/column vocabulary as
 * CSV: row N is the Nth ballot, column rankM its Mth rank.
 */
export function parseJsonDocument(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid('ballot.invalid_json', `the ballot file is not valid JSON: ${reason}`, { reason });
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The document's own candidate list, if it has one. */
export function jsonCandidateList(document: unknown): string[] | null {
  if (!isRecord(document)) {
    throw invalid('ballot.invalid_json', 'the ballot file must be a JSON object with "ballots"', {
      reason: 'not an object',
    });
  }
  const list = document.candidates;
  if (list === undefined) return null;
  if (!Array.isArray(list) || !list.every((name) => typeof name === 'string')) {
    throw invalid('ballot.invalid_candidate_list', '"candidates" must be an array of names', {
      field: 'candidates',
      reason: 'not an array of strings',
    });
  }
  return list;
}

export function readJsonBallots(
  document: unknown,
  registry: CandidateRegistry,
  builder: BallotStoreBuilder,
): void {
  const ballots = isRecord(document) ? document.ballots : undefined;
  if (!Array.isArray(ballots)) {
    throw invalid('ballot.invalid_json', '"ballots" must be an array', {
      field: 'ballots',
      reason: 'missing',
    });
  }
  ballots.forEach((ballot: unknown, index) => {
    const row = index + 1;
    if (!isRecord(ballot) || !Array.isArray(ballot.ranks)) {
      throw rowError('ballot.invalid_json', row, null, 'a ballot must be an object with a "ranks" array');
    }
    builder.beginBallot();
    ballot.ranks.forEach((rank: unknown, rankIndex) => {
      pushRank(rank, row, rankIndex, registry, builder);
    });
    builder.endBallot(readBallotWeight(ballot.weight, row), row);
  });
}

function pushRank(
  rank: unknown,
  row: number,
  rankIndex: number,
  registry: CandidateRegistry,
  builder: BallotStoreBuilder,
): void {
  if (!Array.isArray(rank)) {
    throw rowError('ballot.invalid_json', row, rankIndex, 'a rank must be an array of names');
  }
  const members: number[] = [];
  for (const entry of rank) {
    const name = typeof entry === 'string' ? entry.trim() : '';
    if (name === '' || name.includes('=')) {
      throw rowError(
        'ballot.invalid_candidate_name',
        row,
        rankIndex,
        `invalid candidate name ${JSON.stringify(entry)}`,
      );
    }
    const candidate = registry.intern(name, 0, name.length);
    if (candidate < 0) {
      throw rowError('ballot.unknown_candidate', row, rankIndex, `unknown candidate ${JSON.stringify(name)}`);
    }
    if (!members.includes(candidate)) members.push(candidate);
  }
  if (members.length === 0) builder.pushBlank();
  else if (members.length === 1) builder.pushCandidate(members[0] as number);
  else builder.pushOvervote(members);
}

function readBallotWeight(weight: unknown, row: number): ExactWeight {
  if (weight === undefined) return unitWeight;
  const reading =
    typeof weight === 'number'
      ? readNumberWeight(weight)
      : typeof weight === 'string'
        ? readWeight(weight.trim(), 0, weight.trim().length)
        : ({ ok: false, code: 'ballot.invalid_weight', reason: 'the weight must be a number' } as const);
  if (!reading.ok) throw rowError(reading.code, row, 'weight', reading.reason);
  return reading.weight;
}

function rowError(code: `ballot.${string}`, row: number, column: number | 'weight' | null, reason: string) {
  const name = column === null ? null : column === 'weight' ? 'weight' : `rank${column + 1}`;
  return invalid(code, `row ${row}${name === null ? '' : `, column ${name}`}: ${reason}`, {
    row,
    ...(name === null ? {} : { column: name }),
    reason,
  });
}
