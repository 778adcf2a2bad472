import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type AuditLink, linkHash } from '../../src/core/audit/chain.ts';
import type { Db } from '../../src/db/database.ts';
import { up as baselineRows } from '../../src/db/migrations/2026_12_03_1002_audit_row_baseline.ts';
import { up as baselinePactRows } from '../../src/db/migrations/2026_12_04_1901_audit_pact_versions_baseline.ts';
import { sha256Hex } from '../../src/features/audit/audit.hash.ts';
import {
  readChain,
  readChainHead,
  rowStateHash,
  verifyAuditChain,
} from '../../src/features/audit/audit.service.ts';
import { readRowStates } from '../../src/features/audit/row-state.repository.ts';
import { castBallot } from '../../src/features/decisions/ballots.service.ts';
import { closeDecision } from '../../src/features/decisions/close.service.ts';
import { createDecision } from '../../src/features/decisions/create.service.ts';
import { createPact } from '../../src/features/pacts/drafting/pacts.service.ts';
import { riversidePactInput, seedLeftCoalition } from '../../src/features/pacts/pacts.test-fixtures.ts';
import { sendToRatification } from '../../src/features/pacts/ratification/ratification.service.ts';
import { RunExecutor } from '../../src/features/pacts/runs/run-executor.ts';
import { requestRun } from '../../src/features/pacts/runs/runs.service.ts';
import { inTx, memberOf } from '../helpers/governance.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

const database = useTestDatabase();

/** A coalition with members, a closed decision with ballots, and a pact: every covered table. */
async function governedCoalition(db: Db) {
  const seed = await seedLeftCoalition(db);
  const pact = await inTx(db, (trx) => createPact(trx, seed.secretariat, riversidePactInput(seed)));
  const decision = await inTx(db, (trx) =>
    createDecision(trx, seed.secretariat, { kind: 'motion', title: 'Common list' }),
  );
  for (const i of [0, 1, 2]) {
    const m = memberOf(seed, i);
    await inTx(db, (trx) =>
      castBallot(trx, m.delegate, decision.id, m.id, { choice: i === 2 ? 'no' : 'yes' }),
    );
  }
  await inTx(db, (trx) => closeDecision(trx, seed.secretariat, decision.id));
  return { seed, pact, decision };
}

/** Plain SQL as the table owner: what the chain is for. */
const asOwner = (db: Db, statement: ReturnType<typeof sql>) => statement.execute(db);

