import { createHash } from 'node:crypto';
import { ristretto255_hasher } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { codeOf, inTx, memberOf, seedCoalition } from '../../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../../test/helpers/test-database.ts';
import { readChain } from '../../audit/index.ts';
import { createPerson } from '../people.service.ts';
import { personInputSchema } from '../supporters.schema.ts';
import { approveOverlap, declineOverlap, listOverlapRuns, requestOverlap } from './overlap.service.ts';
import { runOverlap } from './protocol.ts';

const database = useTestDatabase();
const ids = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `email:person${from + i}@example.org`);

describe('overlap protocol (ECDH PSI cardinality over ristretto255)', () => {
  it('each side learns the right count on synthetic sets', () => {
    const result = runOverlap(ids(0, 40), ids(25, 60));
    expect(result.requesterCount).toBe(15);
    expect(result.partnerCount).toBe(15);
    expect(runOverlap(ids(0, 20), ids(20, 40)).requesterCount).toBe(0);
  });

  it('the relayed data holds no raw identifier, no plain hash of one, and no unblinded curve point', () => {
    const a = ids(0, 30);
    const b = ids(10, 35);
    const { transcript } = runOverlap(a, b);
    const relayed = JSON.stringify(transcript);
    const enc = new TextEncoder();
    for (const id of [...a, ...b]) {
      const raw = id.slice(6);
      expect(relayed).not.toContain(raw);
      for (const algorithm of ['sha256', 'sha1', 'md5', 'sha512']) {
        expect(relayed).not.toContain(createHash(algorithm).update(id).digest('hex'));
        expect(relayed).not.toContain(createHash(algorithm).update(raw).digest('hex'));
      }
      const plainPoint = ristretto255_hasher
        .hashToCurve(enc.encode(id), { DST: enc.encode('concord-overlap-v1') })
        .toHex();
      expect(relayed).not.toContain(plainPoint);
    }
    // Four messages: two blinded sets, two double-blinded sets, all 32-byte points.
    expect(transcript.map((m) => [m.from, m.step, m.points.length])).toEqual([
      ['requester', 'blinded', 30],
      ['partner', 'blinded', 25],
      ['partner', 'double-blinded', 30],
      ['requester', 'double-blinded', 25],
    ]);
    expect(transcript.every((m) => m.points.every((p) => /^[0-9a-f]{64}$/.test(p)))).toBe(true);
  });

  it('a second run blinds the same identifiers differently (fresh keys per run: runs cannot be linked)', () => {
    const first = runOverlap(ids(0, 5), ids(0, 5)).transcript[0]?.points ?? [];
    const second = runOverlap(ids(0, 5), ids(0, 5)).transcript[0]?.points ?? [];
    expect(first.filter((p) => second.includes(p))).toEqual([]);
  });
});

describe('overlap runs between members', () => {
  it('both must agree; each learns only the count, "<10" under ten; each run is audited without it', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Party' }, { name: 'Federation' }, { name: 'Bystander' }]);
    const [a, b, c] = [memberOf(seed, 0), memberOf(seed, 1), memberOf(seed, 2)];
    const add = (actor: typeof a.delegate, email: string) =>
      inTx(db, (trx) => createPerson(trx, actor, personInputSchema.parse({ emails: [email] })));
    for (let i = 0; i < 14; i += 1) await add(a.delegate, `shared${i}@example.org`);
    for (let i = 0; i < 12; i += 1) await add(b.delegate, `Shared${i}@Example.org`);
    for (let i = 0; i < 5; i += 1) await add(b.delegate, `only-b${i}@example.org`);
    const run = await inTx(db, (trx) => requestOverlap(trx, a.delegate, b.id));
    expect(run).toMatchObject({ status: 'requested', sharedCount: null });
    expect(await codeOf(inTx(db, (trx) => approveOverlap(trx, a.delegate, run.id)))).toBe(
      'overlap.not_yours_to_approve',
    );
    expect(await codeOf(inTx(db, (trx) => approveOverlap(trx, c.delegate, run.id)))).toBe(
      'overlap.not_found',
    );
    expect(await codeOf(listOverlapRuns(db, seed.secretariat))).toBe('people.aggregates_only');
    const done = await inTx(db, (trx) => approveOverlap(trx, b.delegate, run.id));
    expect(done).toMatchObject({ status: 'completed', sharedCount: 12 });
    expect((await listOverlapRuns(db, a.delegate))[0]?.sharedCount).toBe(12);
    expect(await listOverlapRuns(db, c.delegate)).toEqual([]);

    const small = await inTx(db, (trx) => requestOverlap(trx, b.delegate, c.id));
    await add(c.delegate, 'only-b1@example.org');
    expect((await inTx(db, (trx) => approveOverlap(trx, c.delegate, small.id))).sharedCount).toBe('<10');
    const declined = await inTx(db, (trx) => requestOverlap(trx, a.delegate, c.id));
    expect((await inTx(db, (trx) => declineOverlap(trx, c.delegate, declined.id))).status).toBe('declined');

    const events = [];
    for await (const e of readChain(db, seed.coalition.id))
      if (e.action.startsWith('overlap.')) events.push(e);
    expect(events.map((e) => e.action)).toEqual([
      'overlap.requested',
      'overlap.completed',
      'overlap.requested',
      'overlap.completed',
      'overlap.requested',
      'overlap.declined',
    ]);
    expect(JSON.stringify(events)).not.toMatch(/"(shared|count|sharedCount)"/);
  });
});
