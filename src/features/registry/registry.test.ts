import { describe, expect, it } from 'vitest';
import { codeOf, createActor, inTx, seedCoalition } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { verifyAuditChain } from '../audit/index.ts';
import { checkAdmission } from './admission.service.ts';
import { getCharterStatus, ratifyCharter } from './charter.service.ts';
import { assignDelegate } from './delegates.service.ts';
import { submitEvidence, verifyEvidence } from './evidence.service.ts';
import { createOrganization, getOrganizationDetail, withdrawOrganization } from './organizations.service.ts';
import { updateSettings } from './settings.service.ts';

const database = useTestDatabase();

describe('registry', () => {
  it('records an application, its evidence and ratification, and judges it against the admission rule', async () => {
    const { db } = database();
    const { coalition, admin, secretariat } = await seedCoalition(db, [{ name: 'Red Party' }]);
    await inTx(db, (trx) =>
      updateSettings(trx, admin, {
        admissionRule: {
          all: [
            {
              any: [
                { metric: 'members', atLeast: 500, verifiedOnly: true },
                { metric: 'votes', atLeast: 10_000, withinDays: 1461 },
              ],
            },
            { charterRatified: true },
          ],
        },
      }),
    );
    const applicant = await inTx(db, (trx) =>
      createOrganization(trx, secretariat, { name: 'Green Wave', kind: 'movement', position: -0.4567 }),
    );
    expect(applicant).toMatchObject({ status: 'applicant', position: -0.457, charterRatified: false });
    const delegate = await createActor(db, coalition.id, 'delegate', applicant.id);
    const evidence = await inTx(db, (trx) =>
      submitEvidence(trx, delegate, applicant.id, {
        metric: 'members',
        value: 320,
        asOf: '2026-10-01',
        source: 'register',
      }),
    );

    const first = await checkAdmission(db, admin, applicant.id, new Date('2026-11-23T12:00:00Z'));
    expect(first.passed).toBe(false);
    // Unverified figures do not count where the rule asks for verified ones.
    expect(first.failures.map((f) => [f.path, f.actual, f.shortBy])).toEqual([
      ['all[0].any[0]', null, 500],
      ['all[0].any[1]', null, 10_000],
      ['all[1]', 0, 1],
    ]);

    await inTx(db, async (trx) => {
      await verifyEvidence(trx, secretariat, applicant.id, evidence.id);
      await ratifyCharter(trx, delegate, applicant.id);
    });
    const second = await checkAdmission(db, admin, applicant.id, new Date('2026-11-23T12:00:00Z'));
    expect(second.failures.map((f) => [f.path, f.actual, f.shortBy])).toEqual([
      ['all[0].any[0]', 320, 180],
      ['all[0].any[1]', null, 10_000],
    ]);

    const charter = await getCharterStatus(db, admin);
    expect(charter.ratified.map((r) => r.name)).toEqual(['Green Wave', 'Red Party']);
    expect(charter.notRatified).toEqual([]);
    expect((await verifyAuditChain(db, coalition.id)).ok).toBe(true);
  });

  it('allows founding members only until the first decision closes, and only by an admin', async () => {
    const { db } = database();
    const { coalition, admin, secretariat } = await seedCoalition(db, []);
    expect(
      await codeOf(
        inTx(db, (trx) => createOrganization(trx, secretariat, { name: 'X', kind: 'party', founding: true })),
      ),
    ).toBe('auth.forbidden');
    const roll = JSON.stringify({ voters: [], recused: [] });
    await db
      .insertInto('decisions')
      .values({
        coalition_id: coalition.id,
        kind: 'motion',
        title: 'Closed motion',
        method: 'majority',
        rules: JSON.stringify({}),
        secret: false,
        opens_at: new Date('2026-01-01'),
        closes_at: new Date('2026-01-02'),
        status: 'closed',
        roll,
        result: JSON.stringify({}),
      })
      .execute();
    expect(
      await codeOf(
        inTx(db, (trx) => createOrganization(trx, admin, { name: 'Y', kind: 'party', founding: true })),
      ),
    ).toBe('organization.founding_closed');
  });

  it('nests chapters under a member and refuses duplicates by name', async () => {
    const { db } = database();
    const { members, secretariat } = await seedCoalition(db, [{ name: 'Blue Union' }]);
    const parent = members[0];
    if (!parent) throw new Error('seed');
    const chapter = await inTx(db, (trx) =>
      createOrganization(trx, secretariat, {
        name: 'Blue Union — Riverside',
        kind: 'chapter',
        parentId: parent.id,
      }),
    );
    expect(chapter.parentId).toBe(parent.id);
    expect((await getOrganizationDetail(db, secretariat, parent.id)).chapters.map((c) => c.name)).toEqual([
      'Blue Union — Riverside',
    ]);
    expect(
      await codeOf(
        inTx(db, (trx) => createOrganization(trx, secretariat, { name: 'blue union', kind: 'party' })),
      ),
    ).toBe('organization.name_taken');
    expect(
      await codeOf(
        inTx(db, (trx) => createOrganization(trx, secretariat, { name: 'Orphan', kind: 'chapter' })),
      ),
    ).toBe('organization.parent_required');
  });

  it('records a withdrawal in the history and the audit log, and nothing moves a withdrawn member', async () => {
    const { db } = database();
    const { coalition, members, secretariat } = await seedCoalition(db, [{ name: 'Orange Bloc' }]);
    const member = members[0];
    if (!member) throw new Error('seed');
    const result = await inTx(db, (trx) =>
      withdrawOrganization(trx, member.delegate, member.id, 'Our congress voted to leave.'),
    );
    expect(result).toMatchObject({ from: 'member', to: 'withdrawn' });
    const detail = await getOrganizationDetail(db, secretariat, member.id);
    expect(detail.history.map((h) => [h.fromStatus, h.toStatus, h.reason])).toEqual([
      [null, 'member', 'founding'],
      ['member', 'withdrawn', 'withdrawal'],
    ]);
    expect(await codeOf(inTx(db, (trx) => withdrawOrganization(trx, secretariat, member.id, 'again')))).toBe(
      'organization.transition_not_allowed',
    );
    const events = await db
      .selectFrom('audit_events')
      .select('action')
      .where('coalition_id', '=', coalition.id)
      .orderBy('seq')
      .execute();
    expect(events.at(-1)?.action).toBe('organization.status_changed');
  });

  it('assigns delegates only from users of the coalition, never staff', async () => {
    const { db } = database();
    const { coalition, members, secretariat, viewer, admin } = await seedCoalition(db, [
      { name: 'Teal League' },
    ]);
    const member = members[0];
    if (!member) throw new Error('seed');
    const delegates = await inTx(db, (trx) => assignDelegate(trx, secretariat, member.id, viewer.email));
    expect(delegates.map((d) => d.userId)).toContain(viewer.userId);
    expect(await codeOf(inTx(db, (trx) => assignDelegate(trx, secretariat, member.id, admin.email)))).toBe(
      'delegate.is_staff',
    );
    const other = await seedCoalition(db, []);
    expect(
      await codeOf(inTx(db, (trx) => assignDelegate(trx, secretariat, member.id, other.viewer.email))),
    ).toBe('user.not_found');
    expect(coalition.id).not.toBe(other.coalition.id);
  });
});
