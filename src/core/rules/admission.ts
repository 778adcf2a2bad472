import { describeDays } from './days.ts';
import { currentFigure, type EvidenceFact, type StrengthMetric } from './strength.ts';

/**
 * A coalition's admission rule: a tree of `all` / `any` over thresholds on strength evidence and
 * the charter ratification, e.g. "at least 500 verified members or 10,000 votes in the last four
 * years, and the charter ratified":
 * `{all: [{any: [{metric: 'members', atLeast: 500, verifiedOnly: true}, {metric: 'votes', atLeast: 10000, withinDays: 1461}]}, {charterRatified: true}]}`
 */
export type AdmissionRule =
  | { all: AdmissionRule[] }
  | { any: AdmissionRule[] }
  | { metric: StrengthMetric; atLeast: number; verifiedOnly?: boolean; withinDays?: number }
  | { charterRatified: true };

export interface AdmissionFacts {
  evidence: readonly EvidenceFact[];
  charterRatified: boolean;
  /** ISO date YYYY-MM-DD the rules are judged on. */
  today: string;
}

/** One leaf of the rule with what the applicant has and how far it falls short. */
export interface RuleCheck {
  /** Where in the rule tree, e.g. `all[0].any[1]`. */
  path: string;
  rule: string;
  passed: boolean;
  /** The figure that counted (null when there is none); 1/0 for the charter. */
  actual: number | null;
  required: number;
  /** required − actual when failed, else 0. */
  shortBy: number;
  /** The evidence date the figure comes from. */
  asOf: string | null;
}

export interface AdmissionVerdict {
  passed: boolean;
  /** Every leaf, in rule order. */
  checks: RuleCheck[];
  /** The leaves that make the rule fail: under a failed `any`, each of its alternatives. */
  failures: RuleCheck[];
  /** The whole rule in words. */
  summary: string;
}

interface Evaluated {
  passed: boolean;
  checks: RuleCheck[];
  failures: RuleCheck[];
}

export function evaluateAdmission(rule: AdmissionRule, facts: AdmissionFacts): AdmissionVerdict {
  const result = evaluate(rule, facts, '');
  return { ...result, failures: result.passed ? [] : result.failures, summary: describeRule(rule) };
}

function evaluate(rule: AdmissionRule, facts: AdmissionFacts, path: string): Evaluated {
  if ('all' in rule || 'any' in rule) {
    const isAll = 'all' in rule;
    const children = (isAll ? rule.all : rule.any).map((child, i) =>
      evaluate(child, facts, `${path ? `${path}.` : ''}${isAll ? 'all' : 'any'}[${i}]`),
    );
    const passed = isAll ? children.every((c) => c.passed) : children.some((c) => c.passed);
    return {
      passed,
      checks: children.flatMap((c) => c.checks),
      failures: passed ? [] : children.flatMap((c) => c.failures),
    };
  }
  const check = 'charterRatified' in rule ? charterCheck(facts, path) : metricCheck(rule, facts, path);
  return { passed: check.passed, checks: [check], failures: check.passed ? [] : [check] };
}

function charterCheck(facts: AdmissionFacts, path: string): RuleCheck {
  const actual = facts.charterRatified ? 1 : 0;
  return {
    path: path || 'charterRatified',
    rule: 'the current charter ratified',
    passed: facts.charterRatified,
    actual,
    required: 1,
    shortBy: 1 - actual,
    asOf: null,
  };
}

function metricCheck(
  rule: Extract<AdmissionRule, { metric: StrengthMetric }>,
  facts: AdmissionFacts,
  path: string,
): RuleCheck {
  const figure = currentFigure(facts.evidence, rule.metric, {
    verifiedOnly: rule.verifiedOnly ?? false,
    withinDays: rule.withinDays ?? null,
    today: facts.today,
  });
  const actual = figure?.value ?? null;
  const passed = actual !== null && actual >= rule.atLeast;
  return {
    path: path || rule.metric,
    rule: describeRule(rule),
    passed,
    actual,
    required: rule.atLeast,
    shortBy: passed ? 0 : rule.atLeast - (actual ?? 0),
    asOf: figure?.asOf ?? null,
  };
}

export function describeRule(rule: AdmissionRule): string {
  if ('all' in rule) return rule.all.map((r) => wrap(r)).join(' and ') || 'nothing';
  if ('any' in rule) return rule.any.map((r) => wrap(r)).join(' or ') || 'impossible';
  if ('charterRatified' in rule) return 'the current charter ratified';
  const qualifiers = [
    rule.verifiedOnly ? 'verified' : null,
    rule.withinDays !== undefined ? `dated within ${describeDays(rule.withinDays)}` : null,
  ].filter((q) => q !== null);
  const metric = rule.metric.replace('_', ' ');
  return `at least ${rule.atLeast.toLocaleString('en-US')} ${metric}${qualifiers.length ? ` (${qualifiers.join(', ')})` : ''}`;
}

const wrap = (rule: AdmissionRule): string =>
  ('all' in rule && rule.all.length > 1) || ('any' in rule && rule.any.length > 1)
    ? `(${describeRule(rule)})`
    : describeRule(rule);
