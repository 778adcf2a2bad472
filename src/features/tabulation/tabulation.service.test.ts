import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.ts';
import { tabulationResultSchema } from './tabulation.schema.ts';
import { tabulateBallotFile } from './tabulation.service.ts';

const csv = ['weight,rank1,rank2', '4,Zoë,Åsa', '3,Åsa,Zoë', '2,Ben,Åsa'].join('\n');

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('tabulateBallotFile', () => {
  it('counts a byte stream exactly as the same text, whatever the chunk size (UTF-8 split mid-character)', async () => {
    const whole = await tabulateBallotFile(csv, { method: 'irv' });
    const bytes = new TextEncoder().encode(csv);
    for (const size of [1, 2, 3, 7, 64]) {
      expect(await tabulateBallotFile(chunks(bytes, size), { method: 'irv' })).toEqual(whole);
    }
    expect(whole.winners).toEqual(['Åsa']);
    expect(whole.ballots).toEqual({ read: 3, groups: 3 });
  });

  it('publishes a result that its own response schema accepts, with DESIGN’s keys first', async () => {
    for (const method of ['irv', 'stv', 'meek', 'schulze', 'approval', 'plurality', 'bottoms-up'] as const) {
      const result = await tabulateBallotFile(csv, { method, seats: 2 });
      expect(tabulationResultSchema.parse(result)).toEqual(result);
      expect(Object.keys(result).slice(0, 8)).toEqual([
        'method',
        'seats',
        'candidates',
        'winners',
        'ranking',
        'rounds',
        'tiebreaks',
        'condorcetWinner',
      ]);
    }
  });

  it('rejects invalid UTF-8 and invalid options with coded errors, counting nothing', async () => {
    const invalidUtf8 = chunks(new Uint8Array([0x72, 0x61, 0x6e, 0x6b, 0x31, 0x0a, 0xff, 0xfe]), 4);
    expect((await rejection(tabulateBallotFile(invalidUtf8, {}))).code).toBe('ballot.invalid_encoding');
    const badSeats = await rejection(tabulateBallotFile(csv, { seats: 0 }));
    expect(badSeats.code).toBe('tabulate.invalid_option');
    expect(badSeats.details).toMatchObject({ field: 'seats' });
    const badMethod = await rejection(tabulateBallotFile(csv, { method: 'borda' as never }));
    expect(badMethod.details).toMatchObject({ field: 'method' });
  });

  it('takes a candidate list that rejects other names and fixes the order', async () => {
    const result = await tabulateBallotFile(csv, { candidates: ['Zoë', 'Åsa', 'Ben', 'Cleo'] });
    expect(result.candidates).toEqual(['Zoë', 'Åsa', 'Ben', 'Cleo']);
    const error = await rejection(tabulateBallotFile(csv, { candidates: ['Zoë', 'Åsa'] }));
    expect(error.details).toMatchObject({ row: 4, column: 'rank1' });
  });
});
