import { describe, expect, it } from 'vitest';
import { createTestCoalition, createTestUser } from '../../../test/helpers/factories.ts';
import { inTx } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { Actor } from '../../core/actor.ts';
import { verifyAuditChain } from '../audit/index.ts';
import { loadReferenceData, prepareDatasets } from '../map/index.ts';
import { registryDemoStep } from '../registry/index.ts';
import { pactsDemoStep } from './pacts.demo.ts';
import { findCoalitionCandidates } from './public.service.ts';
import { getPactView, listPactViews } from './read.service.ts';
import { compareVersionNumbers } from './versions.service.ts';

const database = useTestDatabase();
const zonesMembers = ["Workers' Common Front", 'Harbor Greens', 'Tenants United', 'Rural Hearth Movement'];

describe('pacts demo data', () => {
  it('gives the demo coalition a House pact with two versions to compare, consent, and ratified organizing zones', async () => {
    const { db } = database();
    const datasets = await prepareDatasets([
      'us-geography',
      'us-house-1976-2020',
      'us-president-2024-county',
    ]);
    await inTx(db, (trx) => loadReferenceData(trx, datasets));
    const coalition = await createTestCoalition(db, 'Demo');
    const admin = await createTestUser(db, coalition.slug, 'admin');
    const context = { coalitionId: coalition.id, adminUserId: admin.id, log: () => {} };
    await inTx(db, async (trx) => {
      await registryDemoStep.run(trx, context);
      await pactsDemoStep.run(trx, context);
    });
    const viewer: Actor = {
      userId: admin.id,
      coalitionId: coalition.id,
      organizationId: null,
      role: 'admin',
    };

    const pacts = await inTx(db, (trx) => listPactViews(trx, viewer));
    expect(pacts.map((p) => [p.kind, p.raceCount, p.latestVersion?.number])).toEqual([
      ['zones', 83, 1],
      ['races', 14, 2],
    ]);
    const house = pacts.find((p) => p.kind === 'races');
    if (!house) throw new Error('no House pact');
    const view = await inTx(db, (trx) => getPactView(trx, viewer, house.id));
    expect(view.locks).toHaveLength(1);
    expect(view.locks[0]?.member.name).toBe('Harbor Greens');
    expect(view.consent).toMatchObject({ consents: 1, objections: 1 });
    const comparison = await inTx(db, (trx) => compareVersionNumbers(trx, viewer, house.id, 1, 2));
    expect(comparison.moved.find((m) => m.race === view.locks[0]?.race)?.to?.name).toBe('Harbor Greens');
    // The zones pact is ratified through a decision the members voted on; the House pact stays a draft.
    expect(pacts.map((p) => p.status)).toEqual(['ratified', 'draft']);
    const wayne = await inTx(db, (trx) => findCoalitionCandidates(trx, coalition.slug, 'county:26163'));
    expect(wayne.races).toHaveLength(1);
    expect(wayne.races[0]).toMatchObject({
      key: '26163',
      coverage: 'place',
      pact: { kind: 'zones', version: 1 },
    });
    expect(zonesMembers).toContain(wayne.races[0]?.member?.name);
    expect((await verifyAuditChain(db, coalition.id)).ok).toBe(true);
  }, 120_000);
});
