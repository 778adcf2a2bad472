/**
 * Reads the signature formula out of a requirement's rule text ("3% of the votes cast for governor
 * at the last general election") and computes the number where the shipped results hold the base
 * it names. Only presidential state totals are shipped, so only formulas on the presidential vote
 * are computed; the rest are marked missing with the reason, never guessed.
 */

export type FormulaBase =
  | 'president'
  | 'governor'
  | 'governor_or_president'
  | 'registered_voters'
  | 'us_house'
  | 'secretary_of_state'
  | 'other';

export interface ParsedFormula {
  percent: number;
  base: FormulaBase;
  /** The words the formula was read from, shown beside the number. */
  phrase: string;
  /** "the lesser of N or x%": the cap. */
  lesserOf: number | null;
}

const percentPattern = /(\d+(?:\.\d+)?(?:\s+\d+\/\d+)?)\s*%\s+of\s+([^.;()]*)/gi;
/**
 * A percentage is a signature formula only when its sentence speaks of a petition or of signers
 * before it: "at least 20% of the last presidential vote" in a vote-share test (KY, GA) is not one.
 */
const petitionContext = /petition|signed|signature|signer|formula:|equal to/i;
function percentValue(text: string): number {
  const [whole, fraction] = text.trim().split(/\s+/);
  let value = Number(whole);
  if (fraction) {
    const [num, den] = fraction.split('/').map(Number);
    if (num !== undefined && den) value += num / den;
  }
  return value;
}

function classify(rest: string): FormulaBase {
  const text = rest.toLowerCase();
  const governor = /governor|gubernatorial/.test(text);
  const president = /president/.test(text);
  if (governor && president) return 'governor_or_president';
  if (governor) return 'governor';
  if (president) return 'president';
  if (/registered|registration|enrolled/.test(text)) return 'registered_voters';
  if (/us house|u\.s\. house|house of representatives/.test(text)) return 'us_house';
  if (/secretary of state/.test(text)) return 'secretary_of_state';
  return 'other';
}

export function parseFormula(text: string): ParsedFormula | null {
  for (const match of text.matchAll(percentPattern)) {
    if (!match[1] || match[2] === undefined) continue;
    const before = text.slice(0, match.index);
    const sentence = before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf(';')) + 1);
    if (!petitionContext.test(sentence)) continue;
    const lesser = /lesser of (?:(\d[\d,]*)[^%]*?\bor\b|[^;]*?\bor\s+(\d[\d,]*))/i.exec(text);
    const capText = lesser?.[1] ?? lesser?.[2];
    return {
      percent: percentValue(match[1]),
      base: classify(match[2]),
      phrase: match[0].trim(),
      lesserOf: capText ? Number(capText.replace(/,/g, '')) : null,
    };
  }
  return null;
}

export type NumberStatus = 'computed' | 'copied' | 'missing';

export interface RequirementNumber {
  signatures: number | null;
  status: NumberStatus;
  /** How the number was reached, or why there is none. */
  computation: string;
  formula: ParsedFormula | null;
  /** A figure stated by a source for a past cycle, kept beside a computed one. */
  copied: number | null;
}

export interface PresidentialTotal {
  year: number;
  votes: number;
}

const baseMissing: Record<Exclude<FormulaBase, 'president' | 'governor_or_president'>, string> = {
  governor: 'needs the last governor\u2019s vote: governor results are not shipped',
  registered_voters: 'needs registered-voter counts: not shipped',
  us_house: 'needs the last US House vote: House results are shipped only through 2020',
  secretary_of_state: 'needs the last Secretary of State vote: not shipped',
  other: 'the formula\u2019s base is not a shipped figure',
};

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The number a requirement asks for: computed from the latest presidential total when the formula
 * names the presidential vote; else the figure a source stated (copied); else missing, with why.
 * `copied` is a figure the row states for the 2024 cycle. Percent × votes is rounded up: a fraction
 * of a signature is a whole one short.
 */
export function requirementNumber(
  ruleText: string,
  copied: number | null,
  president: PresidentialTotal | null,
): RequirementNumber {
  const formula = parseFormula(ruleText);
  if (formula && (formula.base === 'president' || formula.base === 'governor_or_president')) {
    if (president) {
      const exact = Math.ceil(Math.round((formula.percent / 100) * president.votes * 1e6) / 1e6);
      const signatures = formula.lesserOf !== null ? Math.min(formula.lesserOf, exact) : exact;
      const basis =
        formula.base === 'governor_or_president'
          ? ` (the most recent of the governor\u2019s and the presidential election: the ${president.year} presidential)`
          : '';
      return {
        signatures,
        status: 'computed',
        computation:
          `${formula.percent}% × ${fmt(president.votes)} valid presidential votes in ${president.year}${basis} ` +
          `= ${fmt(exact)}${formula.lesserOf !== null ? `; lesser of that and ${fmt(formula.lesserOf)} = ${fmt(signatures)}` : ''}`,
        formula,
        copied,
      };
    }
  }
  if (copied !== null) {
    return {
      signatures: copied,
      status: 'copied',
      computation: `${fmt(copied)} as stated by the source for the 2024 cycle${
        formula
          ? ` (the formula "${formula.phrase}" ${baseMissing[formula.base as keyof typeof baseMissing] ?? 'was not computed'})`
          : ''
      }`,
      formula,
      copied,
    };
  }
  return {
    signatures: null,
    status: 'missing',
    computation: formula
      ? `"${formula.phrase}": ${baseMissing[formula.base as keyof typeof baseMissing] ?? 'no presidential total for this state'}`
      : 'no number or computable formula in the source',
    formula,
    copied: null,
  };
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The first explicit date in a deadline's text ("listed as Mar 5, 2024"), as YYYY-MM-DD. */
export function firstDate(text: string): string | null {
  const match = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/i.exec(
    text,
  );
  if (!match?.[1] || !match[2] || !match[3]) return null;
  const month = months.indexOf(match[1].toLowerCase()) + 1;
  return `${match[3]}-${String(month).padStart(2, '0')}-${match[2].padStart(2, '0')}`;
}

/** The distribution clause of a rule ("from at least 5 counties…", "at least 200 from each of 3 congressional districts"). */
export function distributionClause(text: string): string | null {
  const match =
    /\d[\d,]* (?:signers |signatures )?(?:from|in) each (?:of )?[^;.()]*|(?:from |in )?at least (?:\d[\d,]*%?|one-third|half)[^;.(),]*?(?:count(?:y|ies)|congressional districts?|house districts?)[^;.()]*/i.exec(
      text,
    );
  return match ? match[0].trim() : null;
}
