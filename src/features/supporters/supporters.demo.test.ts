import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { resolveCliActor } from '../../cli/context.ts';
import { loadDemo } from '../../demo/demo.service.ts';
import { demoEmail, registryDemoStep } from '../registry/index.ts';
import { supporterAggregates } from './aggregates.service.ts';
import { approveOverlap, requestOverlap } from './overlap/overlap.service.ts';
import { listPeople } from './people.service.ts';
import { supportersDemoStep } from './supporters.demo.ts';

const database = useTestDatabase();

describe('supporters demo', () => {
  it('loads fictional people across members, and an overlap run between two of them shows 150', async () => {
    const { db } = database();
    await loadDemo(db, { steps: [registryDemoStep, supportersDemoStep] });
    const greens = await resolveCliActor(db, 'demo', demoEmail('Harbor Greens'));
    const streets = await resolveCliActor(db, 'demo', demoEmail('Open Streets Federation'));
    expect((await listPeople(db, greens, { limit: 1 })).total).toBe(900);
    const staff = await resolveCliActor(db, 'demo', 'secretariat@demo.concord.example');
    expect((await supporterAggregates(db, staff)).total).toBe(4200);
    const run = await db
      .transaction()
      .execute((trx) => requestOverlap(trx, greens, streets.organizationId ?? ''));
    const done = await db.transaction().execute((trx) => approveOverlap(trx, streets, run.id));
    expect(done.sharedCount).toBe(150);
  }, 180_000);
});
