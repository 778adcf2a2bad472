import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestCoalition } from '../../../test/helpers/factories.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { Actor } from '../../core/actor.ts';
import { canonicalJson } from '../../core/audit/canonical-json.ts';
import { type AuditLink, genesisHash } from '../../core/audit/chain.ts';
import type { Db } from '../../db/database.ts';
import { sha256Hex } from './audit.hash.ts';
import { appendAudit, readChain, verifyAuditChain, verifyLinks } from './audit.service.ts';

const database = useTestDatabase();

async function coalitionWithEvents(db: Db, n: number) {
  const coalition = await createTestCoalition(db);
  const actor: Actor = {
    userId: 'u-1',
    coalitionId: coalition.id,
    organizationId: null,
    role: 'secretariat',
  };
  for (let i = 1; i <= n; i++) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        coalitionId: coalition.id,
        actor,
        action: 'test.event',
        subject: { type: 'thing', id: `t${i}` },
        payload: { i, note: `event ${i}`, nested: { b: [1, 2.5], a: null } },
      }),
    );
  }
  return coalition;
}

/** Plain SQL, as an attacker with the owner's rights would do it: the append-only trigger must go first. */
async function tamper(db: Db, statement: ReturnType<typeof sql>) {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_events disable trigger audit_events_append_only`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_events enable trigger audit_events_append_only`.execute(trx);
  });
}

describe('audit chain on the database', () => {
  it('chains events with sha256 over prev_hash + canonical JSON, as documented', async () => {
    const { db } = database();
    const coalition = await coalitionWithEvents(db, 3);
    const links: AuditLink[] = [];
    for await (const link of readChain(db, coalition.id)) links.push(link);
    expect(links.map((l) => l.seq)).toEqual([1, 2, 3]);
    const [first, second] = links;
    if (!first || !second) throw new Error('missing links');
    expect(first.prevHash).toBe(genesisHash);
    expect(second.prevHash).toBe(first.hash);
    const { seq, at, actor, action, subject, payload } = first;
    // The exact text a third party hashes (see docs/governance.md).
    const text = `${genesisHash}{"action":"test.event","actor":{"organizationId":null,"role":"secretariat","userId":"u-1"},"at":"${at}","payload":{"i":1,"nested":{"a":null,"b":[1,2.5]},"note":"event 1"},"seq":1,"subject":{"id":"t1","type":"thing"}}`;
    expect(canonicalJson({ seq, at, actor, action, subject, payload })).toBe(text.slice(64));
    expect(first.hash).toBe(sha256Hex(text));
    expect(await verifyAuditChain(db, coalition.id)).toMatchObject({
      ok: true,
      events: 3,
      firstBroken: null,
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_events', async () => {
    const { db } = database();
    const coalition = await coalitionWithEvents(db, 1);
    await expect(
      sql`update audit_events set action = 'x' where coalition_id = ${coalition.id}`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from audit_events where coalition_id = ${coalition.id}`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('names the tampered row as the first broken link', async () => {
    const { db } = database();
    const coalition = await coalitionWithEvents(db, 5);
    await tamper(
      db,
      sql`update audit_events set payload = '{"i": 3, "note": "forged"}'::jsonb where coalition_id = ${coalition.id} and seq = 3`,
    );
    const report = await verifyAuditChain(db, coalition.id);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ reason: 'hash_mismatch', seq: 3 });
  });

  it('notices a deleted row and a chain cut short at the end', async () => {
    const { db } = database();
    const middle = await coalitionWithEvents(db, 4);
    await tamper(db, sql`delete from audit_events where coalition_id = ${middle.id} and seq = 2`);
    expect((await verifyAuditChain(db, middle.id)).firstBroken).toMatchObject({ reason: 'seq_gap', seq: 3 });

    const end = await coalitionWithEvents(db, 4);
    await tamper(db, sql`delete from audit_events where coalition_id = ${end.id} and seq = 4`);
    expect((await verifyAuditChain(db, end.id)).firstBroken).toMatchObject({
      reason: 'head_mismatch',
      seq: 4,
    });
  });

  it('never forks under concurrent appenders', async () => {
    const { db } = database();
    const coalition = await createTestCoalition(db);
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        db.transaction().execute((trx) =>
          appendAudit(trx, {
            coalitionId: coalition.id,
            actor: null,
            action: 'test.concurrent',
            subject: null,
            payload: { i },
          }),
        ),
      ),
    );
    const report = await verifyAuditChain(db, coalition.id);
    expect(report).toMatchObject({ ok: true, events: 60, head: { seq: 60 } });
  });

  it('rolls back with the write it describes, and refuses to run outside a transaction', async () => {
    const { db } = database();
    const coalition = await coalitionWithEvents(db, 1);
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, {
          coalitionId: coalition.id,
          actor: null,
          action: 'x.y',
          subject: null,
          payload: {},
        });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect((await verifyAuditChain(db, coalition.id)).events).toBe(1);
    await expect(
      appendAudit(db, { coalitionId: coalition.id, actor: null, action: 'x.y', subject: null, payload: {} }),
    ).rejects.toThrow(/inside the transaction/);
  });

  it('verifies an exported file and names a tampered line', async () => {
    const { db } = database();
    const coalition = await coalitionWithEvents(db, 4);
    const lines: string[] = [];
    for await (const link of readChain(db, coalition.id)) lines.push(canonicalJson(link));
    const dir = mkdtempSync(join(tmpdir(), 'concord-audit-'));
    const file = join(dir, 'audit.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const parse = (text: string) =>
      text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as AuditLink);
    expect(await verifyLinks(parse(readFileSync(file, 'utf8')))).toMatchObject({ ok: true, events: 4 });
    const forged = readFileSync(file, 'utf8').replace('"note":"event 2"', '"note":"event two"');
    expect((await verifyLinks(parse(forged))).firstBroken).toMatchObject({ reason: 'hash_mismatch', seq: 2 });
  });
});
