import { describe, expect, it } from 'vitest';
import { useCliDatabase } from '../../../test/helpers/cli-database.ts';
import { seedCoalition } from '../../../test/helpers/governance.ts';
import { runConcord } from '../../../test/helpers/run-concord.ts';
import { registerDecisionCommands } from './decisions.cli.ts';

const concord = (...args: string[]) => runConcord(registerDecisionCommands, 'decision', ...args);

/** The CLI opens the database the environment names (a server database, or a PGlite directory). */
describe('concord decision create --secret', () => {
  const cli = useCliDatabase('decision', (db) =>
    seedCoalition(db, [{ name: 'North' }, { name: 'South' }, { name: 'East' }]),
  );

  it('refuses a secret ballot three members cannot keep until the secretariat acknowledges it', async () => {
    const { seed } = cli;
    const args = ['create', '--coalition', seed.coalition.slug, '--as', seed.secretariat.email];
    const refused = await concord(...args, '--kind', 'motion', '--title', 'Small vote', '--secret');
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toMatch(/3 organization\(s\) vote; a secret ballot needs at least 6/);
    expect(refused.stderr).toMatch(/acknowledgeWeakSecrecy/);
    const opened = await concord(
      ...args,
      '--kind',
      'motion',
      '--title',
      'Small vote',
      '--secret',
      '--acknowledge-weak-secrecy',
    );
    expect(opened.exitCode).toBe(0);
    expect(opened.stdout).toMatch(/secret ballot/);
    expect(opened.stdout).toMatch(/secrecy warning \(acknowledged\): 3 organization\(s\) vote/);
  });
});
