/**
 * Fusion (one candidate on several party lines) by state law. The law comes from the shipped
 * `us-ballot-access` table (columns `fusion`, `fusion_notes`); this module reads one row into the
 * checkable rule and checks a nomination's lines against it. Nothing here knows a state by name:
 * every detail (aggregated lines, a cap on nominations, Wilson-Pakula) is read from the notes.
 */

/** `unknown` is a blank cell: the sources conflict or do not cover the state (DC, ID, SD). */
export type FusionLaw = 'yes' | 'no' | 'limited' | 'unknown';

export interface BallotAccessRow {
  statePo: string;
  state: string;
  fusion: string;
  fusionNotes: string;
  retentionRule: string;
  source: string;
  asOf: string;
}

export interface StateFusionRule {
  statePo: string;
  state: string;
  law: FusionLaw;
  notes: string;
  source: string;
  asOf: string;
  /** `aggregated`: the candidate appears once with every party's name (OR, VT); `separate`: one line per party. */
  display: 'separate' | 'aggregated';
  /** A cap on the party nominations one candidate may accept ("up to three party nominations"). */
  maxPartyNominations: number | null;
  /** A party nominating someone who is not its member needs a Wilson-Pakula authorization (NY). */
  wilsonPakula: boolean;
}

const numberWords: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };

function readLaw(cell: string): FusionLaw {
  const value = cell.trim().toLowerCase();
  if (value === 'yes' || value === 'no' || value === 'limited') return value;
  return 'unknown';
}

/** One row of the table as the rule the checks apply. */
export function readFusionRule(row: BallotAccessRow): StateFusionRule {
  const notes = row.fusionNotes;
  const cap = /up to (\w+) party nominations/i.exec(notes)?.[1]?.toLowerCase();
  const capNumber =
    cap === undefined ? null : (numberWords[cap] ?? (Number.isInteger(Number(cap)) ? Number(cap) : null));
  return {
    statePo: row.statePo,
    state: row.state,
    law: readLaw(row.fusion),
    notes,
    source: row.source,
    asOf: row.asOf,
    display: /\baggregated\b/i.test(notes) && !/\bdisaggregated\b/i.test(notes) ? 'aggregated' : 'separate',
    maxPartyNominations: capNumber,
    wilsonPakula: /Wilson-Pakula/i.test(notes),
  };
}

export type LineKind = 'party' | 'coalition' | 'endorsement';

export interface NominationLine {
  kind: LineKind;
  /** The member whose line it is; null for the coalition's own line. */
  organizationId: string | null;
  /** The party name printed on the ballot. */
  label: string;
  /** The candidate is an enrolled member of this line's party (Wilson-Pakula needs no authorization then). */
  candidateIsMember: boolean;
  /** A Wilson-Pakula authorization is recorded for this line. */
  wilsonPakula: boolean;
}

/** Facts a state's rule may ask for, recorded on the nomination. */
export interface FusionFacts {
  /** NH: the candidate won the other party's primary by write-in votes. null = not recorded. */
  writeInPrimaryWon: boolean | null;
  /** A recorded manual ruling where the table is blank: allowed or not, by whom, why. */
  manualRuling: { allowed: boolean; note: string } | null;
}

/** Where the race is: a US state (the table applies) or elsewhere (the coalition's setting applies). */
export type RacePlace = { country: 'US'; statePo: string } | { country: string; statePo: null };

export type FusionProblem =
  | { code: 'fusion.not_allowed'; state: string; statePo: string; rule: string; offer: 'endorsement' }
  | { code: 'fusion.write_in_fact_required'; state: string; statePo: string; rule: string }
  | {
      code: 'fusion.limited_condition_unmet';
      state: string;
      statePo: string;
      rule: string;
      offer: 'endorsement';
    }
  | { code: 'fusion.ruling_required'; state: string; statePo: string; rule: string }
  | {
      code: 'fusion.ruled_out';
      state: string;
      statePo: string;
      rule: string;
      ruling: string;
      offer: 'endorsement';
    }
  | {
      code: 'fusion.too_many_nominations';
      state: string;
      statePo: string;
      rule: string;
      max: number;
      given: number;
    }
  | { code: 'fusion.wilson_pakula_missing'; state: string; statePo: string; rule: string; line: string }
  | { code: 'fusion.state_unknown'; statePo: string }
  | { code: 'fusion.not_allowed_by_coalition'; country: string; rule: string; offer: 'endorsement' };

export interface FusionCheck {
  ok: boolean;
  /** Lines that count as nominations (party and coalition lines; an endorsement is no line). */
  partyLines: number;
  /** How the ballot shows the candidate: one line per party, one line with every party, or one line. */
  display: 'separate' | 'aggregated' | 'single';
  problems: FusionProblem[];
  /** The rule that applied, with its source and date, to show beside the answer. */
  rule: {
    statePo: string | null;
    law: FusionLaw | 'coalition_setting';
    notes: string;
    source: string;
    asOf: string;
  };
}

