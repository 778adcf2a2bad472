import { quotas } from './apportion.ts';
import type { Entitlement } from './entitlement.ts';
import type { HardRules } from './rules.ts';
import type { Pact } from './types.ts';

/** What an injected MILP solver answers; the engine never sees the solver itself. */
export type MilpSolution =
  | { status: 'optimal'; values: Readonly<Record<string, number>> }
  | { status: 'infeasible' }
  /** Stopped by the time limit: the best solution found by then, if any, not proven optimal. */
  | { status: 'stopped'; values: Readonly<Record<string, number>> | null; message: string }
  | { status: 'failed'; message: string };

export interface MilpOptions {
  /** Seconds the solver may spend on this model (the solver's own default when absent). */
  timeLimitSeconds?: number;
}

/** Solves a model written in CPLEX LP format (e.g. HiGHS); injected so src/core stays free of I/O. */
export type MilpSolver = (lp: string, options?: MilpOptions) => Promise<MilpSolution>;

/** A pair of members whose WEF1 condition the model enforces: `envious` must not envy `envied`. */
export interface EnvyPair {
  readonly envious: number;
  readonly envied: number;
}

export interface MilpModel {
  readonly lp: string;
  /** The (race, member) pair behind each binary variable, by variable name. */
  readonly variables: ReadonlyMap<string, { race: number; member: number }>;
}

const termsPerLine = 8;
const variableName = (race: number, member: number) => `x${race}_${member}`;
/** A variable fixed at 0, so that no section of the model is ever empty (HiGHS rejects those). */
const placeholder = 'unused';

/**
 * The allocation as a 0–1 program: x[r][m] = 1 when member m runs in race r. Maximize the sum of
 * expected wins subject to: at most one member per race; no variable for a vetoed pair; locked
 * pairs fixed to 1; each count group's floor and ceiling per member (entitlement ± 1, tiers);
 * with expected wins apportioned, each member's wins within 1 of its weight share of the total
 * (linear, because the total is itself a sum of the variables). WEF1 is enforced for the pairs
 * given (`envyPairs`); the caller adds the pairs a solution breaks and solves again (lazy rows).
 */
export function buildMilp(
  pact: Pact,
  rules: HardRules,
  entitlement: Entitlement,
  value: Float64Array,
  envyPairs: readonly EnvyPair[] = [],
  /** A floor on the objective (a known allocation's value): prunes the search, changes no optimum above it. */
  atLeast: number | null = null,
): MilpModel {
  const n = pact.members.length;
  const variables = new Map<string, { race: number; member: number }>();
  const byRace: string[][] = pact.races.map(() => []);
  const fixed: string[] = [];
  const objective: [number, string][] = [];
  pact.races.forEach((_, race) => {
    if (rules.closed[race] === 1) return;
    const locked = rules.lockedTo[race] ?? -1;
    for (let member = 0; member < n; member += 1) {
      if (rules.vetoed[race * n + member] === 1 || (locked !== -1 && locked !== member)) continue;
      const name = variableName(race, member);
      variables.set(name, { race, member });
      byRace[race]?.push(name);
      objective.push([value[race * n + member] ?? 0, name]);
      if (locked === member) fixed.push(name);
    }
  });
  const constraints: string[] = [];
  byRace.forEach((names, race) => {
    if (names.length > 1)
      constraints.push(
        row(
          `race${race}`,
          names.map((name) => [1, name]),
          '<=',
          1,
        ),
      );
  });
  entitlement.groups.forEach((group, g) => {
    for (let member = 0; member < n; member += 1) {
      const terms: [number, string][] = [];
      for (const [name, pair] of variables) {
        if (pair.member === member && entitlement.groupsOfRace[pair.race]?.includes(g)) terms.push([1, name]);
      }
      const lo = group.lo[member] ?? 0;
      const hi = group.hi[member] ?? Number.POSITIVE_INFINITY;
      if (lo > 0) constraints.push(row(`floor${g}_${member}`, terms, '>=', lo));
      if (Number.isFinite(hi) && terms.length > hi)
        constraints.push(row(`ceiling${g}_${member}`, terms, '<=', hi));
    }
  });
  if (pact.settings.apportionBy === 'expectedWins' && pact.settings.entitlement === 'enforce') {
    const shares = quotas(
      pact.members.map((member) => member.weight),
      1,
    );
    for (let member = 0; member < n; member += 1) {
      const terms: [number, string][] = [];
      for (const [name, pair] of variables) {
        const v = value[pair.race * n + pair.member] ?? 0;
        terms.push([(pair.member === member ? v : 0) - (shares[member] ?? 0) * v, name]);
      }
      constraints.push(row(`winsfloor${member}`, terms, '>=', -1));
      constraints.push(row(`winsceiling${member}`, terms, '<=', 1));
    }
  }
  for (const pair of envyPairs) constraints.push(...wef1Rows(pact, value, variables, pair));
  if (atLeast !== null) constraints.push(row('atleast', objective, '>=', atLeast));
  const lp = [
    'Maximize',
    ` obj: ${lines([...objective, [0, placeholder]])}`,
    'Subject To',
    ...constraints,
    ` placeholder: ${lines([[1, placeholder]])} <= 0`,
    'Bounds',
    ...fixed.map((name) => ` ${name} = 1`),
    ` ${placeholder} = 0`,
    ...(variables.size > 0
      ? ['Binary', ...chunk([...variables.keys()]).map((names) => ` ${names.join(' ')}`)]
      : []),
    'End',
    '',
  ].join('\n');
  return { lp, variables };
}

