import { describe, expect, it } from 'vitest';
import { codeOf, inTx, memberOf, seedCoalition } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { canonicalJson } from '../../core/audit/canonical-json.ts';
import { decideMajority } from '../../core/decide/decide.ts';
import { asOrganizationId, type Split } from '../../core/decide/types.ts';
import { DomainError } from '../../core/errors.ts';
import { getSettings, settingsPatchSchema, updateSettings, withdrawOrganization } from '../registry/index.ts';
import { castBallot } from './ballots.service.ts';
import { closeDecision } from './close.service.ts';
import { createDecision } from './create.service.ts';
import { findPublishedBallot, getDecisionView, listPublishedBallots } from './read.service.ts';

const database = useTestDatabase();

const choices = ['yes', 'no', 'abstain'] as const;
const splitOf = (choice: (typeof choices)[number]): Split => ({
  yes: choice === 'yes' ? 1000 : 0,
  no: choice === 'no' ? 1000 : 0,
  abstain: choice === 'abstain' ? 1000 : 0,
});

describe('secret ballots through their published result (issue 10, item 1)', () => {
  it('k is a validated coalition setting: 5 by default, 2 to 1000', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Solo' }]);
    expect((await getSettings(db, seed.coalition.id)).secrecyK).toBe(5);
    expect(settingsPatchSchema.safeParse({ secrecyK: 1 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ secrecyK: 2.5 }).success).toBe(false);
    await inTx(db, (trx) => updateSettings(trx, seed.admin, { secrecyK: 12 }));
    expect((await getSettings(db, seed.coalition.id)).secrecyK).toBe(12);
  });

  it('the issue example: weights 26/42/8/54/13/31 publish figures that fit at least 5 of the 729 assignments', async () => {
    const { db } = database();
    const strengths = [26, 42, 8, 54, 13, 31];
    const seed = await seedCoalition(
      db,
      strengths.map((strength, i) => ({ name: `Member ${i}`, strength })),
    );
    const input = {
      kind: 'motion' as const,
      title: 'Joint candidate',
      secret: true,
      weighting: 'strength' as const,
      weightCapPermille: null,
    };
    const refused = await inTx(db, (trx) => createDecision(trx, seed.secretariat, input)).catch((e) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: 'decision.weak_secrecy',
      details: { k: 5, warnings: [{ code: 'unique_tallies' }] },
    });
    const decision = await inTx(db, (trx) =>
      createDecision(trx, seed.secretariat, { ...input, acknowledgeWeakSecrecy: true }),
    );
    expect(decision.rules.secrecyWarnings.map((w) => w.code)).toEqual(['unique_tallies']);

    // yes 26 + 8 + 31 = 65, no 42 + 13 = 55, abstain 54: exact totals would identify this vote.
    const votes = ['yes', 'no', 'yes', 'abstain', 'no', 'yes'] as const;
    let ownReceipt = '';
    for (const [i, choice] of votes.entries()) {
      const m = memberOf(seed, i);
      const cast = await inTx(db, (trx) => castBallot(trx, m.delegate, decision.id, m.id, { choice }));
      if (i === 0) ownReceipt = cast.receipt;
    }
    await inTx(db, (trx) => closeDecision(trx, seed.secretariat, decision.id));
    const result = (await inTx(db, (trx) => getDecisionView(trx, seed.viewer, decision.id))).result;
    if (!result?.tally || !result.secrecy) throw new Error('no secret tally');
    expect(result.tally).toMatchObject({
      weighted: null,
      organizations: null,
      yesShare: null,
      outcome: 'passed',
    });
    expect(result.secrecy).toMatchObject({ k: 5, kMet: true, ballotsPublished: false });

    // Brute force: every assignment of yes/no/abstain to the six members, published by the same
    // rules with the same weights; count those whose published tally equals the real one.
    const orgs = strengths.map((_, i) => asOrganizationId(`o${i}`));
    const published = canonicalJson({ tally: result.tally, secrecy: result.secrecy });
    let fit = 0;
    for (let code = 0; code < 729; code++) {
      const ballots = orgs.map((organizationId, i) => ({
        organizationId,
        split: splitOf(choices[Math.floor(code / 3 ** i) % 3] ?? 'yes'),
      }));
      const other = decideMajority({
        method: { kind: 'majority' },
        weighting: { kind: 'strength', capPermille: null },
        quorum: { num: 1, den: 2 },
        voters: orgs.map((organizationId, i) => ({ organizationId, strength: strengths[i] ?? 0 })),
        ballots,
        secretK: 5,
      });
      const view = JSON.parse(JSON.stringify({ tally: other.tally, secrecy: other.secrecy }));
      if (canonicalJson(view) === published) fit += 1;
    }
    expect(fit).toBeGreaterThanOrEqual(5);

    const list = await inTx(db, (trx) => listPublishedBallots(trx, seed.viewer, decision.id));
    expect(list).toMatchObject({ ballotsPublished: false, ballots: [] });
    // The organization that holds a receipt can still find its own ballot.
    const own = await inTx(db, (trx) => findPublishedBallot(trx, seed.viewer, decision.id, ownReceipt));
    expect(own.choice).toBe('yes');
    const closedEvent = await db
      .selectFrom('audit_events')
      .select('payload')
      .where('coalition_id', '=', seed.coalition.id)
      .where('action', '=', 'decision.closed')
      .executeTakeFirstOrThrow();
    expect(closedEvent.payload).toMatchObject({ tally: { weighted: null, organizations: null } });
  });

  it('drops an excluded organization’s ballot without pointing at it', async () => {
    const { db } = database();
    const seed = await seedCoalition(
      db,
      Array.from({ length: 7 }, (_, i) => ({ name: `Party ${i}` })),
    );
    await inTx(db, (trx) => updateSettings(trx, seed.admin, { secrecyK: 2 }));
    const decision = await inTx(db, (trx) =>
      createDecision(trx, seed.secretariat, { kind: 'motion', title: 'Common platform', secret: true }),
    );
    const votes = ['yes', 'yes', 'yes', 'no', 'no', 'abstain'] as const;
    const receipts: string[] = [];
    for (const [i, choice] of votes.entries()) {
      const m = memberOf(seed, i);
      receipts.push(
        (await inTx(db, (trx) => castBallot(trx, m.delegate, decision.id, m.id, { choice }))).receipt,
      );
    }
    // The only abstention leaves the coalition before the close.
    const leaver = memberOf(seed, 5);
    await inTx(db, (trx) => withdrawOrganization(trx, leaver.delegate, leaver.id, 'Leaving'));
    await inTx(db, (trx) => closeDecision(trx, seed.secretariat, decision.id));

    const list = await inTx(db, (trx) => listPublishedBallots(trx, seed.viewer, decision.id));
    expect(list.ballotsPublished).toBe(true);
    expect(list.ballots).toHaveLength(5);
    expect(list.ballots.map((b) => b.receipt)).not.toContain(receipts[5]);
    expect(list.ballots.every((b) => b.counted)).toBe(true);
    expect(list.ballots.map((b) => b.choice).sort()).toEqual(['no', 'no', 'yes', 'yes', 'yes']);
    expect(
      await codeOf(inTx(db, (trx) => findPublishedBallot(trx, seed.viewer, decision.id, receipts[5] ?? ''))),
    ).toBe('ballot.not_found');
    const result = (await inTx(db, (trx) => getDecisionView(trx, seed.viewer, decision.id))).result;
    // Who left is public (their status is); their ballot is simply not there.
    expect(result?.excluded.map((e) => e.name)).toEqual(['Party 5']);
    expect(result?.tally?.organizations).toEqual({ yes: '3.000', no: '2.000', abstain: '0.000' });
  });
});
