import { describe, expect, it } from 'vitest';
import { codeOf, inTx, memberOf, seedCoalition } from '../../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../../test/helpers/test-database.ts';
import { createPerson } from '../people.service.ts';
import { addActivity } from '../records.service.ts';
import { personInputSchema } from '../supporters.schema.ts';
import { advancePipeline, pipelineView, setLadder } from './pipeline.service.ts';

const database = useTestDatabase();

describe('leadership pipeline', () => {
  it('advances by activity rules one stage at a time, shows who is ready per tag, and the funnel over time', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Ladder Party' }, { name: 'Other' }]);
    const actor = memberOf(seed, 0).delegate;
    await inTx(db, (trx) =>
      setLadder(trx, actor, [
        { name: 'supporter', rule: null },
        { name: 'volunteer', rule: { kind: 'shift', atLeast: 1 } },
        { name: 'organizer', rule: { kind: 'event', atLeast: 2 } },
      ]),
    );
    const make = async (tags: string[], shifts: number, events: number) => {
      const p = await inTx(db, (trx) => createPerson(trx, actor, personInputSchema.parse({ tags })));
      for (let i = 0; i < shifts; i += 1)
        await inTx(db, (trx) =>
          addActivity(trx, actor, p.id, {
            kind: 'shift',
            occurredOn: '2026-11-01',
            label: '',
            quantity: 4,
            amountCents: null,
          }),
        );
      for (let i = 0; i < events; i += 1)
        await inTx(db, (trx) =>
          addActivity(trx, actor, p.id, {
            kind: 'event',
            occurredOn: '2026-11-02',
            label: '',
            quantity: null,
            amountCents: null,
          }),
        );
    };
    await make(['youth'], 1, 2);
    await make(['youth', 'housing'], 1, 0);
    await make([], 0, 5);
    const before = await pipelineView(db, actor);
    expect(before.stages.map((s) => [s.name, s.people])).toEqual([
      ['supporter', 3],
      ['volunteer', 0],
      ['organizer', 0],
    ]);
    expect(before.stages[0]?.readyToMoveUp).toEqual([
      { tag: 'youth', count: 2 },
      { tag: 'housing', count: 1 },
    ]);
    const first = await inTx(db, (trx) => advancePipeline(trx, actor, new Date('2026-11-10T12:00:00Z')));
    expect(first.moved).toBe(2);
    expect(first.pipeline.stages.map((s) => s.people)).toEqual([1, 2, 0]);
    const second = await inTx(db, (trx) => advancePipeline(trx, actor, new Date('2026-12-01T12:00:00Z')));
    expect(second.pipeline.stages.map((s) => s.people)).toEqual([1, 1, 1]);
    expect(second.pipeline.moves).toEqual([
      { month: '2026-11', stage: 'volunteer', count: 2 },
      { month: '2026-12', stage: 'organizer', count: 1 },
    ]);
    expect(await codeOf(pipelineView(db, seed.secretariat))).toBe('people.aggregates_only');
    expect((await pipelineView(db, memberOf(seed, 1).delegate)).stages[0]?.people).toBe(0);
  });
});