export interface FusionContext {
  place: RacePlace;
  /** The state table, by USPS code. */
  rules: ReadonlyMap<string, StateFusionRule>;
  /** Non-US races: the coalition's setting on one candidate on several lines. */
  nonUsMultipleLines: boolean;
}

/** Checks one nomination's lines against the law of the race's place. */
export function checkFusion(
  lines: readonly NominationLine[],
  facts: FusionFacts,
  context: FusionContext,
): FusionCheck {
  const partyLines = lines.filter((l) => l.kind !== 'endorsement').length;
  const { place } = context;
  if (place.statePo === null) {
    const rule = {
      statePo: null,
      law: 'coalition_setting' as const,
      notes: context.nonUsMultipleLines
        ? 'The coalition allows one candidate on several lines outside the US.'
        : 'The coalition allows one line per candidate outside the US.',
      source: 'coalition setting',
      asOf: '',
    };
    const problems: FusionProblem[] =
      partyLines > 1 && !context.nonUsMultipleLines
        ? [
            {
              code: 'fusion.not_allowed_by_coalition',
              country: place.country,
              rule: rule.notes,
              offer: 'endorsement',
            },
          ]
        : [];
    return {
      ok: problems.length === 0,
      partyLines,
      display: partyLines > 1 ? 'separate' : 'single',
      problems,
      rule,
    };
  }
  const state = context.rules.get(place.statePo);
  if (!state) {
    return {
      ok: false,
      partyLines,
      display: 'single',
      problems: [{ code: 'fusion.state_unknown', statePo: place.statePo }],
      rule: { statePo: place.statePo, law: 'unknown', notes: '', source: '', asOf: '' },
    };
  }
  const where = { state: state.state, statePo: state.statePo, rule: state.notes };
  const problems: FusionProblem[] = [];
  if (partyLines > 1) problems.push(...fusionLawProblems(state, facts, partyLines));
  if (state.wilsonPakula) {
    for (const line of lines) {
      if (line.kind === 'endorsement' || line.candidateIsMember || line.wilsonPakula) continue;
      problems.push({ code: 'fusion.wilson_pakula_missing', ...where, line: line.label });
    }
  }
  const display = partyLines <= 1 ? 'single' : state.display;
  return {
    ok: problems.length === 0,
    partyLines,
    display,
    problems,
    rule: {
      statePo: state.statePo,
      law: state.law,
      notes: state.notes,
      source: state.source,
      asOf: state.asOf,
    },
  };
}

function fusionLawProblems(state: StateFusionRule, facts: FusionFacts, partyLines: number): FusionProblem[] {
  const where = { state: state.state, statePo: state.statePo, rule: state.notes };
  switch (state.law) {
    case 'no':
      return [{ code: 'fusion.not_allowed', ...where, offer: 'endorsement' }];
    case 'limited':
      if (facts.writeInPrimaryWon === null) return [{ code: 'fusion.write_in_fact_required', ...where }];
      return facts.writeInPrimaryWon
        ? []
        : [{ code: 'fusion.limited_condition_unmet', ...where, offer: 'endorsement' }];
    case 'unknown':
      if (!facts.manualRuling) return [{ code: 'fusion.ruling_required', ...where }];
      return facts.manualRuling.allowed
        ? []
        : [{ code: 'fusion.ruled_out', ...where, ruling: facts.manualRuling.note, offer: 'endorsement' }];
    case 'yes':
      return state.maxPartyNominations !== null && partyLines > state.maxPartyNominations
        ? [
            {
              code: 'fusion.too_many_nominations',
              ...where,
              max: state.maxPartyNominations,
              given: partyLines,
            },
          ]
        : [];
  }
}

/** One sentence per problem, for an error message or a live check in the ticket builder. */
export function describeFusionProblem(problem: FusionProblem): string {
  switch (problem.code) {
    case 'fusion.not_allowed':
      return `${problem.state} does not allow one candidate on two party lines (fusion: no; ${problem.rule}). Record the other members' support as an endorsement instead.`;
    case 'fusion.write_in_fact_required':
      return `${problem.state} allows fusion only when the candidate won the other party's primary by write-in votes: record whether that happened.`;
    case 'fusion.limited_condition_unmet':
      return `${problem.state} allows fusion only after a write-in win in the other party's primary, and the candidate did not win one: endorse instead.`;
    case 'fusion.ruling_required':
      return `Fusion in ${problem.state} is unknown (the sources conflict or are missing: ${problem.rule}): record a manual ruling first.`;
    case 'fusion.ruled_out':
      return `A manual ruling says fusion is not allowed in ${problem.state} (${problem.ruling}): endorse instead.`;
    case 'fusion.too_many_nominations':
      return `${problem.state} allows at most ${problem.max} party nominations per candidate; this one has ${problem.given}.`;
    case 'fusion.wilson_pakula_missing':
      return `In ${problem.state} the ${problem.line} line nominates a non-member: record its Wilson-Pakula authorization.`;
    case 'fusion.state_unknown':
      return `No ballot-access row for state ${problem.statePo}.`;
    case 'fusion.not_allowed_by_coalition':
      return `The coalition's setting allows one line per candidate outside the US (${problem.country}): endorse instead.`;
  }
}
