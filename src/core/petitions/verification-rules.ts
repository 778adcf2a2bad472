/**
 * Official signature verification rules, as data: one entry per state or jurisdiction. Sources and
 * worked examples: /work/shared/data/petition-verification.md (copied into docs/ballot-access.md).
 * Only what a source's text states is here; a state whose sampling formula was not confirmed is
 * not given one.
 */

/** A band edge: `inclusive` says whether a projection exactly at `percent` is on this side. */
export interface BandEdge {
  percent: number;
  inclusive: boolean;
}

export interface SampleRule {
  method: 'random_sample';
  /** Sample size: max(minimum, ⌈fraction × submitted⌉). */
  sample: { fraction: number; minimum: number };
  /** Below this share of the requirement in raw signatures, the filing fails before any sample. */
  rawFloorPercent: number | null;
  /** At or above (or strictly above) this projected share: qualifies on the sample. */
  qualifyAbove: BandEdge;
  /** Below (or at or below) this projected share: fails on the sample. Between the two: a full count. */
  failBelow: BandEdge;
  /**
   * How the sample becomes a projection. `ca_ccr_20530`: the rate v/n as a percentage to two
   * decimals, S × rate rounded up, minus the duplicate penalty (2 CCR §20531). `plain`: S × v / n,
   * rounded to the nearest whole (Colorado's 2012 release for #30: 163,598 × 4,436 / 8,180 =
   * 88,718.9, published as 88,719).
   */
  projection: 'ca_ccr_20530' | 'plain';
}

export interface FullCountRule {
  method: 'full_count';
}

export type VerificationRule = {
  key: string;
  jurisdiction: string;
  name: string;
  petitionTypes: string;
  /** The requirement kinds the rule is documented for; other kinds of the same state get a full count. */
  kinds: readonly string[];
  cure: string | null;
  /** Days after a finding of insufficiency to add or fix signatures, where a statute gives one. */
  cureDays: number | null;
  sources: string[];
  notes: string;
} & (SampleRule | FullCountRule);

export const verificationRules: readonly VerificationRule[] = [
  {
    key: 'us-ca',
    jurisdiction: 'US-CA',
    name: 'California random sample (Elec. Code §9030; 2 CCR §§20510–20540)',
    petitionTypes: 'statewide initiative, referendum, recall; in-lieu-of-fee and independent nomination',
    kinds: ['initiative', 'independent_candidate'],
    method: 'random_sample',
    sample: { fraction: 0.03, minimum: 500 },
    rawFloorPercent: 100,
    qualifyAbove: { percent: 110, inclusive: false },
    failBelow: { percent: 95, inclusive: false },
    projection: 'ca_ccr_20530',
    cure: null,
    cureDays: null,
    sources: ['CA1 Elec. Code §9030', 'CA3 2 CCR §§20510–20540'],
    notes:
      'Counties sample max(500, 3%) of their own raw count; Concord applies the rule to the drive as one county. ' +
      'Each duplicate found in the sample removes A×(A−1) signatures, A = S/n to four decimals.',
  },
  {
    key: 'us-co',
    jurisdiction: 'US-CO',
    name: 'Colorado random sample (C.R.S. 1-40-116, -117)',
    petitionTypes: 'statewide initiatives',
    kinds: ['initiative'],
    method: 'random_sample',
    sample: { fraction: 0.05, minimum: 0 },
    rawFloorPercent: null,
    qualifyAbove: { percent: 110, inclusive: true },
    failBelow: { percent: 90, inclusive: true },
    projection: 'plain',
    cure: 'Five days to fix circulator affidavits; the 2018 signature-addendum cure reads "Repealed" in a later copy.',
    cureDays: null,
    sources: ['CO1 SOS releases 2012', 'CO2 C.R.S. 1-40-116, -117'],
    notes: 'The sample is 5%; "or 4,000 if greater" was not confirmed in a source and is not applied.',
  },
  ...(
    [
      ['us-ma', 'US-MA', 'Massachusetts', 'initiative, referendum', null, null, 'MA1 G.L. c.53 §22A'],
      [
        'us-me',
        'US-ME',
        'Maine',
        'direct initiative, people\u2019s veto',
        null,
        null,
        'ME1 21-A M.R.S. §905',
      ],
      ['us-ok', 'US-OK', 'Oklahoma', 'initiative, referendum', null, null, 'OK1 HB 3826 (2020)'],
      [
        'us-ar',
        'US-AR',
        'Arkansas',
        'initiative, referendum',
        '30 days to add signatures or rehabilitate rejected ones, only if ≥75% of R statewide and ≥75% in 15+ counties.',
        30,
        'AR1 A.C.A. 7-9-111',
      ],
      [
        'us-oh',
        'US-OH',
        'Ohio',
        'initiative, referendum',
        '10 extra days to file more signatures if insufficient.',
        10,
        'OH1 Ohio Const. art. II §1g',
      ],
    ] as const
  ).map(
    ([key, jurisdiction, state, petitionTypes, cure, cureDays, source]): VerificationRule => ({
      key,
      jurisdiction,
      name: `${state} full count`,
      petitionTypes,
      kinds: ['initiative'],
      method: 'full_count',
      cure,
      cureDays,
      sources: [source],
      notes: 'Every line is checked; the petition qualifies when the valid lines reach the requirement.',
    }),
  ),
  {
    key: 'full-count',
    jurisdiction: '*',
    name: 'Full count (any jurisdiction without a sampling rule)',
    petitionTypes: 'any',
    kinds: [],
    method: 'full_count',
    cure: null,
    cureDays: null,
    sources: [],
    notes:
      'The default for coalition-added requirements: qualifies when the valid lines reach the requirement.',
  },
];

export const verificationRuleByKey = (key: string): VerificationRule | undefined =>
  verificationRules.find((rule) => rule.key === key);

/**
 * The rule a requirement uses by default: its state's, where that rule is documented for the
 * requirement's kind (California's sample covers initiatives and independent nominations, not a
 * new party's petition); else a full count. A coalition or drive can choose another.
 */
export function defaultRuleFor(jurisdiction: string, kind?: string): VerificationRule {
  const own = verificationRules.find(
    (rule) => rule.jurisdiction === jurisdiction && (kind === undefined || rule.kinds.includes(kind)),
  );
  return own ?? (verificationRuleByKey('full-count') as VerificationRule);
}
