import { describe, expect, it } from 'vitest';
import { codeOf, createActor, inTx, memberOf, seedCoalition } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { canonicalJson } from '../../core/audit/canonical-json.ts';
import { DomainError } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { sha256Hex, verifyAuditChain } from '../audit/index.ts';
import {
  createOrganization,
  getCharterStatus,
  getOrganizationDetail,
  ratifyCharter,
  submitEvidence,
  updateSettings,
  verifyEvidence,
} from '../registry/index.ts';
import { castBallot } from './ballots.service.ts';
import { closeDecision } from './close.service.ts';
import { createDecision } from './create.service.ts';
import type { CreateDecisionInput } from './decisions.schema.ts';
import { getDecisionView, listDecisionViews, listPublishedBallots } from './read.service.ts';

const database = useTestDatabase();

const names = ['Red Party', 'Green Wave', 'Blue Union', 'Orange Bloc', 'Teal League'];

async function setup(db: Db, strengths: number[] = [100, 100, 100, 100, 100]) {
  return seedCoalition(
    db,
    strengths.map((strength, i) => ({ name: names[i] ?? `Member ${i}`, strength })),
  );
}

const member = memberOf;

const motion = (extra: Partial<CreateDecisionInput> = {}): CreateDecisionInput => ({
  kind: 'motion',
  title: 'Adopt the common platform',
  ...extra,
});

