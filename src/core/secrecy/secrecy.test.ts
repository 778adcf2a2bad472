import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../audit/canonical-json.ts';
import { decideMajority } from '../decide/decide.ts';
import { decideRanked, type RankedMethod } from '../decide/ranked.ts';
import { asOrganizationId, type MajorityMethod, type Split, type Weighting } from '../decide/types.ts';
import { checkElectorate } from './electorate.ts';
import { majorityDomain, splitKey } from './majority-secrecy.ts';
import { multinomial, swapLowerBound } from './ranked-secrecy.ts';

const yes: Split = { yes: 1000, no: 0, abstain: 0 };
const no: Split = { yes: 0, no: 1000, abstain: 0 };
const abstain: Split = { yes: 0, no: 0, abstain: 1000 };

interface MajorityCase {
  method: MajorityMethod;
  weighting: Weighting;
  quorum: { num: number; den: number };
  strengths: number[];
  /** One entry per voter: a split, or null for an organization that did not vote. */
  votes: (Split | null)[];
  k: number;
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => asOrganizationId(`org-${i}`));

function publishMajority(c: MajorityCase, votes: readonly (Split | null)[]) {
  const orgs = ids(c.strengths.length);
  const result = decideMajority({
    method: c.method,
    weighting: c.weighting,
    quorum: c.quorum,
    voters: orgs.map((organizationId, i) => ({ organizationId, strength: c.strengths[i] ?? 0 })),
    ballots: votes.flatMap((split, i) =>
      split ? [{ organizationId: orgs[i] ?? asOrganizationId('?'), split }] : [],
    ),
    secretK: c.k,
  });
  // What anybody can read: the result, and the list of ballots (sorted, as receipts would sort
  // them at random) when it is published.
  const list = result.secrecy?.ballotsPublished
    ? votes
        .flatMap((v) => (v ? [splitKey(v)] : []))
        .sort()
        .join(';')
    : null;
  return { result, view: canonicalJson({ result: JSON.parse(JSON.stringify(result)), list }) };
}

/** Every assignment of the domain's choices to the organizations that voted, by brute force. */
function* assignments(
  votes: readonly (Split | null)[],
  domain: readonly Split[],
): Generator<(Split | null)[]> {
  const voted = votes.flatMap((v, i) => (v ? [i] : []));
  const total = domain.length ** voted.length;
  for (let code = 0; code < total; code++) {
    const next = [...votes];
    let rest = code;
    for (const i of voted) {
      next[i] = domain[rest % domain.length] ?? null;
      rest = Math.floor(rest / domain.length);
    }
    yield next;
  }
}

function consistentMajority(c: MajorityCase): {
  fit: number;
  total: number;
  published: ReturnType<typeof publishMajority>;
} {
  const published = publishMajority(c, c.votes);
  const domain = majorityDomain(c.votes.flatMap((v) => (v ? [v] : [])));
  let fit = 0;
  let total = 0;
  for (const other of assignments(c.votes, domain)) {
    total += 1;
    if (publishMajority(c, other).view === published.view) fit += 1;
  }
  return { fit, total, published };
}

