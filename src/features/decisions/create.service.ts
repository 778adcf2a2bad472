import type { Actor } from '../../core/actor.ts';
import { requireStaff } from '../../core/authorize.ts';
import { conflict, invalid, unprocessable } from '../../core/errors.ts';
import type { OrganizationStatus } from '../../core/rules/lifecycle.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import type { OrganizationRow } from '../registry/index.ts';
import {
  evaluateAdmissionOf,
  findOrganizationOr404,
  getSettings,
  isoDay,
  verifiedStrengths,
} from '../registry/index.ts';
import * as repo from './decisions.repository.ts';
import {
  type CreateDecisionInput,
  type DecisionRules,
  type DecisionView,
  isRankedMethod,
  type Roll,
} from './decisions.schema.ts';
import { toDecisionView } from './views.ts';

type Kind = CreateDecisionInput['kind'];

/** Which status the subject must have for each kind of decision about a member. */
const subjectStatus: Partial<Record<Kind, readonly OrganizationStatus[]>> = {
  admission: ['applicant'],
  suspension: ['member'],
  expulsion: ['member', 'suspended'],
  reinstatement: ['suspended'],
};

const defaultMethod = (kind: Kind) =>
  kind === 'expulsion' || kind === 'charter_amendment' ? ('supermajority' as const) : ('majority' as const);

function checkShape(input: CreateDecisionInput, method: string, weighting: string): void {
  const needsSubject = subjectStatus[input.kind] !== undefined;
  if (needsSubject && !input.subjectOrganizationId) {
    throw invalid('decision.subject_required', `A ${input.kind} decision needs subjectOrganizationId.`);
  }
  if (!needsSubject && input.subjectOrganizationId) {
    throw invalid('decision.subject_not_allowed', `A ${input.kind} decision is not about one organization.`);
  }
  if ((input.kind === 'suspension' || input.kind === 'expulsion') && !input.grounds) {
    throw invalid('decision.grounds_required', `Due process: a ${input.kind} must state its grounds.`, {
      field: 'grounds',
    });
  }
  if (input.kind === 'charter_amendment' && !input.proposal) {
    throw invalid(
      'decision.proposal_required',
      'A charter amendment carries the full new text in proposal.planks.',
    );
  }
  if (input.kind !== 'charter_amendment' && input.proposal) {
    throw invalid('decision.proposal_not_allowed', 'Only a charter amendment carries a proposal.');
  }
  if (method === 'double_majority' && weighting !== 'strength') {
    throw invalid(
      'decision.double_majority_needs_strength',
      'A double majority weighs votes by strength (weighting: "strength") besides counting organizations.',
    );
  }
  if (input.threshold && method !== 'supermajority') {
    throw invalid('decision.threshold_not_allowed', 'Only a supermajority takes a threshold.');
  }
  checkOptions(input, method);
  if (input.threshold && input.threshold.num * 2 <= input.threshold.den) {
    throw invalid('decision.threshold_invalid', 'A supermajority threshold must exceed one half.', {
      threshold: input.threshold,
    });
  }
}

function checkOptions(input: CreateDecisionInput, method: string): void {
  const ranked = isRankedMethod(method);
  if (!ranked) {
    if (input.options || input.seats) {
      throw invalid(
        'decision.options_not_allowed',
        'Only ranked methods (irv, stv, schulze, approval) take options and seats.',
      );
    }
    return;
  }
  if (input.kind !== 'motion') {
    throw invalid(
      'decision.ranked_only_for_motions',
      `A ${input.kind} is a yes/no question: ranked methods are for motions.`,
    );
  }
  if (!input.options)
    throw invalid('decision.options_required', `A ${method} decision needs the options to rank.`);
  if (new Set(input.options.map((o) => o.toLowerCase())).size !== input.options.length) {
    throw invalid('decision.options_duplicate', 'Two options have the same name.');
  }
  const seats = input.seats ?? 1;
  if ((method === 'irv' || method === 'schulze') && seats !== 1) {
    throw invalid(
      'decision.seats_invalid',
      `${method} picks one option; use stv or approval to pick several.`,
    );
  }
  if (seats >= input.options.length)
    throw invalid('decision.seats_invalid', 'There must be more options than seats.');
}

