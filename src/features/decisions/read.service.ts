import type { Actor } from '../../core/actor.ts';
import { conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import * as ballots from './ballots.repository.ts';
import { closeDueDecisions } from './close.service.ts';
import * as repo from './decisions.repository.ts';
import type { DecisionView } from './decisions.schema.ts';
import {
  choiceOf,
  myBallotView,
  phaseOf,
  resultOf,
  rollOf,
  storedBallot,
  toDecisionSummary,
  toDecisionView,
} from './views.ts';

async function subjectNames(db: Db, coalitionId: string, rows: repo.DecisionRow[]) {
  const ids = [
    ...new Set(rows.flatMap((r) => (r.subject_organization_id ? [r.subject_organization_id] : []))),
  ];
  return new Map((await repo.findOrganizationNames(db, coalitionId, ids)).map((o) => [o.id, o.name]));
}

/** Must run in a transaction: decisions whose window passed are closed on the way. */
export async function listDecisionViews(
  db: Db,
  actor: Actor,
  filter: {
    phase?: 'scheduled' | 'open' | 'closed' | undefined;
    kind?: repo.DecisionRow['kind'] | undefined;
  },
  now = new Date(),
) {
  await closeDueDecisions(db, actor.coalitionId, now);
  const rows = (await repo.listDecisions(db, actor.coalitionId, filter)).filter(
    (r) => !filter.phase || phaseOf(r, now) === filter.phase,
  );
  const [counts, names] = await Promise.all([
    ballots.countBallots(
      db,
      rows.map((r) => r.id),
    ),
    subjectNames(db, actor.coalitionId, rows),
  ]);
  return rows.map((row) =>
    toDecisionSummary(row, {
      now,
      voted: counts.get(row.id) ?? 0,
      subjectName: row.subject_organization_id ? (names.get(row.subject_organization_id) ?? null) : null,
    }),
  );
}

/** Must run in a transaction: closes the decision first if its window has passed. */
export async function getDecisionView(
  db: Db,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<DecisionView> {
  await closeDueDecisions(db, actor.coalitionId, now, id);
  const row = await repo.findDecision(db, actor.coalitionId, id);
  if (!row) throw notFound('decision.not_found', 'No such decision.');
  const [counts, names] = await Promise.all([
    ballots.countBallots(db, [row.id]),
    subjectNames(db, actor.coalitionId, [row]),
  ]);
  const own =
    actor.role === 'delegate' && actor.organizationId
      ? await ballots.findBallot(db, row.id, actor.organizationId)
      : undefined;
  return toDecisionView(row, {
    now,
    voted: counts.get(row.id) ?? 0,
    subjectName: row.subject_organization_id ? (names.get(row.subject_organization_id) ?? null) : null,
    myBallot: own ? myBallotView(own) : null,
  });
}

/**
 * The published list of ballots, once the decision has closed: receipt and choice, sorted by
 * receipt (so the order tells nothing), with the organization only for open ballots.
 */
export async function listPublishedBallots(db: Db, actor: Actor, id: string, now = new Date()) {
  await closeDueDecisions(db, actor.coalitionId, now, id);
  const row = await repo.findDecision(db, actor.coalitionId, id);
  if (!row) throw notFound('decision.not_found', 'No such decision.');
  const result = resultOf(row);
  if (!result) throw conflict('decision.not_closed', 'Ballots are published when the decision closes.');
  const names = new Map(rollOf(row).voters.map((v) => [v.organizationId, v.name]));
  const counted = new Set(result.eligible.map((e) => e.organizationId));
  const rows = await ballots.listBallots(db, row.id);
  return {
    decisionId: row.id,
    secret: row.secret,
    ballotsDigest: result.ballotsDigest,
    ballots: rows.map((b) => {
      const ballot = storedBallot(b.content);
      return {
        receipt: b.receipt,
        choice: choiceOf(ballot),
        ...ballot,
        organization: row.secret ? null : { id: b.organization_id, name: names.get(b.organization_id) ?? '' },
        counted: counted.has(b.organization_id),
      };
    }),
  };
}
