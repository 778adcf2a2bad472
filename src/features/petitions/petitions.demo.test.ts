import { describe, expect, it } from 'vitest';
import { createTestCoalition, createTestUser } from '../../../test/helpers/factories.ts';
import { inTx } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { loadDemo } from '../../demo/demo.service.ts';
import { loadReferenceData, prepareDatasets } from '../map/index.ts';
import { registryDemoStep } from '../registry/index.ts';
import { supportersDemoStep } from '../supporters/index.ts';
import { ticketsDemoStep } from '../tickets/index.ts';
import { getDrive, listDrives } from './drives.service.ts';
import {
  demoFlaggedCirculator,
  demoPersonCirculators,
  demoPetitionCandidate,
  petitionsDemoStep,
} from './petitions.demo.ts';

const database = useTestDatabase();

describe('petitions demo', () => {
  it('loads a Colorado party drive and a local initiative with two weeks of packets and one flagged circulator', async () => {
    const { db } = database();
    const { coalitionId } = await loadDemo(db, { steps: [registryDemoStep, petitionsDemoStep] });
    const admin = await db
      .selectFrom('coalition_roles')
      .select(['user_id', 'role'])
      .where('coalition_id', '=', coalitionId)
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    const actor = { userId: admin.user_id, coalitionId, organizationId: null, role: 'admin' as const };
    const drives = await listDrives(db, actor);
    expect(drives.map((d) => d.name).sort()).toEqual([
      'Colorado ballot line',
      'Harbor City clean water initiative',
    ]);
    const party = drives.find((d) => d.name === 'Colorado ballot line');
    expect(party).toMatchObject({ required: 10_000, jurisdiction: 'US-CO' });
    const detail = await getDrive(db, actor, party?.id ?? '');
    expect(new Set(detail.packets?.map((p) => p.collectedOn)).size).toBe(14);
    expect(detail.circulators?.filter((c) => c.outlier.flagged).map((c) => c.name)).toEqual([
      demoFlaggedCirculator,
    ]);
    expect(detail.projection.probabilityQualifying).toBeGreaterThan(0);
    expect(detail.rule.key).toBe('full-count');
  });

  it('after the supporters and tickets demos, adds a drive for a demo candidate circulated by the member’s own people', async () => {
    const { db } = database();
    await inTx(db, async (trx) => loadReferenceData(trx, await prepareDatasets(['us-geography'])));
    const coalition = await createTestCoalition(db, 'Demo');
    const admin = await createTestUser(db, coalition.slug, 'admin');
    const coalitionId = coalition.id;
    const context = { coalitionId, adminUserId: admin.id, log: () => {} };
    await inTx(db, async (trx) => {
      for (const step of [registryDemoStep, supportersDemoStep, ticketsDemoStep, petitionsDemoStep]) {
        await step.run(trx, context);
      }
    });
    const actor = { userId: admin.id, coalitionId, organizationId: null, role: 'admin' as const };
    const drive = (await listDrives(db, actor)).find((d) => d.target.kind === 'candidate');
    const candidate = await db
      .selectFrom('candidates')
      .select(['id', 'organization_id'])
      .where('coalition_id', '=', coalitionId)
      .where('name', '=', demoPetitionCandidate)
      .executeTakeFirstOrThrow();
    expect(drive).toMatchObject({
      organizationId: candidate.organization_id,
      target: { kind: 'candidate', candidateId: candidate.id, name: demoPetitionCandidate },
    });
    const detail = await getDrive(db, actor, drive?.id ?? '');
    const circulators = detail.circulators ?? [];
    expect(circulators).toHaveLength(demoPersonCirculators);
    // Each is one of the drive's member's own people, under that person's name, and files packets.
    const people = await db
      .selectFrom('people')
      .select(['id', 'organization_id', 'first_name', 'last_name'])
      .where(
        'id',
        'in',
        circulators.map((c) => c.personId ?? '00000000-0000-4000-8000-000000000000'),
      )
      .execute();
    expect(people).toHaveLength(demoPersonCirculators);
    for (const circulator of circulators) {
      const person = people.find((p) => p.id === circulator.personId);
      expect(person?.organization_id).toBe(candidate.organization_id);
      expect(circulator.name).toBe(`${person?.first_name} ${person?.last_name}`);
    }
    // The same people on every load: the member's first names in (last name, first name) order.
    const first = await db
      .selectFrom('people')
      .select(['first_name', 'last_name'])
      .distinct()
      .where('organization_id', '=', candidate.organization_id)
      .where('first_name', '<>', '')
      .orderBy('last_name')
      .orderBy('first_name')
      .limit(demoPersonCirculators)
      .execute();
    expect(circulators.map((c) => c.name).sort()).toEqual(
      first.map((p) => `${p.first_name} ${p.last_name}`).sort(),
    );
    const filers = new Set(detail.packets?.map((p) => p.circulatorId));
    expect(circulators.every((c) => filers.has(c.id))).toBe(true);
  });
});