async function checkSubject(db: Db, actor: Actor, input: CreateDecisionInput, now: Date) {
  if (!input.subjectOrganizationId) return null;
  // Locked so two staff members cannot open two decisions on the same member at once.
  const subject = await findOrganizationOr404(db, actor, input.subjectOrganizationId, { forUpdate: true });
  const allowed = subjectStatus[input.kind] ?? [];
  if (!allowed.includes(subject.status)) {
    throw conflict(
      'decision.subject_status',
      `${subject.name} is ${subject.status}: a ${input.kind} needs ${allowed.join(' or ')}.`,
      {
        status: subject.status,
      },
    );
  }
  const busy = await repo.findOpenDecisionOnSubject(db, actor.coalitionId, subject.id);
  if (busy) {
    throw conflict(
      'decision.subject_busy',
      `${subject.name} is already the subject of an open decision: "${busy.title}".`,
      {
        decisionId: busy.id,
      },
    );
  }
  if (input.kind === 'admission') {
    const verdict = await evaluateAdmissionOf(db, actor.coalitionId, subject, now);
    if (!verdict.passed) {
      const first = verdict.failures[0];
      throw unprocessable(
        'admission.rules_not_met',
        `${subject.name} does not meet the admission rules${first ? `: ${first.rule} (short by ${first.shortBy})` : ''}.`,
        { organizationId: subject.id, rule: verdict.summary, failures: verdict.failures },
      );
    }
  }
  return subject;
}

/**
 * The roll is fixed when the decision is created: every member (chapters vote through their
 * parent) except the subject of a suspension or expulsion, who may not judge its own case.
 */
async function buildRoll(
  db: Db,
  actor: Actor,
  subject: OrganizationRow | null,
  rules: DecisionRules,
  now: Date,
) {
  const members = await repo.listVotingMembers(db, actor.coalitionId);
  const recused = members.filter((m) => m.id === subject?.id);
  const voters = members.filter((m) => m.id !== subject?.id);
  const strengths =
    rules.weighting === 'strength'
      ? await verifiedStrengths(
          db,
          actor.coalitionId,
          voters.map((v) => v.id),
          rules.strengthMetric,
          isoDay(now),
        )
      : new Map<string, number>();
  const roll: Roll = {
    voters: voters.map((v) => ({ organizationId: v.id, name: v.name, strength: strengths.get(v.id) ?? 0 })),
    recused: recused.map((r) => ({ organizationId: r.id, name: r.name, reason: 'subject of the decision' })),
  };
  return roll;
}

export async function createDecision(
  db: Db,
  actor: Actor,
  input: CreateDecisionInput,
  now = new Date(),
): Promise<DecisionView> {
  requireStaff(actor, 'put a decision to the vote');
  const settings = await getSettings(db, actor.coalitionId);
  const method = input.method ?? defaultMethod(input.kind);
  const ranked = isRankedMethod(method);
  const rules: DecisionRules = {
    threshold: method === 'supermajority' ? (input.threshold ?? { num: 2, den: 3 }) : null,
    options: ranked ? (input.options ?? null) : null,
    seats: ranked ? (input.seats ?? 1) : null,
    weighting: input.weighting ?? 'equal',
    strengthMetric: input.strengthMetric ?? settings.strengthMetric,
    weightCapPermille:
      input.weightCapPermille === undefined ? settings.weightCapPermille : input.weightCapPermille,
    quorum: input.quorum ?? settings.quorum,
  };
  checkShape(input, method, rules.weighting);
  const opensAt = input.opensAt ? new Date(input.opensAt) : now;
  const closesAt = input.closesAt
    ? new Date(input.closesAt)
    : new Date(opensAt.getTime() + settings.votingWindowHours * 3_600_000);
  if (closesAt <= opensAt || closesAt <= now) {
    throw invalid('decision.window_invalid', 'closesAt must be after opensAt and in the future.', {
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
    });
  }
  const subject = await checkSubject(db, actor, input, now);
  const roll = await buildRoll(db, actor, subject, rules, now);
  const row = await repo.insertDecision(db, {
    coalition_id: actor.coalitionId,
    kind: input.kind,
    title: input.title,
    body: input.body ?? '',
    subject_organization_id: subject?.id ?? null,
    grounds: input.grounds ?? null,
    proposal: input.proposal ? JSON.stringify(input.proposal) : null,
    method,
    rules: JSON.stringify(rules),
    secret: input.secret ?? false,
    opens_at: opensAt,
    closes_at: closesAt,
    status: 'open',
    roll: JSON.stringify(roll),
    created_by: actor.userId,
    created_at: now,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'decision.created',
    subject: { type: 'decision', id: row.id },
    payload: {
      kind: row.kind,
      title: row.title,
      method,
      rules,
      secret: row.secret,
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      subjectOrganizationId: row.subject_organization_id,
      grounds: row.grounds,
      proposal: input.proposal ?? null,
      roll,
    },
  });
  return toDecisionView(row, { now, voted: 0, subjectName: subject?.name ?? null, myBallot: null });
}
