import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import type { BallotStore } from '../ballot-store.ts';
import { tabulate } from '../tabulate.ts';
import { BallotReader, readBallotText } from './ballot-reader.ts';

/** The ballots of a store as readable rows: `weight:rank|rank` with `-` blank and `A=B` overvotes. */
function rows(store: BallotStore): string[] {
  const out: string[] = [];
  for (let b = 0; b < store.size; b++) {
    const ranks: string[] = [];
    const end = store.offsets[b + 1] as number;
    for (let i = store.offsets[b] as number; i < end; ) {
      const token = store.tokens[i] as number;
      if (token === -1) {
        ranks.push('-');
        i += 1;
      } else if (token >= 0) {
        ranks.push(store.candidates[token] as string);
        i += 1;
      } else {
        ranks.push([...store.tokens.slice(i + 1, i + 1 - token)].map((c) => store.candidates[c]).join('='));
        i += 1 - token;
      }
    }
    out.push(`${(store.weights[b] as number) / 10 ** store.weightDecimals}:${ranks.join('|')}`);
  }
  return out;
}

function readError(text: string, candidates?: string[]): DomainError {
  try {
    readBallotText(text, { candidates: candidates ?? null });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('CSV ballots', () => {
  it('reads weights, blanks, overvotes, quotes, CRLF and a BOM; merges identical ballots', () => {
    const text =
      '\uFEFFweight,rank1,rank2,rank3\r\n2,A,,B\r\n1, "B" ,A=C,\r\n\r\n3,A,,B\r\n1,"Smith, Jr.",,\r\n';
    const store = readBallotText(text);
    expect(store.candidates).toEqual(['A', 'B', 'C', 'Smith, Jr.']);
    expect(rows(store)).toEqual(['5:A|-|B', '1:B|A=C', '1:Smith, Jr.']);
    expect(store.rows).toBe(4);
    expect(store.totalWeight).toBe(7);
  });

  it('gives the same ballots whatever the chunk boundaries', () => {
    const text =
      'weight,rank1,rank2\r\n1.5,"Ann ""the"" Lee",Bob\r\n2,Bob=Cy,\r\n0.25,,Cy\n1,Bob,Ann "the" Lee';
    const whole = rows(readBallotText(text.replace('Ann "the" Lee', '"Ann ""the"" Lee"')));
    for (let cut = 1; cut < text.length; cut++) {
      const reader = new BallotReader();
      const fixed = text.replace('Ann "the" Lee', '"Ann ""the"" Lee"');
      reader.push(fixed.slice(0, cut));
      reader.push(fixed.slice(cut));
      expect(rows(reader.finish())).toEqual(whole);
    }
    expect(whole).toEqual(['1.5:Ann "the" Lee|Bob', '2:Bob=Cy', '0.25:-|Cy', '1:Bob|Ann "the" Lee']);
  });

  it('counts decimal weights exactly (0.1 + 0.2 is 0.3)', () => {
    const store = readBallotText('weight,rank1\n0.1,A\n0.2,A\n0.25,B\n');
    const result = tabulate(store, { method: 'plurality' });
    expect(result.rounds[0]?.tallies).toEqual({ A: 0.3, B: 0.25 });
    expect(tabulate(store, { method: 'stv' }).totalWeight).toBe('0.5500000');
  });

  it('orders candidates by name without a list, as listed with one (zero-vote candidates included)', () => {
    expect(readBallotText('rank1,rank2\nZoe,Al\n').candidates).toEqual(['Al', 'Zoe']);
    const listed = readBallotText('rank1,rank2\nZoe,Al\n', { candidates: ['Zoe', 'Bea', 'Al'] });
    expect(listed.candidates).toEqual(['Zoe', 'Bea', 'Al']);
  });

  it.each([
    ['rank1,rank2\nA,Zed\n', ['A', 'B'], 'ballot.unknown_candidate', 2, 'rank2'],
    ['rank1\nA==B\n', undefined, 'ballot.malformed_overvote', 2, 'rank1'],
    ['rank1\n=A\n', undefined, 'ballot.malformed_overvote', 2, 'rank1'],
    ['rank1\nA=\n', undefined, 'ballot.malformed_overvote', 2, 'rank1'],
    ['weight,rank1\n1,A\n-2,B\n', undefined, 'ballot.negative_weight', 3, 'weight'],
    ['weight,rank1\nabc,A\n', undefined, 'ballot.invalid_weight', 2, 'weight'],
    ['weight,rank1\n1e3,A\n', undefined, 'ballot.invalid_weight', 2, 'weight'],
    ['weight,rank1\n,A\n', undefined, 'ballot.invalid_weight', 2, 'weight'],
    ['weight,rank1\n0.1234567891,A\n', undefined, 'ballot.weight_precision', 2, 'weight'],
    ['rank1,rank2\nA\n', undefined, 'ballot.column_count', 2, undefined],
    ['rank1\nA,B\n', undefined, 'ballot.column_count', 2, undefined],
    ['rank1\n\n\nA"B\n', undefined, 'ballot.malformed_csv', 4, 'rank1'],
    ['rank1\n"A\n', undefined, 'ballot.malformed_csv', 2, 'rank1'],
    ['rank1\n"A"x\n', undefined, 'ballot.malformed_csv', 2, 'rank1'],
  ] as const)('%j is rejected: %s', (text, candidates, code, row, column) => {
    const error = readError(text, candidates === undefined ? undefined : [...candidates]);
    expect(error.code).toBe(code);
    expect(error.details).toMatchObject({ row, ...(column === undefined ? {} : { column }) });
    expect(error.message).toContain(`row ${row}`);
  });

  it.each([
    ['', 'ballot.empty_file'],
    ['  \n', 'ballot.empty_file'],
    ['rank1,votes\n', 'ballot.invalid_header'],
    ['weight\n', 'ballot.invalid_header'],
    ['rank2,rank1\n', 'ballot.invalid_header'],
    ['rank1\n', 'ballot.no_candidates'],
  ])('%j is rejected as a whole file: %s', (text, code) => {
    expect(readError(text).code).toBe(code);
  });
});

describe('JSON ballots', () => {
  const document = {
    candidates: ['A', 'B', 'C'],
    ballots: [
      { ranks: [['A'], [], ['B', 'C']], weight: 0.7 },
      { ranks: [['B']], weight: '2' },
      { ranks: [['A'], [], ['C', 'B']], weight: 0.3 },
    ],
  };

  it('reads ranks, blanks, overvotes and weights as numbers or decimal strings', () => {
    const store = readBallotText(`\uFEFF ${JSON.stringify(document)}`);
    expect(store.candidates).toEqual(['A', 'B', 'C']);
    expect(rows(store)).toEqual(['0.7:A|-|B=C', '2:B', '0.3:A|-|C=B']);
  });

  it('names the ballot (row) and rank (column) of an error', () => {
    const bad = { ...document, ballots: [...document.ballots, { ranks: [['A'], ['Zed']] }] };
    const error = readError(JSON.stringify(bad));
    expect(error.code).toBe('ballot.unknown_candidate');
    expect(error.details).toMatchObject({ row: 4, column: 'rank2' });
    expect(readError('{"ballots": [{"ranks": [["A"]], "weight": -1}]}').code).toBe('ballot.negative_weight');
    expect(readError('{"ballots": [{"ranks": "A"}]}').code).toBe('ballot.invalid_json');
    expect(readError('{"ballots": [').code).toBe('ballot.invalid_json');
  });

  it('refuses a candidate list that contradicts the file’s own', () => {
    const error = readError(JSON.stringify(document), ['A', 'B']);
    expect(error.code).toBe('ballot.candidate_list_conflict');
  });
});