describe('the audit chain covers the rows it describes (issue 10, item 6)', () => {
  it('every covered row matches the last hash the chain recorded for it', async () => {
    const { db } = database();
    const { seed } = await governedCoalition(db);
    const report = await verifyAuditChain(db, seed.coalition.id);
    expect(report.firstBroken).toBeNull();
    expect(report.rows?.unexplained).toEqual([]);
    // 4 organizations, 1 decision, 3 ballots, 1 pact; 1 charter version and, per member, its
    // founding status change, charter ratification and evidence (13).
    expect(report.rows?.checked).toBe(22);
    expect(report.ok).toBe(true);
  });

  it('names a decision outcome, a ballot content, an organization status and a pact edited in SQL', async () => {
    const { db } = database();
    const { seed, pact, decision } = await governedCoalition(db);
    const ballot = await db
      .selectFrom('ballots')
      .select('id')
      .where('decision_id', '=', decision.id)
      .where('organization_id', '=', memberOf(seed, 2).id)
      .executeTakeFirstOrThrow();
    await asOwner(db, sql`update decisions set outcome = 'rejected' where id = ${decision.id}`);
    await asOwner(
      db,
      sql`update ballots set content = '{"split":{"yes":1000,"no":0,"abstain":0}}'::jsonb where id = ${ballot.id}`,
    );
    await asOwner(db, sql`update organizations set status = 'expelled' where id = ${memberOf(seed, 3).id}`);
    await asOwner(db, sql`update pacts set name = 'Renamed' where id = ${pact.id}`);
    const report = await verifyAuditChain(db, seed.coalition.id);
    expect(report.ok).toBe(false);
    // The chain itself is intact: only the rows betray the edit.
    expect(report.firstBroken).toBeNull();
    expect(report.rows?.unexplained.map((f) => [f.table, f.id, f.problem]).sort()).toEqual(
      [
        ['ballots', ballot.id, 'changed'],
        ['decisions', decision.id, 'changed'],
        ['organizations', memberOf(seed, 3).id, 'changed'],
        ['pacts', pact.id, 'changed'],
      ].sort(),
    );
  });

  it('names a row no event wrote, and a row deleted behind the chain', async () => {
    const { db } = database();
    const { seed, decision } = await governedCoalition(db);
    await asOwner(
      db,
      sql`insert into organizations (coalition_id, name, kind, status) values (${seed.coalition.id}, 'Ghost Party', 'party', 'member')`,
    );
    await asOwner(db, sql`delete from ballots where decision_id = ${decision.id}`);
    const report = await verifyAuditChain(db, seed.coalition.id);
    const problems = report.rows?.unexplained.map((f) => `${f.table}:${f.problem}`).sort();
    expect(problems).toEqual([
      'ballots:missing',
      'ballots:missing',
      'ballots:missing',
      'organizations:unrecorded',
    ]);
  });

  it('a published head catches a rewrite of the whole tail that verifies on its own', async () => {
    const { db } = database();
    const { seed, decision } = await governedCoalition(db);
    const published = await readChainHead(db, seed.coalition.id);
    if (!published) throw new Error('no head');
    // The attacker changes the outcome and rewrites the close event and everything after it,
    // recomputing every hash and the head: the chain and the rows agree again.
    await asOwner(db, sql`update decisions set outcome = 'rejected' where id = ${decision.id}`);
    const links: AuditLink[] = [];
    for await (const link of readChain(db, seed.coalition.id)) links.push(link);
    const closedAt = links.findIndex((l) => l.action === 'decision.closed');
    // The forger reads the row as the chain hashes it, with the audit feature's own reader and hash.
    const [edited] = await readRowStates(db, seed.coalition.id, 'decisions', [decision.id]);
    if (!edited) throw new Error('the edited decision is gone');
    const forged = rowStateHash(edited.state);
    let prev = links[closedAt - 1]?.hash ?? '';
    await db.transaction().execute(async (trx) => {
      await sql`alter table audit_events disable trigger audit_events_append_only`.execute(trx);
      for (const link of links.slice(closedAt)) {
        const payload =
          link.action === 'decision.closed'
            ? { ...link.payload, rowHashes: { [`decisions/${decision.id}`]: forged } }
            : link.payload;
        const hash = linkHash(prev, { ...link, payload }, sha256Hex);
        await sql`update audit_events set payload = ${JSON.stringify(payload)}::jsonb, prev_hash = ${prev}, hash = ${hash}
          where coalition_id = ${seed.coalition.id} and seq = ${link.seq}`.execute(trx);
        prev = hash;
      }
      await sql`update audit_heads set hash = ${prev} where coalition_id = ${seed.coalition.id}`.execute(trx);
      await sql`alter table audit_events enable trigger audit_events_append_only`.execute(trx);
    });
    expect(await verifyAuditChain(db, seed.coalition.id)).toMatchObject({ ok: true });
    const checked = await verifyAuditChain(db, seed.coalition.id, { published });
    expect(checked.ok).toBe(false);
    expect(checked.firstBroken).toMatchObject({
      reason: 'published_head_mismatch',
      seq: published.seq,
      expected: published.hash,
    });
    // A head from the future (events cut off the end) is caught too.
    const beyond = await verifyAuditChain(db, seed.coalition.id, {
      published: { seq: published.seq + 5, hash: published.hash },
    });
    expect(beyond.firstBroken?.reason).toBe('published_head_missing');
  });

  it('rows written before row hashing are unrecorded until the baseline event, and vouched for after it', async () => {
    const { db } = database();
    const { seed } = await governedCoalition(db);
    // An organization as an older version of Concord wrote it: its event carried no row hash.
    await asOwner(
      db,
      sql`insert into organizations (coalition_id, name, kind, status) values (${seed.coalition.id}, 'Old Guard', 'party', 'member')`,
    );
    expect((await verifyAuditChain(db, seed.coalition.id)).rows?.unexplained).toHaveLength(1);
    await db.transaction().execute((trx) => baselineRows(trx as unknown as Kysely<unknown>));
    const report = await verifyAuditChain(db, seed.coalition.id);
    expect(report.ok).toBe(true);
    expect(report.rows?.baselineSeq).toBe(report.head?.seq);
  });

  it('names a pact version whose result was edited and a ratification pointed at another version', async () => {
    const { db } = database();
    const { seed, pact } = await governedCoalition(db);
    const executor = new RunExecutor(db);
    try {
      for (const _ of [1, 2]) {
        const { job } = await inTx(db, (trx) =>
          requestRun(trx, seed.secretariat, pact.id, { mode: 'heuristic' }),
        );
        await executor.execute(job);
      }
    } finally {
      await executor.close();
    }
    await inTx(db, (trx) => sendToRatification(trx, seed.secretariat, pact.id, { version: 1 }));
    const clean = await verifyAuditChain(db, seed.coalition.id);
    expect(clean.rows?.unexplained).toEqual([]);
    // 22 rows as above, 2 versions, 1 ratification decision, 1 ratification.
    expect(clean.rows?.checked).toBe(26);

    const versions = await db
      .selectFrom('pact_versions')
      .select(['id', 'number'])
      .where('pact_id', '=', pact.id)
      .orderBy('number')
      .execute();
    const [first, second] = versions;
    if (!first || !second) throw new Error('two versions expected');
    const ratification = await db
      .selectFrom('pact_ratifications')
      .select('id')
      .where('pact_id', '=', pact.id)
      .executeTakeFirstOrThrow();
    // The owner rewrites version 1's expected wins and points the ratification at version 2.
    await asOwner(db, sql`update pact_versions set expected_wins = expected_wins + 1 where id = ${first.id}`);
    await asOwner(
      db,
      sql`update pact_ratifications set version_id = ${second.id} where id = ${ratification.id}`,
    );
    const report = await verifyAuditChain(db, seed.coalition.id);
    expect(report.ok).toBe(false);
    expect(report.rows?.unexplained.map((f) => [f.table, f.id, f.problem]).sort()).toEqual(
      [
        ['pact_ratifications', ratification.id, 'changed'],
        ['pact_versions', first.id, 'changed'],
      ].sort(),
    );
  });

  it('pact versions stored before their rows were hashed are vouched for after their baseline event', async () => {
    const { db } = database();
    const { seed, pact } = await governedCoalition(db);
    const executor = new RunExecutor(db);
    try {
      const { job } = await inTx(db, (trx) =>
        requestRun(trx, seed.secretariat, pact.id, { mode: 'heuristic' }),
      );
      await executor.execute(job);
    } finally {
      await executor.close();
    }
    // A version as an older Concord stored it: its event carried no row hash.
    await asOwner(
      db,
      sql`insert into pact_versions (coalition_id, pact_id, number, kind, pact_revision, input, labels, result,
            expected_wins, no_pact_wins, entitlement_ok, wef1, note, run_id, created_by, created_at)
          select coalition_id, pact_id, 99, kind, pact_revision, input, labels, result, expected_wins,
            no_pact_wins, entitlement_ok, wef1, 'older', null, created_by, created_at
          from pact_versions where pact_id = ${pact.id} and number = 1`,
    );
    const before = await verifyAuditChain(db, seed.coalition.id);
    expect(before.rows?.unexplained.map((f) => [f.table, f.problem])).toEqual([
      ['pact_versions', 'unrecorded'],
    ]);
    await db.transaction().execute((trx) => baselinePactRows(trx as unknown as Kysely<unknown>));
    const after = await verifyAuditChain(db, seed.coalition.id);
    expect(after.ok).toBe(true);
    expect(after.rows?.unexplained).toEqual([]);
  });
});
