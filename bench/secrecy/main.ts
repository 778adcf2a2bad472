/**
 * `npm run bench -- secrecy`: how long the k rule of secret ballots takes at close (issue 10).
 * The dynamic programme over voters (src/core/secrecy/majority-secrecy.ts) against brute force
 * measured in the same run: enumerate every yes/no/abstain assignment, compute its aggregate, and
 * group. Both count the same thing; the ratio is what the programme saves. Also: equal weighting
 * at coalition sizes brute force cannot touch, and the budget fallback with many distinct weights.
 * Times are wall clock, best of a few runs; the machine may be shared.
 */
import { discloseMajority, majorityDomain } from '../../src/core/secrecy/majority-secrecy.ts';

const runs = 3;
const domain = majorityDomain([]);

function best(work: () => void): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

/** Seeded weights: a small linear congruential generator, so every run measures the same electorate. */
function weightsFor(n: number, seed: number): bigint[] {
  let state = seed;
  return Array.from({ length: n }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return BigInt(5 + (state % 95));
  });
}

function voters(weights: readonly bigint[]) {
  return weights.map((weight, i) => ({ weight, choice: i % 3 }));
}

/** Brute force: every assignment, its aggregate key, grouped; the group size of the real vote. */
function bruteForce(weights: readonly bigint[]): number {
  const n = weights.length;
  const groups = new Map<string, number>();
  let actual = '';
  for (let code = 0; code < 3 ** n; code++) {
    let yes = 0n;
    let no = 0n;
    const counts = [0, 0, 0];
    let rest = code;
    for (const weight of weights) {
      const choice = rest % 3;
      rest = Math.floor(rest / 3);
      if (choice === 0) yes += weight;
      if (choice === 1) no += weight;
      counts[choice] = (counts[choice] ?? 0) + 1;
    }
    const key = `${yes}|${no}|${counts.join(',')}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
    if (code === realCode(n)) actual = key;
  }
  return groups.get(actual) ?? 0;
}

const realCode = (n: number) => {
  let code = 0;
  for (let i = n - 1; i >= 0; i--) code = code * 3 + (i % 3);
  return code;
};

const ms = (value: number) => `${value.toFixed(1)} ms`;

console.log('strength weighting, weights 5–99 (seeded), majority, k = 5');
for (const n of [6, 8, 10, 12]) {
  const weights = weightsFor(n, 20261203 + n);
  const input = {
    method: { kind: 'majority' as const },
    quorumMet: true,
    voters: voters(weights),
    domain,
    k: 5,
  };
  const programme = best(() => discloseMajority(input));
  const brute = n <= 10 ? best(() => bruteForce(weights)) : Number.NaN;
  const level = discloseMajority(input).level;
  console.log(
    `  n = ${String(n).padStart(2)}  programme ${ms(programme).padStart(10)}  brute force (${3 ** n} assignments, aggregates only) ${
      Number.isNaN(brute) ? 'skipped' : ms(brute)
    }${Number.isNaN(brute) ? '' : `  ratio ${(brute / programme).toFixed(1)}×`}  → ${JSON.stringify(level)}`,
  );
}

console.log('equal weighting, majority, k = 5 (brute force out of reach)');
for (const n of [20, 50, 100]) {
  const weights = Array.from({ length: n }, () => 1n);
  const input = {
    method: { kind: 'majority' as const },
    quorumMet: true,
    voters: voters(weights),
    domain,
    k: 5,
  };
  console.log(`  n = ${String(n).padStart(3)}  programme ${ms(best(() => discloseMajority(input)))}`);
}

console.log(
  'budget fallback: 20 distinct weights (3^20 assignments), stops at the budget (defaultStateBudget)',
);
{
  const weights = weightsFor(20, 7);
  const input = {
    method: { kind: 'majority' as const },
    quorumMet: true,
    voters: voters(weights),
    domain,
    k: 5,
  };
  const time = best(() => discloseMajority(input));
  console.log(`  programme ${ms(time)}  → ${JSON.stringify(discloseMajority(input))}`);
}
