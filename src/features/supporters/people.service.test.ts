import { describe, expect, it } from 'vitest';
import { codeOf, createActor, inTx, memberOf, seedCoalition } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { readChain } from '../audit/index.ts';
import { supporterAggregates } from './aggregates.service.ts';
import { nameStreamCap } from './people.repository.ts';
import {
  createPerson,
  erasePerson,
  exportPersonData,
  getPerson,
  listPeople,
  updatePerson,
} from './people.service.ts';
import {
  addActivity,
  defineCustomField,
  issueLinkCode,
  recordConsent,
  redeemLinkCode,
  withdrawConsent,
} from './records.service.ts';
import { personInputSchema } from './supporters.schema.ts';

const database = useTestDatabase();
const person = (input: Record<string, unknown>) => personInputSchema.parse(input);

async function setup() {
  const { db } = database();
  const seed = await seedCoalition(db, [{ name: 'Lake Party' }, { name: 'River Federation' }]);
  const a = memberOf(seed, 0);
  const b = memberOf(seed, 1);
  const organizerA = await createActor(db, seed.coalition.id, 'organizer', a.id);
  return { db, seed, a, b, organizerA };
}

describe('people, owned by one member', () => {
  it('normalizes emails and phones and keeps the raw phone', async () => {
    const { db, a } = await setup();
    const p = await inTx(db, (trx) =>
      createPerson(
        trx,
        a.delegate,
        person({
          firstName: 'Ada',
          lastName: 'Lane',
          emails: [' Ada@Example.ORG '],
          phones: ['(517) 555-0123'],
        }),
      ),
    );
    expect(p.emails).toEqual(['ada@example.org']);
    expect(p.phones).toEqual(['+15175550123']);
    expect(p.consent).toEqual({ email: false, phone: false, sms: false, post: false });
  });

  it('search matches part of a name, a whole email or a whole phone, in name order', async () => {
    const { db, a } = await setup();
    for (const [firstName, lastName, email, phone] of [
      ['Ada', 'Lane', 'ada@example.org', '(517) 555-0123'],
      ['Bo', 'Laneway', 'bo@example.org', '(517) 555-0124'],
      ['Cy', 'Hill', 'cy.lane@example.org', '(517) 555-0125'],
    ] as const)
      await inTx(db, (trx) =>
        createPerson(trx, a.delegate, person({ firstName, lastName, emails: [email], phones: [phone] })),
      );
    const names = async (q: string) =>
      (await listPeople(db, a.delegate, { q, limit: 10 })).people.map((p) => p.firstName);
    // "lane" is part of two names; the third holds it only inside an email, which is not searched by part.
    expect(await names('lane')).toEqual(['Ada', 'Bo']);
    expect(await names('AY')).toEqual(['Bo']);
    expect(await names(' CY.Lane@Example.org ')).toEqual(['Cy']);
    expect(await names('517-555-0124')).toEqual(['Bo']);
    expect(await names('555-0199 000')).toEqual([]);
  });

  it('a name fragment matched in first names and last names gives one list in name order, paged by cursor', async () => {
    const { db, a, b } = await setup();
    // "ell" is in the first names Ellen and Nell, in the last names Bell and Kellerman, and in both
    // of Nell Bell (who must appear once); "Ada Park" matches nowhere.
    const names: [string, string][] = [
      ['Nell', 'Bell'],
      ['Ellen', 'Adams'],
      ['Ada', 'Park'],
      ['Zed', 'Kellerman'],
      ['Nell', 'Zimmer'],
      ['Ada', 'Bell'],
      ['Ellen', 'Kellerman'],
    ];
    for (const [firstName, lastName] of names)
      await inTx(db, (trx) => createPerson(trx, a.delegate, person({ firstName, lastName })));
    await inTx(db, (trx) =>
      createPerson(trx, b.delegate, person({ firstName: 'Bella', lastName: 'Ellery' })),
    );
    const page = (q: string, cursor?: string) =>
      listPeople(db, a.delegate, { q, limit: 2, ...(cursor ? { cursor } : {}) });
    const seen: string[] = [];
    let next: string | undefined;
    let total = -1;
    do {
      const result = await page('ELL', next);
      total = result.total;
      seen.push(...result.people.map((p) => `${p.firstName} ${p.lastName}`));
      next = result.nextCursor ?? undefined;
    } while (next);
    expect(seen).toEqual([
      'Ellen Adams',
      'Ada Bell',
      'Nell Bell',
      'Ellen Kellerman',
      'Zed Kellerman',
      'Nell Zimmer',
    ]);
    expect(total).toBe(6);
    // Two letters, and a fragment no name holds.
    expect((await page('zi')).people.map((p) => p.lastName)).toEqual(['Zimmer']);
    expect(await page('qqq')).toMatchObject({ people: [], total: 0, nextCursor: null });
    // A renamed person is found by the new name and no longer by the old one.
    const [zed] = (await page('zed')).people;
    if (!zed) throw new Error('Zed not found');
    await inTx(db, (trx) => updatePerson(trx, a.delegate, zed.id, { firstName: 'Quorra' }));
    expect((await page('quor')).people.map((p) => p.id)).toEqual([zed.id]);
    expect((await page('zed')).total).toBe(0);
  });

  it('a fragment held by more names than are read one by one still lists every match in name order', async () => {
    const { db, a } = await setup();
    const count = nameStreamCap + 5;
    for (let i = 0; i < count; i += 1) {
      const lastName = `Ox${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
      await inTx(db, (trx) => createPerson(trx, a.delegate, person({ firstName: `Moxie${i}`, lastName })));
    }
    const result = await listPeople(db, a.delegate, { q: 'ox', limit: 100 });
    expect(result.total).toBe(count);
    const order = result.people.map((p) => p.lastName.toLowerCase());
    expect(order).toEqual([...order].sort());
  });

  it('refuses an email that is not one, naming the field', async () => {
    const { db, a } = await setup();
    const error = await inTx(db, (trx) =>
      createPerson(trx, a.delegate, person({ emails: ['not-an-email'] })),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'person.invalid', message: expect.stringContaining('emails.0') });
  });

  it('refuses custom fields for race, ethnicity or religion under any name, with a clear error', async () => {
    const { db, a } = await setup();
    for (const name of ['Race', 'ethnicity', 'Religious affiliation', 'race/ethnicity', 'faith']) {
      expect(await codeOf(inTx(db, (trx) => defineCustomField(trx, a.delegate, { name, label: name })))).toBe(
        'people.protected_field',
      );
    }
    await inTx(db, (trx) => defineCustomField(trx, a.delegate, { name: 'shirt_size', label: 'Shirt size' }));
    const p = await inTx(db, (trx) => createPerson(trx, a.delegate, person({ custom: { shirt_size: 'M' } })));
    expect(p.custom).toEqual({ shirt_size: 'M' });
    expect(
      await codeOf(inTx(db, (trx) => createPerson(trx, a.delegate, person({ custom: { religion: 'x' } })))),
    ).toBe('people.protected_field');
  });

  it("another member's person does not exist for you; staff are told aggregates only", async () => {
    const { db, seed, a, b } = await setup();
    const p = await inTx(db, (trx) => createPerson(trx, a.delegate, person({ firstName: 'Ada' })));
    expect(await codeOf(getPerson(db, b.delegate, p.id))).toBe('person.not_found');
    expect(await codeOf(getPerson(db, b.delegate, '00000000-0000-4000-8000-000000000000'))).toBe(
      'person.not_found',
    );
    expect(await codeOf(inTx(db, (trx) => updatePerson(trx, b.delegate, p.id, { firstName: 'X' })))).toBe(
      'person.not_found',
    );
    expect(await codeOf(getPerson(db, seed.admin, p.id))).toBe('people.aggregates_only');
    expect(await codeOf(getPerson(db, seed.viewer, p.id))).toBe('people.not_a_member_organizer');
    expect((await listPeople(db, b.delegate, { limit: 100 })).people).toEqual([]);
  });

  it('consent per channel: the latest record decides, and a withdrawal keeps the record', async () => {
    const { db, a, organizerA } = await setup();
    const p = await inTx(db, (trx) => createPerson(trx, a.delegate, person({ emails: ['x@y.org'] })));
    await inTx(db, (trx) =>
      recordConsent(trx, organizerA, p.id, {
        channel: 'email',
        granted: true,
        basis: 'consent',
        source: 'signup form',
      }),
    );
    const withdrawn = await inTx(db, (trx) =>
      withdrawConsent(trx, organizerA, p.id, { channel: 'email', source: 'unsubscribe link' }),
    );
    expect(withdrawn.consent.email).toBe(false);
    expect(withdrawn.consents).toHaveLength(1);
    expect(withdrawn.consents[0]).toMatchObject({ granted: true, withdrawalSource: 'unsubscribe link' });
    expect(withdrawn.consents[0]?.withdrawnAt).not.toBeNull();
  });

  it('subject access exports everything; erasure leaves an audit event without personal data', async () => {
    const { db, a } = await setup();
    const p = await inTx(db, (trx) =>
      createPerson(
        trx,
        a.delegate,
        person({ firstName: 'Zelda', lastName: 'Quorn', emails: ['zq@example.org'] }),
      ),
    );
    await inTx(db, (trx) =>
      addActivity(trx, a.delegate, p.id, {
        kind: 'donation',
        occurredOn: '2026-10-01',
        label: '',
        quantity: null,
        amountCents: 2500,
      }),
    );
    const exported = await inTx(db, (trx) => exportPersonData(trx, a.delegate, p.id));
    expect(exported.person.activities[0]).toMatchObject({ kind: 'donation', amountCents: 2500 });
    expect(exported.person.emails).toEqual(['zq@example.org']);
    await inTx(db, (trx) => erasePerson(trx, a.delegate, p.id));
    expect(await codeOf(getPerson(db, a.delegate, p.id))).toBe('person.not_found');
    const events = [];
    for await (const link of readChain(db, a.delegate.coalitionId)) events.push(link);
    const erased = events.find((e) => e.action === 'person.erased');
    expect(erased).toBeDefined();
    const text = JSON.stringify(events);
    for (const secret of ['Zelda', 'Quorn', 'zq@example.org', p.id]) expect(text).not.toContain(secret);
  });

  it('dual membership: linked by a code the person carries; each side sees its own record and the fact', async () => {
    const { db, a, b } = await setup();
    const pa = await inTx(db, (trx) =>
      createPerson(trx, a.delegate, person({ firstName: 'Sam', notes: 'A only' })),
    );
    const pb = await inTx(db, (trx) =>
      createPerson(trx, b.delegate, person({ firstName: 'Samuel', notes: 'B only' })),
    );
    const { code } = await inTx(db, (trx) =>
      issueLinkCode(trx, a.delegate, pa.id, {
        targetOrganizationId: b.id,
        basis: 'consent',
        source: 'asked at the rally',
      }),
    );
    const linked = await inTx(db, (trx) => redeemLinkCode(trx, b.delegate, pb.id, code));
    expect(linked.links).toEqual([
      expect.objectContaining({ organizationId: a.id, organizationName: 'Lake Party' }),
    ]);
    expect(JSON.stringify(linked)).not.toContain('A only');
    expect(JSON.stringify(linked)).not.toContain(pa.id);
    const fromA = await getPerson(db, a.delegate, pa.id);
    expect(fromA.links).toEqual([expect.objectContaining({ organizationId: b.id })]);
    expect(JSON.stringify(fromA)).not.toContain(pb.id);
    expect(await codeOf(inTx(db, (trx) => redeemLinkCode(trx, b.delegate, pb.id, code)))).toBe(
      'link.code_invalid',
    );
  });

  it('aggregates: staff see coalition counts with small ones as "<10"; a member sees its own exactly', async () => {
    const { db, seed, a, b } = await setup();
    for (let i = 0; i < 12; i += 1)
      await inTx(db, (trx) =>
        createPerson(trx, a.delegate, person({ tags: ['housing'], address: { countyFips: '26163' } })),
      );
    for (let i = 0; i < 3; i += 1)
      await inTx(db, (trx) =>
        createPerson(trx, b.delegate, person({ tags: ['rare'], address: { countyFips: '26065' } })),
      );
    const staff = await supporterAggregates(db, seed.secretariat);
    expect(staff.total).toBe(15);
    expect(staff.byCounty).toEqual([
      { countyFips: '26065', count: '<10' },
      { countyFips: '26163', count: 12 },
    ]);
    expect(staff.byTag).toEqual([{ tag: 'housing', count: 12 }]);
    const own = await supporterAggregates(db, b.delegate);
    expect(own.total).toBe(3);
    expect(own.byTag).toEqual([{ tag: 'rare', count: 3 }]);
    expect(await codeOf(supporterAggregates(db, seed.viewer))).toBe('people.not_a_member_organizer');
  });
});
