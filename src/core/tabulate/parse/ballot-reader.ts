import { invalid } from '../../errors.ts';
import { type BallotStore, BallotStoreBuilder } from '../ballot-store.ts';
import { CandidateRegistry } from '../candidate-registry.ts';
import { CsvBallotParser } from './csv-parser.ts';
import { JsonBallotStream } from './json-ballots.ts';

export interface BallotReadOptions {
  /** The candidate list (`--candidates`): names outside it are errors, and it fixes the order. */
  candidates?: readonly string[] | null;
}

/**
 * Reads a ballot file from text chunks, CSV or JSON (a file whose first non-blank character is
 * `{` is JSON). CSV streams row by row, JSON ballot by ballot: neither is held whole.
 */
export class BallotReader {
  private format: 'csv' | 'json' | null = null;
  private head = '';
  private json: JsonBallotStream | null = null;
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
    if (this.json === null) {
      this.json = new JsonBallotStream(this.options.candidates ?? null, this.registry, this.builder);
      this.json.push(chunk.replace(/^[\s\uFEFF]+/, ''));
      return;
    }
    this.json.push(chunk);
  }

  private finishJson(): BallotStore {
    return this.store((this.json as JsonBallotStream).finish());
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

/** Reads a whole ballot file held in memory. */
export function readBallotText(text: string, options: BallotReadOptions = {}): BallotStore {
  const reader = new BallotReader(options);
  reader.push(text);
  return reader.finish();
}
