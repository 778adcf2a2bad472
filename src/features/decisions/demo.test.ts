import { describe, expect, it } from 'vitest';
import { createTestCoalition, createTestUser } from '../../../test/helpers/factories.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { Actor } from '../../core/actor.ts';
import { verifyAuditChain } from '../audit/index.ts';
import {
  checkAdmission,
  getCharterStatus,
  listOrganizationViews,
  registryDemoStep,
} from '../registry/index.ts';
import { decisionsDemoStep } from './decisions.demo.ts';
import { getDecisionView, listDecisionViews } from './read.service.ts';

const database = useTestDatabase();

describe('governance demo data', () => {
  it('builds a coalition with members, a chapter, a federation, a charter, a pending application and two decisions', async () => {
    const { db } = database();
    const coalition = await createTestCoalition(db, 'Demo');
    const admin = await createTestUser(db, coalition.slug, 'admin');
    const context = { coalitionId: coalition.id, adminUserId: admin.id, log: () => {} };
    await db.transaction().execute(async (trx) => {
      await registryDemoStep.run(trx, context);
      await decisionsDemoStep.run(trx, context);
    });
    const viewer: Actor = {
      userId: admin.id,
      coalitionId: coalition.id,
      organizationId: null,
      role: 'admin',
    };

    const orgs = await listOrganizationViews(db, viewer, {});
    expect(orgs).toHaveLength(9);
    expect(orgs.filter((o) => o.status === 'member')).toHaveLength(8);
    expect(orgs.filter((o) => o.kind === 'chapter')).toHaveLength(1);
    expect(orgs.filter((o) => o.kind === 'federation')).toHaveLength(1);
    const positions = orgs.map((o) => o.position ?? 0);
    expect(Math.min(...positions)).toBeLessThan(-0.5);
    expect(Math.max(...positions)).toBeGreaterThan(0.3);

    const charter = await getCharterStatus(db, viewer);
    expect(charter.current?.planks).toHaveLength(2);
    expect(charter.ratified.length).toBeGreaterThan(charter.notRatified.length);

    const applicant = orgs.find((o) => o.status === 'applicant');
    if (!applicant) throw new Error('no pending application');
    const verdict = await checkAdmission(db, viewer, applicant.id);
    expect(verdict.passed).toBe(false);
    expect(verdict.failures.map((f) => f.shortBy)).toEqual([40, 10_000]);

    const decisions = await db.transaction().execute((trx) => listDecisionViews(trx, viewer, {}));
    expect(decisions.map((d) => d.phase).sort()).toEqual(['closed', 'open']);
    const closed = decisions.find((d) => d.phase === 'closed');
    if (!closed) throw new Error('no closed decision');
    const view = await db.transaction().execute((trx) => getDecisionView(trx, viewer, closed.id));
    expect(view.result?.tally).toMatchObject({
      method: 'double_majority',
      quorum: { voted: 6, met: true },
      outcome: 'passed',
    });
    expect(view.result?.eligible.some((e) => e.capped)).toBe(true);
    expect(await verifyAuditChain(db, coalition.id)).toMatchObject({ ok: true });
  });
});