/**
 * WEF1 for one pair (i envious of j) as linear rows. With weights w normalised to the heaviest,
 * i must value its own bundle per weight at least as j's bundle without its best race for i:
 *     w_j · Σ_r v_ir x_ri  ≥  w_i · (Σ_r v_ir x_rj − Σ_r v_ir y_r),   0 ≤ y_r ≤ x_rj,   Σ_r y_r ≤ 1.
 * For a 0–1 x the best y puts its unit on i's most valued race in j's bundle, so the continuous y
 * removes exactly the "one good" of the definition (src/core/allocate/wef1.ts): the rows hold
 * exactly when the pair is WEF1, with no extra binaries.
 */
function wef1Rows(
  pact: Pact,
  value: Float64Array,
  variables: ReadonlyMap<string, { race: number; member: number }>,
  { envious: i, envied: j }: EnvyPair,
): string[] {
  const n = pact.members.length;
  const heaviest = Math.max(...pact.members.map((member) => member.weight));
  const wi = (pact.members[i]?.weight ?? 1) / heaviest;
  const wj = (pact.members[j]?.weight ?? 1) / heaviest;
  const envy: [number, string][] = [];
  const rows: string[] = [];
  const drop: [number, string][] = [];
  for (const [name, pair] of variables) {
    const v = value[pair.race * n + i] ?? 0;
    if (v < 1e-15) continue;
    if (pair.member === i) envy.push([wj * v, name]);
    if (pair.member !== j) continue;
    envy.push([-wi * v, name]);
    // Continuous, in [0, ∞) by the LP format's default bounds.
    const y = `y${i}_${j}_${pair.race}`;
    envy.push([wi * v, y]);
    drop.push([1, y]);
    rows.push(
      row(
        `dropcap${i}_${j}_${pair.race}`,
        [
          [1, y],
          [-1, name],
        ],
        '<=',
        0,
      ),
    );
  }
  if (drop.length === 0) return [];
  rows.push(row(`dropone${i}_${j}`, drop, '<=', 1));
  rows.push(row(`wef1_${i}_${j}`, envy, '>=', 0));
  return rows;
}

/** The owner of every race in a solution (variables above 1/2), -1 for open races. */
export function readMilpSolution(
  model: MilpModel,
  raceCount: number,
  values: Readonly<Record<string, number>>,
) {
  const owner = new Int32Array(raceCount).fill(-1);
  for (const [name, pair] of model.variables) {
    if ((values[name] ?? 0) > 0.5) owner[pair.race] = pair.member;
  }
  return owner;
}

function row(name: string, terms: [number, string][], sense: '<=' | '>=', bound: number): string {
  return ` ${name}: ${lines(terms.length > 0 ? terms : [[0, placeholder]])} ${sense} ${bound}`;
}

/** Terms with explicit signs, a few per line: the LP format allows continuation lines. */
function lines(terms: [number, string][]): string {
  return chunk(terms)
    .map((part) =>
      part
        .map(
          ([coefficient, name]) => `${coefficient < 0 ? '-' : '+'} ${format(Math.abs(coefficient))} ${name}`,
        )
        .join(' '),
    )
    .join('\n   ');
}

/** Plain decimals at full precision, never exponent notation; below 1e-15 as 0. */
function format(value: number): string {
  if (value < 1e-15) return '0';
  const text = String(value);
  return text.includes('e') ? value.toFixed(20).replace(/0+$/, '') : text;
}

function chunk<T>(items: T[]): T[][] {
  const chunks: T[][] = [];
  for (let at = 0; at < items.length; at += termsPerLine) chunks.push(items.slice(at, at + termsPerLine));
  return chunks;
}
