import { describe, expect, it } from 'vitest';
import { useCliDatabase } from '../../../test/helpers/cli-database.ts';
import { seedCoalition } from '../../../test/helpers/governance.ts';
import { runConcord } from '../../../test/helpers/run-concord.ts';
import { updateOrganization } from './organizations.service.ts';
import { registerRegistryCommands } from './registry.cli.ts';

const concord = (...args: string[]) => runConcord(registerRegistryCommands, ...args);

/** `concord org list` takes the directory's filters: the position band and part of the name. */
describe('concord org list', () => {
  const cli = useCliDatabase('registry', async (db) => {
    const seed = await seedCoalition(db, [{ name: 'Left One' }, { name: 'Left Two' }, { name: 'Right One' }]);
    const positions = [-0.5, -0.2, 0.5];
    for (const [i, m] of seed.members.entries())
      await db
        .transaction()
        .execute((trx) => updateOrganization(trx, seed.admin, m.id, { position: positions[i] ?? null }));
    return seed;
  });

  it('filters by position band and name, every matching row in name order; refuses an unknown band', async () => {
    const slug = cli.seed.coalition.slug;
    const names = async (...filters: string[]) => {
      const listed = await concord('org', 'list', '--coalition', slug, '--json', ...filters);
      expect(listed.exitCode, listed.stderr).toBe(0);
      return (JSON.parse(listed.stdout) as { name: string }[]).map((org) => org.name);
    };
    expect(await names()).toEqual(['Left One', 'Left Two', 'Right One']);
    expect(await names('--position', 'left')).toEqual(['Left One']);
    expect(await names('--position', 'centre')).toEqual(['Left Two']);
    expect(await names('--search', 'one')).toEqual(['Left One', 'Right One']);
    expect(await names('--search', 'left', '--position', 'right')).toEqual([]);
    const refused = await concord('org', 'list', '--coalition', slug, '--position', 'middle');
    expect(refused.exitCode).toBe(2);
  });
});
