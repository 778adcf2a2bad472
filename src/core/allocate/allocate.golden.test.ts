import { describe, expect, it } from 'vitest';
import golden from './allocate.golden.json' with { type: 'json' };
import { allocate } from './engine.ts';
import type { PactInput } from './types.ts';

interface GoldenCase {
  name: string;
  input: PactInput;
  expect: {
    assignments?: Record<string, string | null>;
    members?: Record<string, { apportioned: number; seats: number }>;
    fairness?: { entitlementWithinOne: boolean; wef1: boolean };
    explanationsContain?: Record<string, string>;
    pactBeatsNoPact?: boolean;
  };
}

describe('allocate (golden pacts worked by hand)', () => {
  // JSON imports type apportionment as a plain string; the cases are checked by running them.
  for (const example of golden.cases as unknown as GoldenCase[]) {
    it(example.name, () => {
      const report = allocate(example.input);
      const expected = example.expect;
      for (const [race, member] of Object.entries(expected.assignments ?? {})) {
        expect(report.assignments[race], race).toBe(member);
      }
      for (const [id, figures] of Object.entries(expected.members ?? {})) {
        expect(report.members[id], id).toMatchObject(figures);
      }
      if (expected.fairness) expect(report.fairness).toMatchObject(expected.fairness);
      for (const [race, text] of Object.entries(expected.explanationsContain ?? {})) {
        expect(report.explanations[race]).toContain(text);
      }
      if (expected.pactBeatsNoPact !== undefined) {
        expect(report.expectedWins.pact > report.expectedWins.noPact).toBe(expected.pactBeatsNoPact);
      }
    });
  }
});
