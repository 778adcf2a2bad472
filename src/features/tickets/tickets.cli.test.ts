import { describe, expect, it } from 'vitest';
import { useCliDatabase } from '../../../test/helpers/cli-database.ts';
import { createActor, seedCoalition } from '../../../test/helpers/governance.ts';
import { runConcord } from '../../../test/helpers/run-concord.ts';
import { updateOrganization } from '../registry/index.ts';
import { registerTicketCommands } from './tickets.cli.ts';

const concord = (...args: string[]) => runConcord(registerTicketCommands, ...args);

/** The CLI opens the database the environment names: a PGlite directory here (or a server database). */
describe('concord tickets', () => {
  const cli = useCliDatabase('tickets', async (db) => {
    const seed = await seedCoalition(db, [{ name: 'Left One' }, { name: 'Left Two' }, { name: 'Right One' }]);
    const positions = [-0.5, -0.2, 0.5];
    for (const [i, m] of seed.members.entries())
      await db
        .transaction()
        .execute((trx) => updateOrganization(trx, seed.admin, m.id, { position: positions[i] ?? null }));
    const delegate = await createActor(db, seed.coalition.id, 'delegate', seed.members[0]?.id ?? null);
    return { seed, delegateEmail: delegate.email };
  });

  it('turns the split rule on, sets a ticket, refuses a same-side ticket (exit 3, naming the cycle), lists them as JSON', async () => {
    const { seed, delegateEmail } = cli.seed;
    const staff = ['--coalition', seed.coalition.slug, '--as', seed.secretariat.email];
    expect(
      (
        await concord(
          'tickets',
          'settings',
          '--split-ticket',
          'on',
          '--coalition',
          seed.coalition.slug,
          '--as',
          seed.admin.email,
        )
      ).exitCode,
    ).toBe(0);
    const set = await concord(
      'tickets',
      'set',
      '--cycle',
      '2028',
      '--top',
      'Ada=Left One',
      '--second',
      'Ben=Right One',
      ...staff,
    );
    expect(set.exitCode).toBe(0);
    expect(set.stdout).toContain('2028 us_president accepted');
    const refused = await concord(
      'tickets',
      'set',
      '--cycle',
      '2032',
      '--top',
      'Cy=Left Two',
      '--second',
      'Dee=Left One',
      ...staff,
    );
    expect(refused.exitCode).toBe(3);
    expect(refused.stderr).toContain('2028');
    const dry = await concord(
      'tickets',
      'set',
      '--cycle',
      '2032',
      '--top',
      'Cy=Right One',
      '--second',
      'Dee=Left One',
      ...staff,
      '--dry-run',
    );
    expect(dry.exitCode).toBe(0);
    const list = await concord('tickets', 'list', '--coalition', seed.coalition.slug, '--json');
    expect(list.stderr).not.toContain('error');
    expect(JSON.parse(list.stdout).map((t: { cycle: number }) => t.cycle)).toEqual([2028]);
    const delegate = await concord(
      'tickets',
      'set',
      '--cycle',
      '2036',
      '--top',
      'Cy=Right One',
      '--second',
      'Dee=Left One',
      '--coalition',
      seed.coalition.slug,
      '--as',
      delegateEmail,
    );
    expect(delegate.exitCode).toBe(3);
  });
});
