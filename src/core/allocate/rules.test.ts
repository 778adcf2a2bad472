import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { allocate } from './engine.ts';
import type { PactInput } from './types.ts';

/** Three equal members and six races where everyone polls something: the base of each case. */
function base(overrides: Partial<PactInput> = {}): PactInput {
  const races = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((id, at) => ({
    id,
    votes: { a: 100 + 10 * at, b: 120 - 5 * at, c: 90 + at, 'other:x': 200 },
  }));
  return {
    members: [
      { id: 'a', weight: 1, position: -0.5 },
      { id: 'b', weight: 1, position: -0.3 },
      { id: 'c', weight: 1, position: 0.4 },
    ],
    races,
    ...overrides,
  };
}

function failure(input: PactInput): DomainError {
  try {
    allocate(input);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** A list the error carries in its details (`issues`, `collisions`). */
function details<T>(error: DomainError, key: string): T[] {
  const list = error.details?.[key];
  if (!Array.isArray(list)) throw new Error(`no ${key} in the error details`);
  return list as T[];
}

describe('validation', () => {
  it('names every bad reference with its path', () => {
    const error = failure(
      base({
        members: [
          { id: 'a', weight: 1 },
          { id: 'a', weight: 2 },
        ],
        locks: [{ race: 'nowhere', member: 'a' }],
        vetoes: [{ race: 'r1', member: 'ghost' }],
        presets: [{ rule: 'incumbent', races: ['r9'] }],
      }),
    );
    expect(error.kind).toBe('invalid');
    expect(error.code).toBe('pact.invalid');
    const paths = details<{ path: string }>(error, 'issues').map((issue) => issue.path);
    expect(paths).toEqual(['members[1].id', 'locks[0].race', 'vetoes[0].member', 'presets[0].races[0]']);
  });
});

describe('infeasible locks and vetoes', () => {
  it('a race locked to a member who is vetoed there', () => {
    const error = failure(
      base({ locks: [{ race: 'r2', member: 'b' }], vetoes: [{ race: 'r2', member: 'b' }] }),
    );
    expect(error.kind).toBe('unprocessable');
    expect(error.code).toBe('pact.infeasible');
    expect(error.details?.collisions).toEqual([
      expect.objectContaining({ race: 'r2', member: 'b', constraints: ['locks[0]', 'vetoes[0]'] }),
    ]);
  });

  it('a race locked to two members', () => {
    const error = failure(
      base({
        locks: [
          { race: 'r1', member: 'a' },
          { race: 'r1', member: 'c' },
        ],
      }),
    );
    expect(error.details?.collisions).toEqual([
      expect.objectContaining({ constraints: ['locks[0]', 'locks[1]'] }),
    ]);
  });

  it('more locks than the entitlement ceiling (apportioned 2, ceiling 3)', () => {
    const locks = ['r1', 'r2', 'r3', 'r4'].map((race) => ({ race, member: 'a' }));
    const error = failure(base({ locks }));
    const [collision] = details<{ constraints: string[]; reason: string }>(error, 'collisions');
    expect(collision?.constraints).toEqual([
      'locks[0]',
      'locks[1]',
      'locks[2]',
      'locks[3]',
      'entitlement of "a"',
    ]);
    expect(collision?.reason).toContain('at most 3');
    // Only reported, the entitlement no longer collides.
    expect(allocate(base({ locks, entitlement: 'report' })).fairness.entitlementWithinOne).toBe(false);
  });

  it('vetoes that leave a member below its floor', () => {
    const vetoes = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((race) => ({ race, member: 'c' }));
    const error = failure(base({ vetoes }));
    const [collision] = details<{ member: string; constraints: string[] }>(error, 'collisions');
    expect(collision?.member).toBe('c');
    expect(collision?.constraints).toContain('vetoes[5]');
  });

  it('two members who each could reach their floor, but only through the same race', () => {
    const vetoes = ['r2', 'r3', 'r4', 'r5', 'r6'].flatMap((race) => [
      { race, member: 'b' },
      { race, member: 'c' },
    ]);
    const error = failure(base({ vetoes }));
    expect(error.code).toBe('pact.infeasible');
    expect(error.message).toMatch(/cannot reach its floor/);
  });
});

describe('open races and presets', () => {
  it('a race where every member is vetoed is left open and says so', () => {
    const vetoes = ['a', 'b', 'c'].map((member) => ({ race: 'r3', member }));
    const report = allocate(base({ vetoes }));
    expect(report.assignments.r3).toBeNull();
    expect(report.explanations.r3).toBe('left open: every member is vetoed here');
    expect(Object.values(report.members).reduce((sum, m) => sum + m.seats, 0)).toBe(5);
  });

  it('incumbents keep their seats, and the explanation says why', () => {
    const races = base().races.map((race) => (race.id === 'r6' ? { ...race, incumbent: 'c' } : race));
    const report = allocate(base({ races, presets: ['incumbent'] }));
    expect(report.assignments.r6).toBe('c');
    expect(report.explanations.r6).toContain('locked to this member: incumbent keeps the seat');
  });

  it('a vetoed incumbent does not get the seat, and an explicit lock beats a preset', () => {
    const races = base().races.map((race) => ({ ...race, incumbent: 'c' }));
    const report = allocate(
      base({
        races,
        presets: ['incumbent'],
        entitlement: 'report',
        vetoes: [{ race: 'r1', member: 'c' }],
        locks: [{ race: 'r2', member: 'a' }],
      }),
    );
    expect(report.assignments.r1).not.toBe('c');
    expect(report.explanations.r1).toContain(
      'incumbent keeps the seat preset not applied: "c" is vetoed here',
    );
    expect(report.assignments.r2).toBe('a');
    expect(report.explanations.r2).toContain('locked to this member');
  });

  it('the strongest member of the last election gets the races it is applied to', () => {
    const report = allocate(base({ presets: [{ rule: 'strongest', races: ['r1', 'r6'] }] }));
    // r1: a 100, b 120, c 90 → b; r6: a 150, b 95, c 95 → a
    expect(report.assignments.r1).toBe('b');
    expect(report.assignments.r6).toBe('a');
    expect(report.explanations.r6).toContain('strongest member in the last election gets it');
  });
});
