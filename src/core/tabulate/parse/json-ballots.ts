import { JSONParser } from '@streamparser/json';
import { DomainError, invalid } from '../../errors.ts';
import type { BallotStoreBuilder, ExactWeight } from '../ballot-store.ts';
import { CandidateRegistry } from '../candidate-registry.ts';
import { readNumberWeight, readWeight, unitWeight } from './weight.ts';

/**
 * The JSON ballot format: `{"candidates": [...], "ballots": [{"ranks": [["A"], [], ["B","C"]],
 * "weight": 1}]}`. A rank is an array: empty (skipped), one name, or several (an overvote).
 * `weight` is a number or a decimal string, default 1. Errors use the same row/column vocabulary as
 * CSV: row N is the Nth ballot, column rankM its Mth rank.
 *
 * The document is read as it arrives, ballot by ballot (@streamparser/json: a tokenizer with no
 * I/O of its own), so a file of any size needs memory only for one ballot at a time. The file's own
 * candidate list fixes the registry; ballots met before it (when the list comes last and none was
 * given with `--candidates`) wait for it, so for large files put `candidates` first.
 */
export class JsonBallotStream {
  private readonly parser = new JSONParser({
    paths: ['$.candidates', '$.ballots', '$.ballots.*'],
    keepStack: false,
  });
  /** Null until the candidate list is known (given, found in the file, or absent at the end). */
  private registry: CandidateRegistry | null;
  private readonly waiting: { ballot: unknown; row: number }[] = [];
  private sawBallots = false;
  private failure: unknown;

  constructor(
    private readonly flagList: readonly string[] | null,
    private readonly openRegistry: CandidateRegistry,
    private readonly builder: BallotStoreBuilder,
  ) {
    this.registry = flagList !== null ? openRegistry : null;
    this.parser.onValue = ({ value, key, parent, stack }) => {
      try {
        this.take(value, key, parent, stack.length);
      } catch (error) {
        // The parser wraps what its callback throws in an error of its own: keep ours to rethrow.
        this.failure = error;
        throw error;
      }
    };
  }

  /** `depth` 1 is a property of the document, 2 an element of `ballots` (the paths asked for). */
  private take(value: unknown, key: unknown, parent: unknown, depth: number): void {
    if (depth === 1 && key === 'candidates') this.takeCandidateList(value);
    else if (depth === 1 && key === 'ballots') this.takeBallots(value);
    else if (depth === 2) {
      if (!Array.isArray(parent) || typeof key !== 'number') throw ballotsNotAnArray();
      // Forget the ballot once it is read: the parser would otherwise keep the whole array.
      parent.length = 0;
      this.takeBallot(value, key + 1);
    }
  }

  push(chunk: string): void {
    this.guard(() => this.parser.write(chunk));
  }

  /** Ends the document; returns the registry its ballots were read against. */
  finish(): CandidateRegistry {
    this.guard(() => {
      if (!this.parser.isEnded) this.parser.end();
    });
    if (!this.sawBallots) throw ballotsNotAnArray();
    return this.settle(this.openRegistry);
  }

  /** Syntax errors of the tokenizer become `ballot.invalid_json`; our own errors pass as they are. */
  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      if (this.failure !== undefined) throw this.failure;
      if (error instanceof DomainError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw invalid('ballot.invalid_json', `the ballot file is not valid JSON: ${reason}`, { reason });
    }
  }

  private takeCandidateList(list: unknown): void {
    if (!Array.isArray(list) || !list.every((name) => typeof name === 'string')) {
      throw invalid('ballot.invalid_candidate_list', '"candidates" must be an array of names', {
        field: 'candidates',
        reason: 'not an array of strings',
      });
    }
    if (this.flagList !== null) {
      if (!sameList(list, this.flagList)) {
        throw invalid(
          'ballot.candidate_list_conflict',
          'the candidate list given differs from the file’s own',
          { reason: 'two different candidate lists' },
        );
      }
      return;
    }
    this.settle(new CandidateRegistry(list));
  }

  private takeBallots(ballots: unknown): void {
    if (!Array.isArray(ballots)) throw ballotsNotAnArray();
    this.sawBallots = true;
  }

  private takeBallot(ballot: unknown, row: number): void {
    if (this.registry === null) this.waiting.push({ ballot, row });
    else readJsonBallot(ballot, row, this.registry, this.builder);
  }

  /** Fixes the registry (once) and reads the ballots that waited for it. */
  private settle(registry: CandidateRegistry): CandidateRegistry {
    if (this.registry !== null) return this.registry;
    this.registry = registry;
    for (const { ballot, row } of this.waiting) readJsonBallot(ballot, row, registry, this.builder);
    this.waiting.length = 0;
    return registry;
  }
}

export const sameList = (a: readonly unknown[], b: readonly string[]) =>
  a.length === b.length &&
  a.every((name, index) => typeof name === 'string' && name.trim() === b[index]?.trim());

const ballotsNotAnArray = () =>
  invalid('ballot.invalid_json', '"ballots" must be an array', { field: 'ballots', reason: 'missing' });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readJsonBallot(
  ballot: unknown,
  row: number,
  registry: CandidateRegistry,
  builder: BallotStoreBuilder,
): void {
  if (!isRecord(ballot) || !Array.isArray(ballot.ranks)) {
    throw rowError('ballot.invalid_json', row, null, 'a ballot must be an object with a "ranks" array');
  }
  builder.beginBallot();
  ballot.ranks.forEach((rank: unknown, rankIndex) => {
    pushRank(rank, row, rankIndex, registry, builder);
  });
  builder.endBallot(readBallotWeight(ballot.weight, row), row);
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
