import { invalid } from '../../errors.ts';
import { type BallotStore, BallotStoreBuilder } from '../ballot-store.ts';
import { CandidateRegistry } from '../candidate-registry.ts';
import { CsvBallotParser } from './csv-parser.ts';
import { jsonCandidateList, parseJsonDocument, readJsonBallots } from './json-ballots.ts';

export interface BallotReadOptions {
  /** The candidate list (`--candidates`): names outside it are errors, and it fixes the order. */
  candidates?: readonly string[] | null;
  /** JSON is parsed whole: refuse a JSON file longer than this many characters (an upload's cap). */
  maxJsonLength?: number;
}

/**
 * Reads a ballot file from text chunks, CSV or JSON (a file whose first non-blank character is
 * `{` is JSON). CSV streams row by row; JSON is parsed whole, so very large files should be CSV.
 */
export class BallotReader {
  private format: 'csv' | 'json' | null = null;
  private head = '';
  private readonly jsonChunks: string[] = [];
  private jsonLength = 0;
  private readonly builder = new BallotStoreBuilder();
  private readonly registry: CandidateRegistry;
  private readonly csv: CsvBallotParser;

  constructor(private readonly options: BallotReadOptions = {}) {
    this.registry = new CandidateRegistry(options.candidates ?? null);
    this.csv = new CsvBallotParser(this.registry, this.builder);
  }

  push(chunk: string): void {
    if (this.format === null) {
      this.head += chunk;
      const first = this.head.search(/[^\s\uFEFF]/);
      if (first < 0) return;
      this.format = this.head[first] === '{' ? 'json' : 'csv';
      const head = this.head;
      this.head = '';
      this.route(head);
      return;
    }
    this.route(chunk);
  }

  finish(): BallotStore {
    if (this.format === null) {
      throw invalid('ballot.empty_file', 'the ballot file is empty', { reason: 'no content' });
    }
    if (this.format === 'json') return this.finishJson();
    this.csv.end();
    return this.store(this.registry);
  }

  private route(chunk: string): void {
    if (this.format !== 'json') {
      this.csv.push(chunk);
      return;
    }
    this.jsonLength += chunk.length;
    const limit = this.options.maxJsonLength ?? Number.POSITIVE_INFINITY;
    if (this.jsonLength > limit) {
      throw invalid(
        'ballot.file_too_large',
        `a JSON ballot file may hold at most ${limit} characters here; send large files as CSV, which is read as it arrives`,
        { reason: 'too large', limit },
      );
    }
    this.jsonChunks.push(chunk);
  }

  private finishJson(): BallotStore {
    const document = parseJsonDocument(this.jsonChunks.join('').replace(/^\uFEFF/, ''));
    this.jsonChunks.length = 0;
    const ownList = jsonCandidateList(document);
    const flagList = this.options.candidates ?? null;
    if (ownList !== null && flagList !== null && !sameList(ownList, flagList)) {
      throw invalid(
        'ballot.candidate_list_conflict',
        'the candidate list given differs from the file’s own',
        {
          reason: 'two different candidate lists',
        },
      );
    }
    const registry = ownList !== null && flagList === null ? new CandidateRegistry(ownList) : this.registry;
    readJsonBallots(document, registry, this.builder);
    return this.store(registry);
  }

  private store(registry: CandidateRegistry): BallotStore {
    const { candidates, remap } = registry.finish();
    if (candidates.length === 0) {
      throw invalid('ballot.no_candidates', 'the ballot file names no candidate', {
        reason: 'no candidates',
      });
    }
    return this.builder.finish(candidates, remap);
  }
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name, index) => name.trim() === b[index]?.trim());

/** Reads a whole ballot file held in memory. */
export function readBallotText(text: string, options: BallotReadOptions = {}): BallotStore {
  const reader = new BallotReader(options);
  reader.push(text);
  return reader.finish();
}
