import { describe, expect, it } from 'vitest';
import { inTx, memberOf, seedCoalition } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { Db } from '../../db/database.ts';
import { verifyAuditChain } from '../audit/index.ts';
import { castBallot } from './ballots.service.ts';
import { closeAllDueDecisions } from './close.service.ts';
import { createDecision } from './create.service.ts';
import { readDecisionOutcomes } from './outcomes.service.ts';
import { getDecisionView, listDecisionViews } from './read.service.ts';

/** Reads never write (docs/decisions/0012): the close job and the first write store a close. */
const database = useTestDatabase();

const t0 = new Date('2030-03-01T09:00:00Z');
const deadline = '2030-03-02T09:00:00Z';
const after = new Date('2030-03-02T09:00:01Z');

async function setup(db: Db) {
  const seed = await seedCoalition(
    db,
    ['Red Party', 'Green Wave', 'Blue Union'].map((name) => ({ name, strength: 100 })),
  );
  const decision = await inTx(db, (trx) =>
    createDecision(
      trx,
      seed.secretariat,
      { kind: 'motion', title: 'Adopt the platform', closesAt: deadline },
      t0,
    ),
  );
  for (const i of [0, 1]) {
    const m = memberOf(seed, i);
    await inTx(db, (trx) =>
      castBallot(trx, m.delegate, decision.id, m.id, { choice: 'yes' }, new Date('2030-03-01T10:00:00Z')),
    );
  }
  return { seed, decision };
}

async function closeEvents(db: Db, coalitionId: string) {
  return db
    .selectFrom('audit_events')
    .select('subject')
    .where('coalition_id', '=', coalitionId)
    .where('action', '=', 'decision.closed')
    .execute();
}

const storedStatus = async (db: Db, id: string) =>
  (await db.selectFrom('decisions').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('closing decisions without reads writing', () => {
  it('shows a decision past its window as closed with its result, writing nothing, until the job closes it once', async () => {
    const { db } = database();
    const { seed, decision } = await setup(db);

    const before = await getDecisionView(db, seed.viewer, decision.id, after);
    expect(before).toMatchObject({
      phase: 'closed',
      outcome: 'passed',
      closedAt: '2030-03-02T09:00:00.000Z',
    });
    expect(before.result).toMatchObject({ closeReason: 'window', applied: null });
    const listed = await listDecisionViews(db, seed.viewer, { phase: 'closed' }, after);
    expect(listed.map((d) => d.id)).toEqual([decision.id]);
    const outcomes = await readDecisionOutcomes(db, seed.coalition.id, [decision.id], after);
    expect(outcomes.get(decision.id)).toMatchObject({ phase: 'closed', outcome: 'passed' });
    // Nothing was written by those reads.
    expect(await storedStatus(db, decision.id)).toBe('open');
    expect(await closeEvents(db, seed.coalition.id)).toHaveLength(0);

    expect((await closeAllDueDecisions(db, after)).closed).toBe(1);
    expect((await closeAllDueDecisions(db, new Date('2030-03-03T00:00:00Z'))).closed).toBe(0);
    expect(await storedStatus(db, decision.id)).toBe('closed');
    expect(await closeEvents(db, seed.coalition.id)).toHaveLength(1);
    // The stored result is the one the reads showed (a motion carries nothing out: applied stays null).
    const stored = await getDecisionView(db, seed.viewer, decision.id, new Date('2030-03-04T00:00:00Z'));
    expect(stored.result).toEqual(before.result);
    expect((await verifyAuditChain(db, seed.coalition.id)).ok).toBe(true);
  });

  it('closes once with one audit event when several closers run at the same time', async () => {
    const { db } = database();
    const { seed, decision } = await setup(db);
    const runs = await Promise.all([1, 2, 3, 4].map(() => closeAllDueDecisions(db, after)));
    expect(runs.reduce((sum, run) => sum + run.closed, 0)).toBe(1);
    expect(runs.flatMap((run) => run.failed)).toEqual([]);
    expect((await closeEvents(db, seed.coalition.id)).map((e) => e.subject?.id)).toEqual([decision.id]);
  });

  it('leaves a decision whose window is still open alone', async () => {
    const { db } = database();
    const { seed, decision } = await setup(db);
    expect((await closeAllDueDecisions(db, new Date('2030-03-02T08:59:59Z'))).closed).toBe(0);
    expect(await storedStatus(db, decision.id)).toBe('open');
    expect((await getDecisionView(db, seed.viewer, decision.id, t0)).phase).toBe('open');
  });
});
