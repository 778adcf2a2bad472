import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { loadDemo } from '../../demo/demo.service.ts';
import { registryDemoStep } from '../registry/index.ts';
import { getDrive, listDrives } from './drives.service.ts';
import { demoFlaggedCirculator, petitionsDemoStep } from './petitions.demo.ts';

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
});
