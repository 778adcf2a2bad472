import { describe, expect, it } from 'vitest';
import { useCliDatabase } from '../../../test/helpers/cli-database.ts';
import { createActor, inTx } from '../../../test/helpers/governance.ts';
import { runConcord } from '../../../test/helpers/run-concord.ts';
import { candidateHistory, proposeCandidate } from './candidates.service.ts';
import { registerTicketCommands } from './tickets.cli.ts';
import { member, seedTicketsCoalition } from './tickets.test-fixtures.ts';

const concord = (...args: string[]) => runConcord(registerTicketCommands, ...args);

/** A fusion refused on the command line is kept on the candidate's record, as over the API. */
describe('concord candidates line: refused fusion attempts', () => {
  const cli = useCliDatabase(
    'tickets-refusal',
    async (db) => {
      const seed = await seedTicketsCoalition(db);
      const greens = await createActor(db, seed.coalition.id, 'delegate', member(seed, 1).id);
      // Michigan bars fusion: a second party line on this candidate is refused.
      const created = await inTx(db, (trx) =>
        proposeCandidate(trx, member(seed, 0).delegate, { name: 'Lou Ray', raceId: seed.raceId('MI-HD-3') }),
      );
      return { seed, greens, candidateId: created.id };
    },
    180_000,
  );
  const history = () => {
    const { seed, candidateId } = cli.seed;
    return cli.use((db) => inTx(db, (trx) => candidateHistory(trx, seed.secretariat, candidateId)));
  };

  it('exits 3 naming the state and records candidate.fusion_refused; a dry run records nothing', async () => {
    const { seed, greens, candidateId } = cli.seed;
    const as = ['--coalition', seed.coalition.slug, '--as', greens.email];
    const dry = await concord('candidates', 'line', candidateId, ...as, '--dry-run');
    expect(dry.exitCode).toBe(3);
    expect(dry.stderr).toContain('fusion.not_allowed');
    expect((await history()).filter((e) => e.action === 'candidate.fusion_refused')).toEqual([]);

    const refused = await concord('candidates', 'line', candidateId, ...as);
    expect(refused.exitCode).toBe(3);
    expect(refused.stderr).toContain('Michigan');
    const events = await history();
    const kept = events.filter((e) => e.action === 'candidate.fusion_refused');
    expect(kept).toHaveLength(1);
    expect(kept[0]?.message).toContain('Michigan');
    // The attempt itself changed nothing: no line was added.
    expect(events.filter((e) => e.action === 'candidate.line_added')).toEqual([]);
  });

  it('lists with --dissident as the API filters dissident=true (no ratified pact here: none)', async () => {
    const { seed, greens } = cli.seed;
    const staff = ['--coalition', seed.coalition.slug, '--as', greens.email, '--json'];
    const all = await concord('candidates', 'list', ...staff);
    expect(all.exitCode).toBe(0);
    expect(JSON.parse(all.stdout).map((c: { name: string }) => c.name)).toEqual(['Lou Ray']);
    const dissident = await concord('candidates', 'list', ...staff, '--dissident');
    expect(dissident.exitCode).toBe(0);
    expect(JSON.parse(dissident.stdout)).toEqual([]);
    // --limit reads the first page only (the same service as the API's keyset pages).
    const first = await concord('candidates', 'list', ...staff, '--limit', '1');
    expect(first.exitCode).toBe(0);
    expect(JSON.parse(first.stdout).map((c: { name: string }) => c.name)).toEqual(['Lou Ray']);
    const none = await concord('candidates', 'list', ...staff, '--limit', '0');
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('--limit takes a whole number from 1 to 500, not "0". [cli.invalid]');
  });
});
