import { type CursorKey, pageOf } from '../../contract/cursor.ts';
import type { Actor } from '../../core/actor.ts';
import { conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import * as ballots from './ballots.repository.ts';
import { asReadNow } from './close.service.ts';
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

/** Reads only: a decision whose window passed reads as closed before its close is stored. */
export async function listDecisionViews(
  db: Db,
  actor: Actor,
  filter: {
    phase?: 'scheduled' | 'open' | 'closed' | undefined;
    kind?: repo.DecisionRow['kind'] | undefined;
  },
  now = new Date(),
) {
  return (await listDecisionPage(db, actor, filter, now)).decisions;
}

/**
 * A keyset page of the list, latest closing first (src/contract/cursor.ts). The phase filter applies
 * to the page's rows (a phase depends on the clock), so a filtered page may hold fewer than `limit`.
 */
export async function listDecisionPage(
  db: Db,
  actor: Actor,
  filter: {
    phase?: 'scheduled' | 'open' | 'closed' | undefined;
    kind?: repo.DecisionRow['kind'] | undefined;
    limit?: number | undefined;
    cursor?: CursorKey | undefined;
  },
  now = new Date(),
) {
  const read = await repo.listDecisions(db, actor.coalitionId, {
    kind: filter.kind,
    limit: filter.limit,
    after: filter.cursor,
  });
  const page = pageOf(read, filter.limit, (row) => [new Date(row.closes_at).toISOString(), row.id]);
  const stored = page.items;
  const rows = (await Promise.all(stored.map((row) => asReadNow(db, row, now)))).filter(
    (r) => !filter.phase || phaseOf(r, now) === filter.phase,
  );
  const [counts, names] = await Promise.all([
    ballots.countBallots(
      db,
      rows.map((r) => r.id),
    ),
    subjectNames(db, actor.coalitionId, rows),
  ]);
  const decisions = rows.map((row) =>
    toDecisionSummary(row, {
      now,
      voted: counts.get(row.id) ?? 0,
      subjectName: row.subject_organization_id ? (names.get(row.subject_organization_id) ?? null) : null,
    }),
  );
  return { decisions, nextCursor: page.nextCursor };
}

/** Reads only: a decision whose window passed reads as closed, with the result its close stores. */
export async function getDecisionView(
  db: Db,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<DecisionView> {
  const stored = await repo.findDecision(db, actor.coalitionId, id);
  if (!stored) throw notFound('decision.not_found', 'No such decision.');
  const row = await asReadNow(db, stored, now);
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
 * receipt (so the order tells nothing), with the organization only for open ballots. A secret
 * ballot's list holds only the counted ballots (an excluded organization's ballot is dropped, not
 * marked, so nothing points at it), and is empty when its contents would single out how
 * organizations voted (result.secrecy.ballotsPublished).
 */
export async function listPublishedBallots(db: Db, actor: Actor, id: string, now = new Date()) {
  const { row, result, ballots: all } = await readClosedBallots(db, actor, id, now);
  const published = !row.secret || (result.secrecy?.ballotsPublished ?? true);
  return {
    decisionId: row.id,
    secret: row.secret,
    ballotsDigest: result.ballotsDigest,
    ballotsPublished: published,
    ballots: published ? all : [],
  };
}

/**
 * One ballot by its receipt. Only the organization that cast it knows the receipt, so it is
 * answered even when a secret ballot's list is withheld; an excluded ballot of a secret decision
 * answers like an unknown receipt.
 */
export async function findPublishedBallot(
  db: Db,
  actor: Actor,
  id: string,
  receipt: string,
  now = new Date(),
) {
  const { ballots: all } = await readClosedBallots(db, actor, id, now);
  const ballot = all.find((b) => b.receipt === receipt);
  if (!ballot) throw notFound('ballot.not_found', 'No ballot with this receipt in this decision.');
  return ballot;
}

async function readClosedBallots(db: Db, actor: Actor, id: string, now: Date) {
  const stored = await repo.findDecision(db, actor.coalitionId, id);
  if (!stored) throw notFound('decision.not_found', 'No such decision.');
  const row = await asReadNow(db, stored, now);
  const result = resultOf(row);
  if (!result) throw conflict('decision.not_closed', 'Ballots are published when the decision closes.');
  const names = new Map(rollOf(row).voters.map((v) => [v.organizationId, v.name]));
  const counted = new Set(result.eligible.map((e) => e.organizationId));
  const rows = (await ballots.listBallots(db, row.id)).filter(
    (b) => !row.secret || counted.has(b.organization_id),
  );
  return {
    row,
    result,
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
