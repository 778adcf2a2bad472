import { describe, expect, it } from 'vitest';
import { createTestCoalition, createTestUser } from '../../../test/helpers/factories.ts';
import { inTx } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { Actor } from '../../core/actor.ts';
import { verifyAuditChain } from '../audit/index.ts';
import { loadReferenceData, prepareDatasets } from '../map/index.ts';
import { registryDemoStep } from '../registry/index.ts';
import { candidateHistory, listCandidateViews } from './candidates.service.ts';
import { districtOverlap } from './crosswalk.service.ts';
import { listAlerts } from './disputes.service.ts';
import { listNationalTicketViews } from './national.service.ts';
import { findSlate } from './slate.service.ts';
import { ticketsDemoStep } from './tickets.demo.ts';

const database = useTestDatabase();

describe('tickets demo data', () => {
  it('candidates for the ratified pact, a NY joint ticket, a refused MI fusion, two national cycles, a dissident under dispute', async () => {
    const { db } = database();
    await inTx(db, async (trx) => loadReferenceData(trx, await prepareDatasets(['us-geography'])));
    const coalition = await createTestCoalition(db, 'Demo');
    const admin = await createTestUser(db, coalition.slug, 'admin');
    const context = { coalitionId: coalition.id, adminUserId: admin.id, log: () => {} };
    await inTx(db, async (trx) => {
      await registryDemoStep.run(trx, context);
      await ticketsDemoStep.run(trx, context);
    });
    const viewer: Actor = {
      userId: admin.id,
      coalitionId: coalition.id,
      organizationId: null,
      role: 'admin',
    };
    const candidates = await inTx(db, (trx) => listCandidateViews(trx, viewer, {}));
    const byName = new Map(candidates.map((c) => [c.name, c]));
    expect(byName.get('Rosa Delgado')).toMatchObject({
      status: 'filed',
      race: { statePo: 'NY' },
      check: { fusion: { ok: true, partyLines: 2 } },
    });
    const marisol = byName.get('Marisol Quinn');
    expect(marisol?.lines.map((l) => l.kind)).toEqual(['party', 'endorsement']);
    const history = await inTx(db, (trx) => candidateHistory(trx, viewer, marisol?.id ?? ''));
    expect(history.find((e) => e.action === 'candidate.fusion_refused')?.message).toContain('Michigan');
    expect(byName.get('Paul Kowalski')?.dissident[0]).toMatchObject({
      raceKey: 'MI-HD-13',
      assignedToName: "Workers' Common Front",
    });
    const alerts = await inTx(db, (trx) => listAlerts(trx, viewer));
    expect(alerts).toEqual([
      expect.objectContaining({
        candidateName: 'Paul Kowalski',
        dispute: { decisionId: expect.any(String), outcome: null },
      }),
    ]);
    const national = await inTx(db, (trx) => listNationalTicketViews(trx, viewer));
    expect(national.map((t) => [t.cycle, t.status, t.top.side])).toEqual([
      [2028, 'accepted', 'right'],
      [2024, 'accepted', 'left'],
    ]);
    const wayne = await inTx(db, async (trx) =>
      findSlate(trx, coalition.slug, 'county:26163', await districtOverlap()),
    );
    expect(wayne.entries.map((e) => e.name)).toEqual(['Noor Haddad', 'Keisha Grant']);
    expect(wayne.entries[1]).toMatchObject({
      coverage: 'overlaps_place',
      race: { jurisdictionKey: 'congressional_district:MI-13' },
    });
    expect(wayne.entries[1]?.areaShare).toBeGreaterThan(0.25);
    expect(wayne.entries[1]?.areaShare).toBeLessThan(0.35);
    const michigan = await inTx(db, (trx) => findSlate(trx, coalition.slug, 'state:26'));
    expect(michigan.entries.map((e) => e.name).sort()).toEqual([
      'Dale Okafor',
      'Ivy Brandt',
      'Keisha Grant',
      'Marisol Quinn',
      'Noor Haddad',
    ]);
    expect((await verifyAuditChain(db, coalition.id)).ok).toBe(true);
  }, 180_000);
});
