import type { Split } from '../../core/decide/types.ts';
import type { StoredBallotContent } from './ballots.repository.ts';
import type { DecisionRow } from './decisions.repository.ts';
import {
  type DecisionResult,
  type DecisionRules,
  type DecisionSummary,
  type DecisionView,
  decisionResultSchema,
  decisionRulesSchema,
  type Roll,
  rollSchema,
} from './decisions.schema.ts';

export const iso = (value: Date | string): string => new Date(value).toISOString();

export type Phase = 'scheduled' | 'open' | 'closed';

export function phaseOf(row: Pick<DecisionRow, 'status' | 'opens_at' | 'closes_at'>, now: Date): Phase {
  if (row.status === 'closed' || new Date(row.closes_at) <= now) return 'closed';
  return new Date(row.opens_at) > now ? 'scheduled' : 'open';
}

export const rollOf = (row: DecisionRow): Roll => rollSchema.parse(row.roll);
export const rulesOf = (row: DecisionRow): DecisionRules => decisionRulesSchema.parse(row.rules);
export const resultOf = (row: DecisionRow): DecisionResult | null =>
  row.result === null ? null : decisionResultSchema.parse(row.result);

export function choiceOf(ballot: BallotContentView): 'yes' | 'no' | 'abstain' | 'split' | 'ranking' {
  const split = ballot.split;
  if (!split) return 'ranking';
  if (split.yes === 1000) return 'yes';
  if (split.no === 1000) return 'no';
  if (split.abstain === 1000) return 'abstain';
  return 'split';
}

export interface BallotContentView {
  split: Split | null;
  parts: { ranking: string[]; share: number }[] | null;
}

/** A stored ballot as shown: split keys in yes/no/abstain order (jsonb does not keep the order). */
export function storedBallot(content: unknown): BallotContentView {
  const stored = content as StoredBallotContent;
  if ('parts' in stored)
    return { split: null, parts: stored.parts.map((p) => ({ ranking: [...p.ranking], share: p.share })) };
  const { yes, no, abstain } = stored.split;
  return { split: { yes, no, abstain }, parts: null };
}

/** What the published digest covers for one ballot: {receipt, split} or {receipt, parts}. */
export const digestEntry = (receipt: string, ballot: BallotContentView) =>
  ballot.split ? { receipt, split: ballot.split } : { receipt, parts: ballot.parts };

export function myBallotView(ballot: {
  organization_id: string;
  receipt: string;
  content: unknown;
  revision: number;
  cast_at: Date;
  updated_at: Date;
}) {
  return {
    organizationId: ballot.organization_id,
    receipt: ballot.receipt,
    ...storedBallot(ballot.content),
    revision: ballot.revision,
    castAt: iso(ballot.cast_at),
    updatedAt: iso(ballot.updated_at),
  };
}

interface ViewContext {
  now: Date;
  voted: number;
  subjectName: string | null;
}

export function toDecisionSummary(row: DecisionRow, context: ViewContext): DecisionSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    method: row.method as DecisionSummary['method'],
    secret: row.secret,
    subjectOrganization:
      row.subject_organization_id && context.subjectName !== null
        ? { id: row.subject_organization_id, name: context.subjectName }
        : null,
    phase: phaseOf(row, context.now),
    opensAt: iso(row.opens_at),
    closesAt: iso(row.closes_at),
    closedAt: row.closed_at ? iso(row.closed_at) : null,
    outcome: (row.outcome as DecisionSummary['outcome']) ?? null,
    participation: {
      // The eligible count is the roll's until the close, then the result's (members may have left).
      eligible: row.result === null ? rollOf(row).voters.length : eligibleAtClose(resultOf(row)),
      voted: context.voted,
    },
  };
}

const eligibleAtClose = (result: DecisionResult | null): number =>
  result?.tally?.quorum.eligible ?? result?.ranked?.quorum.eligible ?? 0;

export function toDecisionView(
  row: DecisionRow,
  context: ViewContext & { myBallot: DecisionView['myBallot'] },
): DecisionView {
  const roll = rollOf(row);
  return {
    ...toDecisionSummary(row, context),
    body: row.body,
    grounds: row.grounds,
    proposal: (row.proposal as DecisionView['proposal']) ?? null,
    rules: rulesOf(row),
    roll: {
      eligible: roll.voters.map((v) => ({ organizationId: v.organizationId, name: v.name })),
      recused: roll.recused,
    },
    createdAt: iso(row.created_at),
    myBallot: context.myBallot,
    result: resultOf(row),
  };
}
