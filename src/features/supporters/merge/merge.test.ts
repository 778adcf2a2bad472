import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeOf, inTx, memberOf, seedCoalition } from '../../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../../test/helpers/test-database.ts';
import { createPerson, getPerson, listPeople } from '../people.service.ts';
import { addActivity, recordConsent } from '../records.service.ts';
import { personInputSchema } from '../supporters.schema.ts';
import { mergeFields } from './merge.schema.ts';
import { findDuplicates, mergePeople, undoMerge } from './merge.service.ts';

const database = useTestDatabase();

async function member() {
  const { db } = database();
  const seed = await seedCoalition(db, [{ name: 'Mergers' }, { name: 'Others' }]);
  return { db, actor: memberOf(seed, 0).delegate, other: memberOf(seed, 1).delegate };
}

const word = fc.stringMatching(/^[A-Z][a-z]{2,8}$/);
const personArb = fc.record({
  firstName: word,
  lastName: word,
  emails: fc.uniqueArray(fc.stringMatching(/^[a-z]{3,6}@[a-z]{3,5}\.org$/), { maxLength: 2 }),
  phones: fc.uniqueArray(
    fc
      .integer({ min: 2000000, max: 9999999 })
      .map((n) => `(517) ${String(n).slice(0, 3)}-${String(n).slice(3)}`),
    { maxLength: 2 },
  ),
  tags: fc.uniqueArray(fc.constantFrom('housing', 'transit', 'climate', 'labor'), { maxLength: 3 }),
  notes: fc.string({ maxLength: 20 }),
  address: fc.record({
    line1: fc.string({ maxLength: 12 }),
    city: word,
    postalCode: fc.stringMatching(/^\d{5}$/),
  }),
  consents: fc.array(
    fc.record({ channel: fc.constantFrom('email', 'phone', 'sms', 'post'), granted: fc.boolean() }),
    { maxLength: 3 },
  ),
  donations: fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 2 }),
});
type GeneratedPerson = typeof personArb extends fc.Arbitrary<infer T> ? T : never;
const choicesArb = fc.record(
  Object.fromEntries(mergeFields.map((f) => [f, fc.constantFrom('survivor', 'merged')])) as Record<
    (typeof mergeFields)[number],
    fc.Arbitrary<'survivor' | 'merged'>
  >,
  { requiredKeys: [] },
);

