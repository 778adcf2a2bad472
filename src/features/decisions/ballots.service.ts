import type { Actor } from '../../core/actor.ts';
import { requireActive } from '../../core/authorize.ts';
import { wholeSplit } from '../../core/decide/types.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import { findOrganizationOr404 } from '../registry/index.ts';
import type { StoredBallotContent } from './ballots.repository.ts';
import * as ballots from './ballots.repository.ts';
import * as repo from './decisions.repository.ts';
import { type BallotInput, type DecisionRules, isRankedMethod } from './decisions.schema.ts';
import { newReceipt } from './receipt.ts';
import { iso, phaseOf, rollOf, rulesOf, storedBallot } from './views.ts';

function checkRanking(ranking: readonly string[], options: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const option of ranking) {
    if (!options.includes(option)) {
      throw invalid('ballot.unknown_option', `"${option}" is not an option of this decision.`, {
        option,
        options,
      });
    }
    if (seen.has(option))
      throw invalid('ballot.duplicate_option', `"${option}" appears twice in one ranking.`, { option });
    seen.add(option);
  }
  return [...ranking];
}

/** The ballot to store, in the form the decision's method takes, checked against its options. */
export function ballotContent(method: string, rules: DecisionRules, input: BallotInput): StoredBallotContent {
  if (!isRankedMethod(method)) {
    if ('choice' in input) return { split: { yes: 0, no: 0, abstain: 0, [input.choice]: wholeSplit } };
    if ('split' in input) return { split: input.split };
    throw invalid(
      'ballot.wrong_form',
      'This decision takes {"choice": "yes"|"no"|"abstain"} or a {"split"}.',
    );
  }
  const options = rules.options ?? [];
  if ('approve' in input && method === 'approval')
    return { parts: [{ ranking: checkRanking(input.approve, options), share: wholeSplit }] };
  if ('ranking' in input)
    return { parts: [{ ranking: checkRanking(input.ranking, options), share: wholeSplit }] };
  if ('rankings' in input) {
    return {
      parts: input.rankings.map((p) => ({ ranking: checkRanking(p.ranking, options), share: p.share })),
    };
  }
  throw invalid(
    'ballot.wrong_form',
    method === 'approval'
      ? 'This decision takes {"approve": [options]} or {"ranking": [options]}.'
      : 'This decision takes {"ranking": [options, most preferred first]} or split {"rankings": [...]}.',
  );
}

/**
 * A delegate casts (or changes) its organization's ballot. Exactly one ballot per organization:
 * concurrent casts by several delegates collapse on the (decision, organization) unique key, the
 * last to commit wins, and the receipt stays the one given at the first cast.
 */
export async function castBallot(
  db: Db,
  actor: Actor,
  decisionId: string,
  organizationId: string,
  input: BallotInput,
  now = new Date(),
) {
  if (!(await repo.findDecision(db, actor.coalitionId, decisionId))) {
    throw notFound('decision.not_found', 'No such decision.');
  }
  if (actor.role !== 'delegate') {
    throw forbidden('ballot.delegates_only', 'Only a delegate casts a ballot, for its own organization.');
  }
  if (actor.organizationId !== organizationId) {
    throw forbidden(
      'ballot.not_your_organization',
      'A delegate casts the ballot of its own organization only.',
      {
        organizationId,
      },
    );
  }
  const org = await findOrganizationOr404(db, actor, organizationId);
  requireActive(org, 'vote');
  // Locked: a close waits for this cast to commit, and a cast queued behind a close sees it closed.
  const decision = await repo.findDecision(db, actor.coalitionId, decisionId, 'update');
  if (!decision) throw notFound('decision.not_found', 'No such decision.');
  const phase = phaseOf(decision, now);
  if (phase === 'closed')
    throw conflict('decision.closed', 'The decision is closed: it takes no more ballots.');
  if (phase === 'scheduled') {
    throw conflict('decision.not_open', `Voting opens at ${iso(decision.opens_at)}.`, {
      opensAt: iso(decision.opens_at),
    });
  }
  const roll = rollOf(decision);
  const recused = roll.recused.find((r) => r.organizationId === org.id);
  if (recused)
    throw forbidden('ballot.recused', `${org.name} may not vote on this decision: ${recused.reason}.`);
  if (!roll.voters.some((v) => v.organizationId === org.id) || org.status !== 'member') {
    throw forbidden('ballot.not_eligible', `${org.name} is not on the roll of this decision.`);
  }
  const content = ballotContent(decision.method, rulesOf(decision), input);
  const stored = await ballots.upsertBallot(db, {
    coalitionId: actor.coalitionId,
    decisionId,
    organizationId: org.id,
    castBy: actor.userId,
    content,
    receipt: newReceipt(),
    now,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'ballot.cast',
    subject: { type: 'decision', id: decisionId },
    // A secret ballot's content never enters the log: only that the organization voted.
    payload: decision.secret
      ? { organizationId: org.id, revision: stored.revision }
      : { organizationId: org.id, revision: stored.revision, receipt: stored.receipt, ...content },
  });
  return {
    decisionId,
    organizationId: org.id,
    receipt: stored.receipt,
    ...storedBallot(content),
    revision: stored.revision,
    castAt: iso(stored.cast_at),
    updatedAt: iso(stored.updated_at),
  };
}
