import { describe, expect, it } from 'vitest';
import { createActor, inTx, seedCoalition } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { Actor } from '../../core/actor.ts';
import { DomainError } from '../../core/errors.ts';
import { verifyAuditChain } from '../audit/index.ts';
import { castBallot } from './ballots.service.ts';
import { closeDecision } from './close.service.ts';
import { createDecision } from './create.service.ts';
import { getDecisionView } from './read.service.ts';

const database = useTestDatabase();

const organizations = 50;
const delegatesPerOrganization = 4;
const castsPerDelegate = 5; // 50 × 4 × 5 = 1,000 concurrent casts

describe('casting under concurrency', () => {
  it('keeps exactly one counted ballot per organization under 1,000 concurrent casts and a racing close', async () => {
    const { db } = database();
    const seed = await seedCoalition(
      db,
      Array.from({ length: organizations }, (_, i) => ({ name: `Party ${String(i).padStart(2, '0')}` })),
    );
    const delegates: { actor: Actor; organizationId: string }[] = [];
    for (const member of seed.members) {
      delegates.push({ actor: member.delegate, organizationId: member.id });
      for (let d = 1; d < delegatesPerOrganization; d++) {
        delegates.push({
          actor: await createActor(db, seed.coalition.id, 'delegate', member.id),
          organizationId: member.id,
        });
      }
    }
    const decision = await inTx(db, (trx) =>
      createDecision(trx, seed.secretariat, { kind: 'motion', title: 'Race' }),
    );

    const choices = ['yes', 'no', 'abstain'] as const;
    const casts = delegates.flatMap(({ actor, organizationId }, d) =>
      Array.from({ length: castsPerDelegate }, (_, k) => ({
        actor,
        organizationId,
        choice: choices[(d + k) % 3] ?? 'yes',
      })),
    );
    expect(casts).toHaveLength(1000);
    let closing: Promise<unknown> = Promise.resolve();
    const outcomes = casts.map(({ actor, organizationId, choice }, i) => {
      // The close is fired in the middle of the stream of casts.
      if (i === 700) closing = inTx(db, (trx) => closeDecision(trx, seed.secretariat, decision.id));
      return inTx(db, (trx) => castBallot(trx, actor, decision.id, organizationId, { choice })).then(
        (ballot) => ({ ok: true as const, organizationId, ballot }),
        (error: unknown) => ({ ok: false as const, organizationId, error }),
      );
    });
    const settled = await Promise.all(outcomes);
    await closing;

    // Every cast either counted or was refused because the decision had closed: nothing else.
    const failures = settled.filter((s) => !s.ok);
    for (const failure of failures) {
      expect(failure.error).toBeInstanceOf(DomainError);
      expect((failure.error as DomainError).code).toBe('decision.closed');
    }
    const succeeded = settled.filter((s) => s.ok);
    // The close really raced the casts: some landed before it, some were refused after it.
    expect(succeeded.length).toBeGreaterThan(0);
    expect(failures.length).toBeGreaterThan(0);
    const perOrganization = new Map<string, { count: number; receipts: Set<string> }>();
    for (const s of succeeded) {
      const entry = perOrganization.get(s.organizationId) ?? { count: 0, receipts: new Set<string>() };
      entry.count += 1;
      entry.receipts.add(s.ballot.receipt);
      perOrganization.set(s.organizationId, entry);
    }

    const rows = await db
      .selectFrom('ballots')
      .select(['organization_id', 'revision', 'receipt'])
      .where('decision_id', '=', decision.id)
      .execute();
    // One row per organization that cast at all, updated once per accepted cast (no lost update), one receipt.
    expect(rows).toHaveLength(perOrganization.size);
    for (const row of rows) {
      const entry = perOrganization.get(row.organization_id);
      expect(row.revision).toBe(entry?.count);
      expect([...(entry?.receipts ?? [])]).toEqual([row.receipt]);
    }

    const view = await inTx(db, (trx) => getDecisionView(trx, seed.viewer, decision.id));
    expect(view.result?.tally?.quorum.voted).toBe(rows.length);
    const audit = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('coalition_id', '=', seed.coalition.id)
      .where('action', '=', 'ballot.cast')
      .executeTakeFirstOrThrow();
    expect(Number(audit.n)).toBe(succeeded.length);
    expect(await verifyAuditChain(db, seed.coalition.id)).toMatchObject({ ok: true });
  }, 180_000);
});