describe('decisions', () => {
  it('counts split ballots, keeps one ballot per organization with a stable receipt, and refuses ballots once closed', async () => {
    const { db } = database();
    const seed = await setup(db);
    const decision = await inTx(db, (trx) => createDecision(trx, seed.secretariat, motion()));
    expect(decision).toMatchObject({
      phase: 'open',
      method: 'majority',
      participation: { eligible: 5, voted: 0 },
    });

    const cast = (i: number, body: Parameters<typeof castBallot>[4]) =>
      inTx(db, (trx) => castBallot(trx, member(seed, i).delegate, decision.id, member(seed, i).id, body));
    const first = await cast(0, { choice: 'no' });
    const changed = await cast(0, { split: { yes: 700, no: 300, abstain: 0 } });
    expect(changed).toMatchObject({ receipt: first.receipt, revision: 2 });
    await cast(1, { choice: 'no' });
    await cast(2, { choice: 'abstain' });
    await cast(3, { split: { yes: 400, no: 600, abstain: 0 } });

    const mine = await inTx(db, (trx) => getDecisionView(trx, member(seed, 0).delegate, decision.id));
    expect(mine.myBallot).toMatchObject({ receipt: first.receipt, split: { yes: 700, no: 300, abstain: 0 } });
    expect(mine.result).toBeNull();

    const closed = await inTx(db, (trx) => closeDecision(trx, seed.secretariat, decision.id));
    expect(closed.status).toBe('closed');
    const view = await inTx(db, (trx) => getDecisionView(trx, seed.viewer, decision.id));
    expect(view.result?.tally).toMatchObject({
      quorum: { eligible: 5, voted: 4, needed: 3, met: true },
      weighted: { yes: '1.100', no: '1.900', abstain: '1.000' },
      outcome: 'rejected',
    });
    expect(view.result?.closeReason).toBe('staff');
    expect(view.result?.ballots?.map((b) => b.name).sort()).toEqual([
      'Blue Union',
      'Green Wave',
      'Orange Bloc',
      'Red Party',
    ]);

    expect(await codeOf(cast(4, { choice: 'yes' }))).toBe('decision.closed');
    expect(await codeOf(inTx(db, (trx) => closeDecision(trx, seed.secretariat, decision.id)))).toBe(
      'decision.closed',
    );
    expect((await verifyAuditChain(db, seed.coalition.id)).ok).toBe(true);
  });

  it('keeps a secret ballot secret: no choices in the audit log, ballots published by receipt only, digest reproducible', async () => {
    const { db } = database();
    const seed = await setup(db);
    const decision = await inTx(db, (trx) => createDecision(trx, seed.secretariat, motion({ secret: true })));
    const receipts: string[] = [];
    for (const [i, choice] of (['yes', 'yes', 'no'] as const).entries()) {
      const m = member(seed, i);
      receipts.push(
        (await inTx(db, (trx) => castBallot(trx, m.delegate, decision.id, m.id, { choice }))).receipt,
      );
    }
    expect(await codeOf(inTx(db, (trx) => listPublishedBallots(trx, seed.viewer, decision.id)))).toBe(
      'decision.not_closed',
    );
    await inTx(db, (trx) => closeDecision(trx, seed.admin, decision.id));

    const published = await inTx(db, (trx) => listPublishedBallots(trx, seed.viewer, decision.id));
    expect(published.ballots.map((b) => b.receipt)).toEqual([...receipts].sort());
    expect(published.ballots.every((b) => b.organization === null)).toBe(true);
    expect(published.ballots.map((b) => b.choice).sort()).toEqual(['no', 'yes', 'yes']);
    const digest = sha256Hex(
      canonicalJson(published.ballots.map(({ receipt, split }) => ({ receipt, split }))),
    );
    expect(published.ballotsDigest).toBe(digest);

    const view = await inTx(db, (trx) => getDecisionView(trx, seed.viewer, decision.id));
    expect(view.result?.ballots).toBeNull();
    expect(view.result?.tally?.outcome).toBe('passed');
    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'payload'])
      .where('coalition_id', '=', seed.coalition.id)
      .where('action', 'in', ['ballot.cast', 'decision.closed'])
      .execute();
    for (const event of events.filter((e) => e.action === 'ballot.cast')) {
      expect(Object.keys(event.payload).sort()).toEqual(['organizationId', 'revision']);
    }
    expect(events.find((e) => e.action === 'decision.closed')?.payload).toMatchObject({
      ballotsDigest: digest,
      ballots: null,
    });
  });

  it('closes by itself once the window has passed, at the next read, with the close time of the window', async () => {
    const { db } = database();
    const seed = await setup(db);
    const t0 = new Date('2030-03-01T09:00:00Z');
    const decision = await inTx(db, (trx) =>
      createDecision(trx, seed.secretariat, motion({ closesAt: '2030-03-02T09:00:00Z' }), t0),
    );
    const m = member(seed, 0);
    await inTx(db, (trx) =>
      castBallot(trx, m.delegate, decision.id, m.id, { choice: 'yes' }, new Date('2030-03-01T10:00:00Z')),
    );
    const after = new Date('2030-03-02T09:00:01Z');
    expect(
      await codeOf(
        inTx(db, (trx) => castBallot(trx, m.delegate, decision.id, m.id, { choice: 'no' }, after)),
      ),
    ).toBe('decision.closed');
    const list = await inTx(db, (trx) => listDecisionViews(trx, seed.viewer, {}, after));
    expect(list.find((d) => d.id === decision.id)).toMatchObject({ phase: 'closed', outcome: 'no_quorum' });
    const view = await inTx(db, (trx) => getDecisionView(trx, seed.viewer, decision.id, after));
    expect(view.result).toMatchObject({ closeReason: 'window', closedAt: '2030-03-02T09:00:00.000Z' });
    expect(view.closedAt).toBe('2030-03-02T09:00:00.000Z');
  });

  it('refuses to put a failing application to a vote, saying which rule fails and by how much', async () => {
    const { db } = database();
    const seed = await setup(db);
    await inTx(db, (trx) =>
      updateSettings(trx, seed.admin, {
        admissionRule: {
          all: [{ metric: 'members', atLeast: 500, verifiedOnly: true }, { charterRatified: true }],
        },
      }),
    );
    const applicant = await inTx(db, (trx) =>
      createOrganization(trx, seed.secretariat, { name: 'Purple Front', kind: 'movement' }),
    );
    const delegate = await createActor(db, seed.coalition.id, 'delegate', applicant.id);
    const evidence = await inTx(db, (trx) =>
      submitEvidence(trx, delegate, applicant.id, {
        metric: 'members',
        value: 450,
        asOf: '2026-09-01',
        source: 'register',
      }),
    );
    await inTx(db, (trx) => verifyEvidence(trx, seed.secretariat, applicant.id, evidence.id));
    const admission = {
      kind: 'admission' as const,
      title: 'Admit Purple Front',
      subjectOrganizationId: applicant.id,
    };
    const refused = await inTx(db, (trx) => createDecision(trx, seed.secretariat, admission)).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ kind: 'unprocessable', code: 'admission.rules_not_met' });
    expect((refused as DomainError).details?.failures).toEqual([
      expect.objectContaining({ path: 'all[0]', actual: 450, required: 500, shortBy: 50 }),
      expect.objectContaining({ path: 'all[1]', actual: 0, shortBy: 1 }),
    ]);

    const more = await inTx(db, (trx) =>
      submitEvidence(trx, delegate, applicant.id, {
        metric: 'members',
        value: 520,
        asOf: '2026-11-01',
        source: 'register',
      }),
    );
    await inTx(db, async (trx) => {
      await verifyEvidence(trx, seed.secretariat, applicant.id, more.id);
      await ratifyCharter(trx, delegate, applicant.id);
    });
    const decision = await inTx(db, (trx) => createDecision(trx, seed.secretariat, admission));
    expect(
      await codeOf(
        inTx(db, (trx) => castBallot(trx, delegate, decision.id, applicant.id, { choice: 'yes' })),
      ),
    ).toBe('ballot.not_eligible');
    for (const i of [0, 1, 2]) {
      const m = member(seed, i);
      await inTx(db, (trx) => castBallot(trx, m.delegate, decision.id, m.id, { choice: 'yes' }));
    }
    await inTx(db, (trx) => closeDecision(trx, seed.secretariat, decision.id));
    const detail = await getOrganizationDetail(db, seed.viewer, applicant.id);
    expect(detail.status).toBe('member');
    expect(detail.history.at(-1)).toMatchObject({
      fromStatus: 'applicant',
      toStatus: 'member',
      decisionId: decision.id,
    });
    expect((await inTx(db, (trx) => getDecisionView(trx, seed.viewer, decision.id))).result?.applied).toBe(
      'status applicant → member',
    );
  });

  it('gives due process to a suspension: grounds required, the member recused, and once suspended it cannot vote', async () => {
    const { db } = database();
    const seed = await setup(db);
    const accused = member(seed, 4);
    const base = {
      kind: 'suspension' as const,
      title: 'Suspend Teal League',
      subjectOrganizationId: accused.id,
    };
    expect(await codeOf(inTx(db, (trx) => createDecision(trx, seed.secretariat, base)))).toBe(
      'decision.grounds_required',
    );
    const decision = await inTx(db, (trx) =>
      createDecision(trx, seed.secretariat, {
        ...base,
        grounds: 'Ran candidates against the agreed pact in 3 districts.',
      }),
    );
    expect(decision.roll.recused).toEqual([
      { organizationId: accused.id, name: 'Teal League', reason: 'subject of the decision' },
    ]);
    expect(decision.participation.eligible).toBe(4);
    expect(
      await codeOf(
        inTx(db, (trx) => castBallot(trx, accused.delegate, decision.id, accused.id, { choice: 'no' })),
      ),
    ).toBe('ballot.recused');
    expect(
      await codeOf(
        inTx(db, (trx) =>
          createDecision(trx, seed.secretariat, { ...base, grounds: 'Again, the same charge.' }),
        ),
      ),
    ).toBe('decision.subject_busy');
    const other = await inTx(db, (trx) => createDecision(trx, seed.secretariat, motion()));
    for (const i of [0, 1, 2]) {
      const m = member(seed, i);
      await inTx(db, (trx) => castBallot(trx, m.delegate, decision.id, m.id, { choice: 'yes' }));
    }
    await inTx(db, (trx) => closeDecision(trx, seed.secretariat, decision.id));
    expect((await getOrganizationDetail(db, seed.viewer, accused.id)).status).toBe('suspended');
    expect(
      await codeOf(
        inTx(db, (trx) => castBallot(trx, accused.delegate, other.id, accused.id, { choice: 'yes' })),
      ),
    ).toBe('organization.suspended');
    // Suspended after the roll was made: not counted in the other decision's quorum either.
    await inTx(db, (trx) => closeDecision(trx, seed.secretariat, other.id));
    const result = (await inTx(db, (trx) => getDecisionView(trx, seed.viewer, other.id))).result;
    expect(result?.tally?.quorum.eligible).toBe(4);
    expect(result?.excluded).toEqual([
      { organizationId: accused.id, name: 'Teal League', reason: 'suspended when the decision closed' },
    ]);
  });

  it('adopts a charter amendment as a new version that every member must ratify again', async () => {
    const { db } = database();
    const seed = await setup(db, [100, 100, 100]);
    const planks = [
      { title: 'Democracy', text: 'We decide together, by the rules we set.' },
      { title: 'Autonomy', text: 'Every member keeps its own identity.' },
      { title: 'Solidarity', text: 'An attack on one member is an attack on all.' },
    ];
    const decision = await inTx(db, (trx) =>
      createDecision(trx, seed.secretariat, {
        kind: 'charter_amendment',
        title: 'Add solidarity',
        proposal: { planks },
      }),
    );
    expect(decision.method).toBe('supermajority');
    for (const i of [0, 1, 2]) {
      const m = member(seed, i);
      await inTx(db, (trx) => castBallot(trx, m.delegate, decision.id, m.id, { choice: 'yes' }));
    }
    await inTx(db, (trx) => closeDecision(trx, seed.secretariat, decision.id));
    const charter = await getCharterStatus(db, seed.viewer);
    expect(charter.current).toMatchObject({ version: 2, decisionId: decision.id, planks });
    expect(charter.notRatified).toHaveLength(3);
  });

  it('weighs by strength with a cap and decides a double majority exactly', async () => {
    const { db } = database();
    const seed = await setup(db, [6000, 2000, 1000, 1000]);
    const decision = await inTx(db, (trx) =>
      createDecision(
        trx,
        seed.secretariat,
        motion({ method: 'double_majority', weighting: 'strength', weightCapPermille: 400 }),
      ),
    );
    const votes = ['yes', 'no', 'yes', 'no'] as const;
    for (const [i, choice] of votes.entries()) {
      const m = member(seed, i);
      await inTx(db, (trx) => castBallot(trx, m.delegate, decision.id, m.id, { choice }));
    }
    await inTx(db, (trx) => closeDecision(trx, seed.secretariat, decision.id));
    const result = (await inTx(db, (trx) => getDecisionView(trx, seed.viewer, decision.id))).result;
    expect(result?.eligible.map((e) => [e.name, e.weight, e.share, e.capped])).toEqual([
      ['Blue Union', '3', '0.150000', false],
      ['Green Wave', '6', '0.300000', false],
      ['Orange Bloc', '3', '0.150000', false],
      ['Red Party', '8', '0.400000', true],
    ]);
    expect(result?.tally).toMatchObject({
      weighted: { yes: '11.000', no: '9.000' },
      organizations: { yes: '2.000', no: '2.000' },
      outcome: 'rejected',
    });
  });

  it('validates the shape of a decision', async () => {
    const { db } = database();
    const seed = await setup(db, [100]);
    const create = (input: CreateDecisionInput) =>
      codeOf(inTx(db, (trx) => createDecision(trx, seed.secretariat, input)));
    expect(await create(motion({ method: 'double_majority' }))).toBe(
      'decision.double_majority_needs_strength',
    );
    expect(await create(motion({ method: 'supermajority', threshold: { num: 1, den: 2 } }))).toBe(
      'decision.threshold_invalid',
    );
    expect(await create({ kind: 'admission', title: 'x' })).toBe('decision.subject_required');
    expect(await create({ kind: 'charter_amendment', title: 'x' })).toBe('decision.proposal_required');
    expect(await create(motion({ method: 'irv' }))).toBe('decision.options_required');
    expect(await create(motion({ method: 'irv', options: ['A', 'B'], seats: 2 }))).toBe(
      'decision.seats_invalid',
    );
    expect(await create(motion({ options: ['A', 'B'] }))).toBe('decision.options_not_allowed');
    expect(
      await create({
        kind: 'expulsion',
        title: 'x',
        method: 'irv',
        subjectOrganizationId: member(seed, 0).id,
        grounds: 'g',
      }),
    ).toBe('decision.ranked_only_for_motions');
    expect(await create(motion({ closesAt: '2001-01-01T00:00:00Z' }))).toBe('decision.window_invalid');
    expect(
      await create({ kind: 'reinstatement', title: 'x', subjectOrganizationId: member(seed, 0).id }),
    ).toBe('decision.subject_status');
    expect(await codeOf(inTx(db, (trx) => createDecision(trx, member(seed, 0).delegate, motion())))).toBe(
      'auth.forbidden',
    );
  });
});
