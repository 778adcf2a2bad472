import { describe, expect, it } from 'vitest';
import { codeOf, inTx, memberOf, seedCoalition } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { canonicalJson } from '../../core/audit/canonical-json.ts';
import { sha256Hex } from '../audit/index.ts';
import { castBallot } from './ballots.service.ts';
import { closeDecision } from './close.service.ts';
import { createDecision } from './create.service.ts';
import { getDecisionView, listPublishedBallots } from './read.service.ts';

const database = useTestDatabase();
const member = memberOf;
const setup = (db: Parameters<typeof seedCoalition>[0], n = 5) =>
  seedCoalition(
    db,
    ['Red Party', 'Green Wave', 'Blue Union', 'Orange Bloc', 'Teal League']
      .slice(0, n)
      .map((name) => ({ name })),
  );
const motion = (extra: Partial<Parameters<typeof createDecision>[2]>) => ({
  kind: 'motion' as const,
  title: 'Motion',
  ...extra,
});

describe('ranked decisions', () => {
  it('ranks options by IRV with split delegations, publishes the rankings by receipt, and refuses ill-formed ballots', async () => {
    const { db } = database();
    const seed = await setup(db);
    const options = ['Ana Ruiz', 'Ben Ode', 'Cy Park'];
    const decision = await inTx(db, (trx) =>
      createDecision(
        trx,
        seed.secretariat,
        motion({ title: 'Candidate for governor', method: 'irv', options }),
      ),
    );
    const cast = (i: number, body: Parameters<typeof castBallot>[4]) =>
      inTx(db, (trx) => castBallot(trx, member(seed, i).delegate, decision.id, member(seed, i).id, body));
    expect(await codeOf(cast(0, { choice: 'yes' }))).toBe('ballot.wrong_form');
    expect(await codeOf(cast(0, { ranking: ['Ana Ruiz', 'Zed'] }))).toBe('ballot.unknown_option');
    expect(await codeOf(cast(0, { ranking: ['Ana Ruiz', 'Ana Ruiz'] }))).toBe('ballot.duplicate_option');
    await cast(0, { ranking: ['Ana Ruiz', 'Ben Ode'] });
    await cast(1, { ranking: ['Ana Ruiz', 'Cy Park'] });
    await cast(2, {
      rankings: [
        { ranking: ['Ben Ode', 'Cy Park'], share: 600 },
        { ranking: ['Cy Park'], share: 400 },
      ],
    });
    await cast(3, { ranking: ['Cy Park', 'Ben Ode'] });
    await cast(4, { ranking: ['Cy Park', 'Ana Ruiz'] });
    await inTx(db, (trx) => closeDecision(trx, seed.secretariat, decision.id));
    const view = await inTx(db, (trx) => getDecisionView(trx, seed.viewer, decision.id));
    expect(view.outcome).toBe('decided');
    expect(view.result?.tally).toBeNull();
    // Round 1: Ana 2, Ben 0.6, Cy 2.4; Ben out, his 0.6 goes to Cy: Cy 3.0 beats Ana 2.
    expect(view.result?.ranked).toMatchObject({ method: 'irv', winners: ['Cy Park'], outcome: 'decided' });
    expect(view.result?.ranked?.count?.rounds.map((r) => r.tallies)).toEqual([
      { 'Ana Ruiz': 2, 'Ben Ode': 0.6, 'Cy Park': 2.4 },
      { 'Ana Ruiz': 2, 'Cy Park': 3 },
    ]);
    const published = await inTx(db, (trx) => listPublishedBallots(trx, seed.viewer, decision.id));
    expect(published.ballots.every((b) => b.choice === 'ranking' && b.split === null)).toBe(true);
    const digest = sha256Hex(
      canonicalJson(published.ballots.map(({ receipt, parts }) => ({ receipt, parts }))),
    );
    expect(published.ballotsDigest).toBe(digest);
  });

  it('counts an approval vote for two seats', async () => {
    const { db } = database();
    const seed = await setup(db, 3);
    const decision = await inTx(db, (trx) =>
      createDecision(
        trx,
        seed.secretariat,
        motion({
          title: 'Two spokespeople',
          method: 'approval',
          seats: 2,
          options: ['Ana', 'Ben', 'Cy', 'Di'],
        }),
      ),
    );
    const approvals = [
      ['Ana', 'Ben'],
      ['Ben', 'Cy'],
      ['Ben', 'Ana', 'Di'],
    ];
    for (const [i, approve] of approvals.entries()) {
      const m = member(seed, i);
      await inTx(db, (trx) => castBallot(trx, m.delegate, decision.id, m.id, { approve }));
    }
    await inTx(db, (trx) => closeDecision(trx, seed.secretariat, decision.id));
    const ranked = (await inTx(db, (trx) => getDecisionView(trx, seed.viewer, decision.id))).result?.ranked;
    expect(ranked?.count?.rounds[0]?.tallies).toEqual({ Ana: 2, Ben: 3, Cy: 1, Di: 1 });
    expect(ranked?.winners).toEqual(['Ben', 'Ana']);
  });

  it('takes a blank ranking: the organization is counted as voting, its ballot prefers nothing, and the first cast is revision 1', async () => {
    const { db } = database();
    const seed = await setup(db, 3);
    const decision = await inTx(db, (trx) =>
      createDecision(trx, seed.secretariat, motion({ method: 'irv', options: ['Ana', 'Ben'] })),
    );
    const cast = (i: number, body: Parameters<typeof castBallot>[4]) =>
      inTx(db, (trx) => castBallot(trx, member(seed, i).delegate, decision.id, member(seed, i).id, body));
    const blank = await cast(0, { ranking: [] });
    expect(blank.revision).toBe(1);
    expect(blank.parts).toEqual([{ ranking: [], share: 1000 }]);
    expect((await cast(0, { ranking: ['Ben'] })).revision).toBe(2);
    expect((await cast(0, { ranking: [] })).revision).toBe(3);
    await cast(1, { ranking: ['Ana'] });
    await cast(2, { ranking: ['Ana', 'Ben'] });
    await inTx(db, (trx) => closeDecision(trx, seed.secretariat, decision.id));
    const ranked = (await inTx(db, (trx) => getDecisionView(trx, seed.viewer, decision.id))).result?.ranked;
    expect(ranked?.winners).toEqual(['Ana']);
    expect(ranked?.count?.rounds[0]?.tallies).toEqual({ Ana: 2, Ben: 0 });
    expect(ranked?.count?.rounds[0]?.exhausted).toBe(1);
  });
});
