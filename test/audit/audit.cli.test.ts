import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { registerAuditCommands } from '../../src/features/audit/audit.cli.ts';
import { castBallot } from '../../src/features/decisions/ballots.service.ts';
import { closeDecision } from '../../src/features/decisions/close.service.ts';
import { createDecision } from '../../src/features/decisions/create.service.ts';
import { useCliDatabase } from '../helpers/cli-database.ts';
import { inTx, memberOf, seedCoalition } from '../helpers/governance.ts';
import { runConcord } from '../helpers/run-concord.ts';

const concord = (...args: string[]) => runConcord(registerAuditCommands, 'audit', ...args);

/** The CLI opens the database the environment names (test/helpers/cli-database.ts). */
describe('concord audit verify and head', () => {
  const cli = useCliDatabase('audit', async (db) => {
    const seed = await seedCoalition(db, [{ name: 'North' }, { name: 'South' }, { name: 'East' }]);
    const decision = await inTx(db, (trx) =>
      createDecision(trx, seed.secretariat, { kind: 'motion', title: 'Joint list' }),
    );
    for (const i of [0, 1]) {
      const m = memberOf(seed, i);
      await inTx(db, (trx) => castBallot(trx, m.delegate, decision.id, m.id, { choice: 'yes' }));
    }
    await inTx(db, (trx) => closeDecision(trx, seed.secretariat, decision.id));
    return { seed, decisionId: decision.id };
  });

  it('prints the head, verifies against it, and names a row edited in SQL with exit code 4', async () => {
    const { seed, decisionId } = cli.seed;
    const slug = seed.coalition.slug;
    const head = await concord('head', '--coalition', slug);
    expect(head.exitCode).toBe(0);
    expect(head.stdout).toMatch(new RegExp(`^coalition ${slug}\\nseq \\d+\\nhead [0-9a-f]{64}\\nat \\d{4}-`));
    const json = JSON.parse((await concord('head', '--coalition', slug, '--json')).stdout);
    expect(json).toMatchObject({
      coalition: slug,
      seq: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const published = `${json.hash}@${json.seq}`;

    const intact = await concord('verify', '--coalition', slug, '--head', published);
    expect(intact.exitCode).toBe(0);
    expect(intact.stdout).toMatch(/chain intact/);
    expect(intact.stdout).toMatch(/rows: (\d+) of \1 match the chain/);

    await cli.use((db) =>
      sql`update decisions set outcome = 'rejected' where id = ${decisionId}`.execute(db),
    );
    const tampered = await concord('verify', '--coalition', slug, '--head', published);
    expect(tampered.exitCode).toBe(4);
    expect(tampered.stdout).toContain(
      `UNEXPLAINED decisions row ${decisionId} was changed outside the application`,
    );

    const badHead = await concord('verify', '--coalition', slug, '--head', 'not-a-head');
    expect(badHead.exitCode).toBe(2);
  });
});