describe('duplicates and merge', () => {
  it('property: a merge followed by undo restores both records exactly', async () => {
    const { db, actor } = await member();
    const create = async (p: GeneratedPerson) => {
      const person = await inTx(db, (trx) => createPerson(trx, actor, personInputSchema.parse(p)));
      for (const c of p.consents)
        await inTx(db, (trx) =>
          recordConsent(trx, actor, person.id, { ...c, basis: 'consent', source: 'test' }),
        );
      for (const cents of p.donations)
        await inTx(db, (trx) =>
          addActivity(trx, actor, person.id, {
            kind: 'donation',
            occurredOn: '2026-01-02',
            label: '',
            quantity: null,
            amountCents: cents,
          }),
        );
      return getPerson(db, actor, person.id);
    };
    await fc.assert(
      fc.asyncProperty(personArb, personArb, choicesArb, async (a, b, choices) => {
        const survivor = await create(a);
        const merged = await create(b);
        const result = await inTx(db, (trx) =>
          mergePeople(trx, actor, { survivorId: survivor.id, mergedId: merged.id, choices }),
        );
        // Nothing lost: both histories and every consent record are on the survivor.
        expect(result.person.consents).toHaveLength(survivor.consents.length + merged.consents.length);
        expect(result.person.activities).toHaveLength(survivor.activities.length + merged.activities.length);
        expect(new Set(result.person.emails)).toEqual(new Set([...survivor.emails, ...merged.emails]));
        expect(await codeOf(getPerson(db, actor, merged.id))).toBe('person.not_found');
        const undone = await inTx(db, (trx) => undoMerge(trx, actor, result.mergeId));
        expect(undone.survivor).toEqual(survivor);
        expect(undone.restored).toEqual(merged);
      }),
      { numRuns: 12 },
    );
  });

  it('finds candidates by email, by phone and by a close name at the same postal code, and only among your own people', async () => {
    const { db, actor, other } = await member();
    const add = (actorX: typeof actor, p: Record<string, unknown>) =>
      inTx(db, (trx) => createPerson(trx, actorX, personInputSchema.parse(p)));
    await add(actor, { firstName: 'Marisol', lastName: 'Quentin', emails: ['mq@example.org'] });
    await add(actor, { firstName: 'Mari', lastName: 'Quentin', emails: ['MQ@example.org'] });
    await add(actor, { firstName: 'Tobias', lastName: 'Wren', phones: ['517-555-0100'] });
    await add(actor, { firstName: 'Toby', lastName: 'Wren', phones: ['+1 517 555 0100'] });
    await add(actor, { firstName: 'Alexandra', lastName: 'Brightwater', address: { postalCode: '48201' } });
    await add(actor, { firstName: 'Alexandria', lastName: 'Brightwater', address: { postalCode: '48201' } });
    await add(actor, { firstName: 'Alexandra', lastName: 'Brightwater', address: { postalCode: '49999' } });
    await add(other, { firstName: 'Marisol', lastName: 'Quentin', emails: ['mq@example.org'] });
    const found = await findDuplicates(db, actor);
    expect(found.map((d) => [d.reason, [d.a.firstName, d.b.firstName].sort().join('+')])).toEqual([
      ['email', 'Mari+Marisol'],
      ['phone', 'Tobias+Toby'],
      ['name_address', 'Alexandra+Alexandria'],
    ]);
    expect(await findDuplicates(db, other)).toEqual([]);
    expect((await listPeople(db, actor, { limit: 50 })).total).toBe(7);
  });

  it('without a postal code, finds close names in the same county at close addresses, not in another county', async () => {
    const { db, actor } = await member();
    const add = (p: Record<string, unknown>) =>
      inTx(db, (trx) => createPerson(trx, actor, personInputSchema.parse(p)));
    const at = (line1: string, countyFips: string) => ({ address: { line1, countyFips } });
    await add({ firstName: 'Bartholomew', lastName: 'Ashdown', ...at('12 Millrace Lane', '26065') });
    await add({ firstName: 'Bartholomew', lastName: 'Ashdowne', ...at('12 Millrace Ln', '26065') });
    await add({ firstName: 'Bartholomew', lastName: 'Ashdown', ...at('12 Millrace Lane', '26161') });
    const found = await findDuplicates(db, actor);
    expect(found.map((d) => [d.reason, d.a.address.countyFips, d.b.address.countyFips])).toEqual([
      ['name_address', '26065', '26065'],
    ]);
  });

  it('another member cannot merge or undo your people; only the newest merge into a person can be undone', async () => {
    const { db, actor, other } = await member();
    const add = (first: string) =>
      inTx(db, (trx) => createPerson(trx, actor, personInputSchema.parse({ firstName: first })));
    const [x, y, z] = [await add('X'), await add('Y'), await add('Z')];
    expect(
      await codeOf(
        inTx(db, (trx) => mergePeople(trx, other, { survivorId: x.id, mergedId: y.id, choices: {} })),
      ),
    ).toBe('person.not_found');
    const first = await inTx(db, (trx) =>
      mergePeople(trx, actor, { survivorId: x.id, mergedId: y.id, choices: {} }),
    );
    const second = await inTx(db, (trx) =>
      mergePeople(trx, actor, { survivorId: x.id, mergedId: z.id, choices: { name: 'merged' } }),
    );
    expect(second.person.firstName).toBe('Z');
    expect(await codeOf(inTx(db, (trx) => undoMerge(trx, other, first.mergeId)))).toBe('merge.not_found');
    expect(await codeOf(inTx(db, (trx) => undoMerge(trx, actor, first.mergeId)))).toBe('merge.not_latest');
    await inTx(db, (trx) => undoMerge(trx, actor, second.mergeId));
    const back = await inTx(db, (trx) => undoMerge(trx, actor, first.mergeId));
    expect(back.survivor.firstName).toBe('X');
  });
});