describe('secret yes/no/abstain ballots: what a published result can reveal', () => {
  const issueExample: MajorityCase = {
    method: { kind: 'majority' },
    weighting: { kind: 'strength', capPermille: null },
    quorum: { num: 1, den: 2 },
    strengths: [26, 42, 8, 54, 13, 31],
    // yes 26 + 8 + 31 = 65, no 42 + 13 = 55, abstain 54: the only assignment with these totals.
    votes: [yes, no, yes, abstain, no, yes],
    k: 5,
  };

  it('regression (issue 10): weights 26/42/8/54/13/31 no longer give the vote away', () => {
    const { fit, total, published } = consistentMajority(issueExample);
    expect(total).toBe(729);
    expect(fit).toBeGreaterThanOrEqual(5);
    expect(published.result.tally.weighted).toBeNull();
    expect(published.result.tally.outcome).toBe('passed');
    expect(published.result.secrecy?.level.kind).not.toBe('exact');
    expect(published.result.secrecy?.ballotsPublished).toBe(false);
  });

  it('publishes every figure when enough assignments fit them (equal weighting, 7 voters)', () => {
    const c: MajorityCase = {
      ...issueExample,
      weighting: { kind: 'equal' },
      strengths: [1, 1, 1, 1, 1, 1, 1],
      votes: [yes, yes, no, abstain, yes, no, yes],
    };
    const { fit, published } = consistentMajority(c);
    expect(published.result.secrecy?.level).toEqual({ kind: 'exact' });
    expect(published.result.tally.weighted).toEqual({ yes: '4.000', no: '2.000', abstain: '1.000' });
    // 7! / (4! 2! 1!) arrangements of the same ballots.
    expect(fit).toBe(105);
  });

  it('a unanimous small electorate publishes only the outcome', () => {
    const c: MajorityCase = {
      ...issueExample,
      weighting: { kind: 'equal' },
      strengths: [1, 1, 1],
      votes: [yes, yes, yes],
    };
    const { published } = consistentMajority(c);
    expect(published.result.secrecy?.level).toEqual({ kind: 'outcome' });
  });

  const split = fc.constantFrom<Split>(yes, no, abstain, yes, no, { yes: 700, no: 300, abstain: 0 });
  const caseArb = fc.integer({ min: 1, max: 5 }).chain((n) =>
    fc.record({
      method: fc.constantFrom<MajorityMethod>(
        { kind: 'majority' },
        { kind: 'supermajority', threshold: { num: 2, den: 3 } },
        { kind: 'double_majority' },
        { kind: 'consensus' },
      ),
      weighting: fc.constantFrom<Weighting>(
        { kind: 'equal' },
        { kind: 'strength', capPermille: null },
        { kind: 'strength', capPermille: 400 },
      ),
      quorum: fc.constantFrom({ num: 1, den: 2 }, { num: 0, den: 1 }),
      strengths: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: n, maxLength: n }),
      votes: fc.array(fc.option(split, { freq: 5 }), { minLength: n, maxLength: n }),
      k: fc.integer({ min: 2, max: 6 }),
    }),
  );

  it('property: whatever is published fits at least k assignments (or only the outcome is published)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { fit, published } = consistentMajority(c);
        const secrecy = published.result.secrecy;
        if (!secrecy) throw new Error('a secret decision without its disclosure');
        if (secrecy.kMet) expect(fit).toBeGreaterThanOrEqual(c.k);
        else expect(secrecy.level).toEqual({ kind: 'outcome' });
        // Exact figures only with the full list of ballots, coarse figures never with it.
        expect(secrecy.ballotsPublished).toBe(secrecy.level.kind === 'exact');
        if (secrecy.level.kind !== 'exact') expect(published.result.tally.weighted).toBeNull();
      }),
      { numRuns: 40 },
    );
  });

  it('the counting budget: too many distinct tallies to count publishes only the outcome', () => {
    const c: MajorityCase = { ...issueExample, weighting: { kind: 'equal' }, strengths: [1, 1, 1, 1, 1, 1] };
    const orgs = ids(6);
    const counted = c.votes.flatMap((split, i) =>
      split ? [{ organizationId: orgs[i] ?? asOrganizationId('?'), split }] : [],
    );
    expect(counted).toHaveLength(6);
    expect(
      checkElectorate({ weights: [1n, 2n, 4n, 8n, 16n, 32n], method: c.method, k: 5, stateBudget: 50 }),
    ).toEqual([expect.objectContaining({ code: 'too_many_to_count' })]);
  });
});

