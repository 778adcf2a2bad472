import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import golden from './apportion.golden.json' with { type: 'json' };
import { apportion, quotas } from './apportion.ts';
import type { ApportionmentMethod } from './types.ts';

const methods: ApportionmentMethod[] = ['sainte-lague', 'dhondt', 'hare'];

describe('apportion (golden textbook cases)', () => {
  for (const example of golden.cases) {
    for (const method of methods) {
      it(`${example.name}: ${method}`, () => {
        expect(apportion(example.weights, example.house, method)).toEqual(example.expected[method]);
      });
    }
  }
});

describe('apportion (properties)', () => {
  const weights = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 12 });

  it('hands out exactly the house', () => {
    fc.assert(
      fc.property(
        weights,
        fc.integer({ min: 0, max: 500 }),
        fc.constantFrom(...methods),
        (w, house, method) => {
          expect(apportion(w, house, method).reduce((sum, seats) => sum + seats, 0)).toBe(house);
        },
      ),
    );
  });

  it('Hare stays within one of the quota (quota rule); D\u2019Hondt never falls below the floor of it', () => {
    fc.assert(
      fc.property(weights, fc.integer({ min: 0, max: 500 }), (w, house) => {
        const quota = quotas(w, house);
        apportion(w, house, 'hare').forEach((seats, member) => {
          expect(Math.abs(seats - (quota[member] ?? 0))).toBeLessThan(1);
        });
        apportion(w, house, 'dhondt').forEach((seats, member) => {
          expect(seats).toBeGreaterThanOrEqual(Math.floor((quota[member] ?? 0) + 1e-9));
        });
      }),
    );
  });

  it('divisor methods are house monotone: one more seat never takes one away', () => {
    fc.assert(
      fc.property(
        weights,
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom<ApportionmentMethod>('sainte-lague', 'dhondt'),
        (w, house, method) => {
          const before = apportion(w, house, method);
          apportion(w, house + 1, method).forEach((seats, member) => {
            expect(seats).toBeGreaterThanOrEqual(before[member] ?? 0);
          });
        },
      ),
    );
  });
});