describe('secret ranked and approval ballots', () => {
  const options = ['Ada', 'Ben', 'Cleo'];
  interface RankedCase {
    method: RankedMethod;
    strengths: number[];
    votes: (number[] | null)[];
    k: number;
  }

  function publishRanked(c: RankedCase, votes: readonly (number[] | null)[]) {
    const orgs = ids(c.strengths.length);
    const result = decideRanked({
      method: c.method,
      seats: 1,
      options,
      weighting: { kind: 'strength', capPermille: null },
      quorum: { num: 1, den: 2 },
      voters: orgs.map((organizationId, i) => ({ organizationId, strength: c.strengths[i] ?? 0 })),
      ballots: votes.flatMap((ranking, i) =>
        ranking
          ? [{ organizationId: orgs[i] ?? asOrganizationId('?'), parts: [{ ranking, share: 1000 }] }]
          : [],
      ),
      seed: 'decision-1',
      secretK: c.k,
    });
    const list = result.secrecy?.ballotsPublished
      ? votes
          .flatMap((v) => (v ? [v.join('>')] : []))
          .sort()
          .join(';')
      : null;
    return { result, view: canonicalJson({ result: JSON.parse(JSON.stringify(result)), list }) };
  }

  const ranking = fc.constantFrom<number[]>([0, 1, 2], [1, 0], [2, 1, 0], [0], [1, 2]);
  const rankedArb = fc.integer({ min: 1, max: 4 }).chain((n) =>
    fc.record({
      method: fc.constantFrom<RankedMethod>('irv', 'schulze', 'approval', 'stv'),
      strengths: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: n, maxLength: n }),
      votes: fc.array(fc.option(ranking, { freq: 6 }), { minLength: n, maxLength: n }),
      k: fc.integer({ min: 2, max: 5 }),
    }),
  );

  it('property: full round tallies are published only when at least k assignments fit them', () => {
    fc.assert(
      fc.property(rankedArb, (c) => {
        const published = publishRanked(c, c.votes);
        const secrecy = published.result.secrecy;
        if (!secrecy) throw new Error('a secret decision without its disclosure');
        const domainKeys = [...new Set(c.votes.flatMap((v) => (v ? [v.join('>')] : [])))];
        const domain = domainKeys.map((key) => key.split('>').map(Number));
        const voted = c.votes.flatMap((v, i) => (v ? [i] : []));
        let fit = 0;
        for (let code = 0; code < domain.length ** voted.length; code++) {
          const other: (number[] | null)[] = [...c.votes];
          let rest = code;
          for (const i of voted) {
            other[i] = domain[rest % domain.length] ?? null;
            rest = Math.floor(rest / domain.length);
          }
          if (publishRanked(c, other).view === published.view) fit += 1;
        }
        if (secrecy.kMet) expect(fit).toBeGreaterThanOrEqual(c.k);
        else {
          expect(secrecy.level).toEqual({ kind: 'outcome' });
          expect(published.result.count).toBeNull();
        }
      }),
      { numRuns: 80 },
    );
  });

  it('the swap bound multiplies the arrangements within each group of equal weight', () => {
    expect(multinomial([2, 1, 1])).toBe(12);
    expect(
      swapLowerBound([
        { weight: 1n, ballot: 'a' },
        { weight: 1n, ballot: 'b' },
        { weight: 1n, ballot: 'b' },
        { weight: 2n, ballot: 'a' },
        { weight: 2n, ballot: 'c' },
      ]),
    ).toBe(6);
  });
});

describe('warning before a secret decision opens', () => {
  it('warns when fewer than k + 1 organizations vote', () => {
    const warnings = checkElectorate({ weights: [1n, 1n, 1n, 1n], method: { kind: 'majority' }, k: 5 });
    expect(warnings.map((w) => w.code)).toContain('too_few_voters');
  });

  it('warns when the weights make every exact tally unique (the issue example)', () => {
    const warnings = checkElectorate({
      weights: [26n, 42n, 8n, 54n, 13n, 31n],
      method: { kind: 'majority' },
      k: 5,
    });
    expect(warnings.map((w) => w.code)).toEqual(['unique_tallies']);
  });

  it('does not warn for ten organizations weighing the same', () => {
    expect(checkElectorate({ weights: Array(10).fill(1n), method: { kind: 'majority' }, k: 5 })).toEqual([]);
    expect(checkElectorate({ weights: Array(10).fill(1n), method: { kind: 'ranked' }, k: 5 })).toEqual([]);
  });

  it('warns for a ranked method when no two organizations share a weight', () => {
    const warnings = checkElectorate({ weights: [1n, 2n, 3n, 4n, 5n, 6n], method: { kind: 'ranked' }, k: 5 });
    expect(warnings.map((w) => w.code)).toEqual(['unique_tallies']);
  });
});
