import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, inTx } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { DomainError } from '../../core/errors.ts';
import { verifyAuditChain } from '../audit/index.ts';
import { castBallot, closeDecision } from '../decisions/index.ts';
import {
  addLine,
  checkNomination,
  endorseCandidate,
  getCandidate,
  proposeCandidate,
  recordFacts,
  removeLine,
  transitionCandidate,
} from './candidates.service.ts';
import { listAlerts, openDispute, resolveDispute } from './disputes.service.ts';
import { updateTicketSettings } from './settings.service.ts';
import {
  member,
  ratifyMichiganPact,
  seedTicketsCoalition,
  type TicketsSeed,
} from './tickets.test-fixtures.ts';

const database = useTestDatabase();

const errorOf = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (error: unknown) => {
      if (error instanceof DomainError) return error;
      throw error;
    },
  );

describe('candidates and nominations', () => {
  let seed: TicketsSeed;
  let workers: ReturnType<typeof member>;
  let greens: ReturnType<typeof member>;
  let liberals: ReturnType<typeof member>;

  beforeAll(async () => {
    const { db } = database();
    seed = await seedTicketsCoalition(db);
    [workers, greens, liberals] = [member(seed, 0), member(seed, 1), member(seed, 2)];
    await ratifyMichiganPact(db, seed);
  }, 120_000);

  it('a delegate proposes its own candidate; a joint ticket in New York puts two members on two lines', async () => {
    const { db } = database();
    const proposed = await inTx(db, (trx) =>
      proposeCandidate(trx, workers.delegate, { name: 'Rosa Diaz', raceId: seed.raceId('NY-SD-1') }),
    );
    expect(proposed).toMatchObject({
      status: 'proposed',
      memberName: "Workers' Front",
      race: { statePo: 'NY' },
    });
    const joint = await inTx(db, (trx) =>
      addLine(trx, greens.delegate, proposed.id, {
        kind: 'party',
        candidateIsMember: false,
        wilsonPakula: true,
      }),
    );
    expect(joint.lines.map((l) => l.memberName)).toEqual(["Workers' Front", 'Harbor Greens']);
    expect(joint.check.fusion).toMatchObject({ ok: true, display: 'separate', partyLines: 2 });
  });

  it('New York: a line nominating a non-member needs its Wilson-Pakula authorization', async () => {
    const { db } = database();
    const c = await inTx(db, (trx) =>
      proposeCandidate(trx, workers.delegate, { name: 'Sam Wu', raceId: seed.raceId('NY-SD-1') }),
    );
    const error = await errorOf(
      inTx(db, (trx) =>
        addLine(trx, greens.delegate, c.id, { kind: 'party', candidateIsMember: false, wilsonPakula: false }),
      ),
    );
    expect(error?.code).toBe('fusion.wilson_pakula_missing');
    expect(error?.kind).toBe('unprocessable');
  });

  it('Connecticut allows the joint ticket too', async () => {
    const { db } = database();
    const c = await inTx(db, (trx) =>
      proposeCandidate(trx, greens.delegate, { name: 'Ana Lopes', raceId: seed.raceId('CT-HD-1') }),
    );
    const joint = await inTx(db, (trx) =>
      addLine(trx, workers.delegate, c.id, { kind: 'party', candidateIsMember: true, wilsonPakula: false }),
    );
    expect(joint.check.fusion.ok).toBe(true);
  });

  it('Michigan refuses a second party line with a 422 naming the state and the rule, offering endorsement; the endorsement is accepted', async () => {
    const { db } = database();
    const c = await inTx(db, (trx) =>
      proposeCandidate(trx, workers.delegate, { name: 'Lee Park', raceId: seed.raceId('MI-HD-3') }),
    );
    const error = await errorOf(
      inTx(db, (trx) =>
        addLine(trx, greens.delegate, c.id, { kind: 'party', candidateIsMember: true, wilsonPakula: false }),
      ),
    );
    expect(error).toMatchObject({ kind: 'unprocessable', code: 'fusion.not_allowed' });
    expect(error?.message).toContain('Michigan');
    expect(error?.details).toMatchObject({ state: 'Michigan', statePo: 'MI', offer: 'endorsement' });
    expect(String(error?.details?.rule)).toContain('CT, MS, NY, OR, VT');
    const after = await inTx(db, (trx) => getCandidate(trx, seed.viewer, c.id));
    expect(after.lines).toHaveLength(1);
    const endorsed = await inTx(db, (trx) =>
      addLine(trx, greens.delegate, c.id, {
        kind: 'endorsement',
        candidateIsMember: true,
        wilsonPakula: false,
      }),
    );
    expect(endorsed.lines.map((l) => l.kind)).toEqual(['party', 'endorsement']);
  });

  it('the live check reports the same refusal without storing anything', async () => {
    const { db } = database();
    const check = await inTx(db, (trx) =>
      checkNomination(trx, workers.delegate, {
        raceId: seed.raceId('MI-HD-3'),
        lines: [
          { kind: 'party', candidateIsMember: true, wilsonPakula: false },
          { kind: 'party', organizationId: greens.id, candidateIsMember: true, wilsonPakula: false },
        ],
      }),
    );
    expect(check.ok).toBe(false);
    expect(check.fusion.problems[0]).toMatchObject({ code: 'fusion.not_allowed', statePo: 'MI' });
  });

  it('New Hampshire asks for the write-in fact and records it; Idaho needs a manual ruling by staff', async () => {
    const { db } = database();
    const nh = await inTx(db, (trx) =>
      proposeCandidate(trx, workers.delegate, { name: 'Kim Moss', raceId: seed.raceId('NH-HD-1') }),
    );
    expect(
      await codeOf(
        inTx(db, (trx) =>
          addLine(trx, greens.delegate, nh.id, {
            kind: 'party',
            candidateIsMember: true,
            wilsonPakula: false,
          }),
        ),
      ),
    ).toBe('fusion.write_in_fact_required');
    await inTx(db, (trx) => recordFacts(trx, workers.delegate, nh.id, { writeInPrimaryWon: true }));
    const fused = await inTx(db, (trx) =>
      addLine(trx, greens.delegate, nh.id, { kind: 'party', candidateIsMember: true, wilsonPakula: false }),
    );
    expect(fused.check.fusion.ok).toBe(true);
    expect(fused.facts.writeInPrimaryWon).toBe(true);

    const id = await inTx(db, (trx) =>
      proposeCandidate(trx, workers.delegate, { name: 'Jo Hale', raceId: seed.raceId('ID-HD-1') }),
    );
    expect(
      await codeOf(
        inTx(db, (trx) =>
          addLine(trx, greens.delegate, id.id, {
            kind: 'party',
            candidateIsMember: true,
            wilsonPakula: false,
          }),
        ),
      ),
    ).toBe('fusion.ruling_required');
    expect(
      await codeOf(
        inTx(db, (trx) =>
          recordFacts(trx, workers.delegate, id.id, { manualRuling: { allowed: true, note: 'counsel' } }),
        ),
      ),
    ).toBe('auth.forbidden');
    await inTx(db, (trx) =>
      recordFacts(trx, seed.secretariat, id.id, {
        manualRuling: { allowed: true, note: 'Counsel read Idaho Code 34-704' },
      }),
    );
    const ruled = await inTx(db, (trx) =>
      addLine(trx, greens.delegate, id.id, { kind: 'party', candidateIsMember: true, wilsonPakula: false }),
    );
    expect(ruled.facts.manualRuling).toMatchObject({ allowed: true, note: 'Counsel read Idaho Code 34-704' });
  });

  it('outside the US the coalition setting decides whether one candidate takes two lines', async () => {
    const { db } = database();
    const c = await inTx(db, (trx) =>
      proposeCandidate(trx, workers.delegate, { name: 'Ana Verde', raceId: seed.raceId('RS-01') }),
    );
    expect(
      await codeOf(
        inTx(db, (trx) =>
          addLine(trx, greens.delegate, c.id, {
            kind: 'party',
            candidateIsMember: true,
            wilsonPakula: false,
          }),
        ),
      ),
    ).toBe('fusion.not_allowed_by_coalition');
    await inTx(db, (trx) => updateTicketSettings(trx, seed.secretariat, { nonUsMultipleLines: true }));
    const two = await inTx(db, (trx) =>
      addLine(trx, greens.delegate, c.id, { kind: 'party', candidateIsMember: true, wilsonPakula: false }),
    );
    expect(two.check.fusion.ok).toBe(true);
    await inTx(db, (trx) => updateTicketSettings(trx, seed.secretariat, { nonUsMultipleLines: false }));
  });

  it('members manage only their own candidates and lines', async () => {
    const { db } = database();
    const c = await inTx(db, (trx) =>
      proposeCandidate(trx, workers.delegate, { name: 'Own Only', raceId: seed.raceId('CT-HD-1') }),
    );
    expect(
      await codeOf(
        inTx(db, (trx) =>
          proposeCandidate(trx, greens.delegate, {
            name: 'X',
            raceId: seed.raceId('CT-HD-1'),
            organizationId: workers.id,
          }),
        ),
      ),
    ).toBe('candidate.not_your_member');
    expect(
      await codeOf(
        inTx(db, (trx) =>
          transitionCandidate(trx, greens.delegate, c.id, { action: 'reject', reason: 'withdrawn' }),
        ),
      ),
    ).toBe('candidate.not_your_member');
    expect(
      await codeOf(inTx(db, (trx) => recordFacts(trx, greens.delegate, c.id, { writeInPrimaryWon: true }))),
    ).toBe('candidate.not_your_member');
    expect(
      await codeOf(
        inTx(db, (trx) =>
          addLine(trx, greens.delegate, c.id, {
            kind: 'party',
            organizationId: liberals.id,
            candidateIsMember: true,
            wilsonPakula: false,
          }),
        ),
      ),
    ).toBe('candidate.not_your_member');
    const own = c.lines[0]?.id ?? '';
    expect(await codeOf(inTx(db, (trx) => removeLine(trx, greens.delegate, c.id, own)))).toBe(
      'line.not_yours',
    );
    expect(await codeOf(inTx(db, (trx) => endorseCandidate(trx, workers.delegate, c.id)))).toBe(
      'auth.forbidden',
    );
    expect(
      await codeOf(
        inTx(db, (trx) =>
          proposeCandidate(trx, seed.viewer, {
            name: 'V',
            raceId: seed.raceId('CT-HD-1'),
            organizationId: workers.id,
          }),
        ),
      ),
    ).toBe('auth.forbidden');
    expect(
      await codeOf(
        inTx(db, (trx) =>
          addLine(trx, workers.delegate, c.id, {
            kind: 'coalition',
            candidateIsMember: true,
            wilsonPakula: false,
          }),
        ),
      ),
    ).toBe('auth.forbidden');
    const after = await inTx(db, (trx) => getCandidate(trx, seed.viewer, c.id));
    expect(after).toMatchObject({
      status: 'proposed',
      lines: [expect.objectContaining({ organizationId: workers.id })],
    });
    expect(after.lines).toHaveLength(1);
  });

  it('lifecycle: endorsed by the secretariat, filed, on the ballot; every step audited; wrong steps refused', async () => {
    const { db } = database();
    const c = await inTx(db, (trx) =>
      proposeCandidate(trx, liberals.delegate, { name: 'Pat Reyes', raceId: seed.raceId('CT-HD-1') }),
    );
    expect(
      await codeOf(inTx(db, (trx) => transitionCandidate(trx, liberals.delegate, c.id, { action: 'file' }))),
    ).toBe('candidate.transition_invalid');
    await inTx(db, (trx) => endorseCandidate(trx, seed.secretariat, c.id));
    await inTx(db, (trx) => transitionCandidate(trx, liberals.delegate, c.id, { action: 'file' }));
    expect(
      await codeOf(
        inTx(db, (trx) => transitionCandidate(trx, liberals.delegate, c.id, { action: 'certify' })),
      ),
    ).toBe('auth.forbidden');
    const onBallot = await inTx(db, (trx) =>
      transitionCandidate(trx, seed.secretariat, c.id, { action: 'certify' }),
    );
    expect(onBallot.status).toBe('on_ballot');
    expect(
      await codeOf(inTx(db, (trx) => transitionCandidate(trx, seed.secretariat, c.id, { action: 'reject' }))),
    ).toBe('candidate.reason_required');
    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'subject'])
      .where('coalition_id', '=', seed.coalition.id)
      .execute();
    const mine = events
      .filter((e) => (e.subject as { id?: string } | null)?.id === c.id)
      .map((e) => e.action);
    expect(mine).toEqual([
      'candidate.proposed',
      'candidate.endorsed',
      'candidate.filed',
      'candidate.on_ballot',
    ]);
    expect((await verifyAuditChain(db, seed.coalition.id)).ok).toBe(true);
  });

  it('endorsement by decision when the settings say so', async () => {
    const { db } = database();
    await inTx(db, (trx) => updateTicketSettings(trx, seed.admin, { endorsementBy: 'decision' }));
    try {
      const c = await inTx(db, (trx) =>
        proposeCandidate(trx, greens.delegate, { name: 'Dee Noor', raceId: seed.raceId('CT-HD-1') }),
      );
      const pending = await inTx(db, (trx) => endorseCandidate(trx, seed.secretariat, c.id));
      expect(pending.status).toBe('proposed');
      const decisionId = pending.endorsementDecisionId ?? '';
      expect(await codeOf(inTx(db, (trx) => endorseCandidate(trx, seed.secretariat, c.id)))).toBe(
        'candidate.endorsement_pending',
      );
      for (const m of seed.members)
        await inTx(db, (trx) => castBallot(trx, m.delegate, decisionId, m.id, { choice: 'yes' }));
      await inTx(db, (trx) => closeDecision(trx, seed.secretariat, decisionId));
      const endorsed = await inTx(db, (trx) => endorseCandidate(trx, seed.secretariat, c.id));
      expect(endorsed.status).toBe('endorsed');
    } finally {
      await inTx(db, (trx) => updateTicketSettings(trx, seed.admin, { endorsementBy: 'secretariat' }));
    }
  });

  it('flags a dissident candidacy for the right race, never for an open race or the pact member; audit and alerts list it', async () => {
    const { db } = database();
    // MI-HD-1 went to the Greens: the Workers running there is dissident.
    const dissident = await inTx(db, (trx) =>
      proposeCandidate(trx, workers.delegate, { name: 'Max Stone', raceId: seed.raceId('MI-HD-1') }),
    );
    expect(dissident.dissident).toEqual([
      expect.objectContaining({
        raceKey: 'MI-HD-1',
        assignedTo: greens.id,
        assignedToName: 'Harbor Greens',
        dissident: workers.id,
      }),
    ]);
    expect(dissident.check.pact.ok).toBe(false);
    const faithful = await inTx(db, (trx) =>
      proposeCandidate(trx, greens.delegate, { name: 'Gil Shore', raceId: seed.raceId('MI-HD-1') }),
    );
    expect(faithful.dissident).toEqual([]);
    const open = await inTx(db, (trx) =>
      proposeCandidate(trx, liberals.delegate, { name: 'Opal Free', raceId: seed.raceId('MI-HD-3') }),
    );
    expect(open.dissident).toEqual([]);
    const other = await inTx(db, (trx) =>
      proposeCandidate(trx, liberals.delegate, { name: 'Ned Row', raceId: seed.raceId('MI-HD-2') }),
    );
    expect(other.dissident[0]).toMatchObject({ raceKey: 'MI-HD-2', assignedTo: workers.id });

    const flagged = await db
      .selectFrom('audit_events')
      .select(['action', 'subject', 'payload'])
      .where('coalition_id', '=', seed.coalition.id)
      .where('action', '=', 'candidate.dissident_flagged')
      .execute();
    expect(flagged.map((e) => (e.subject as { id: string }).id).sort()).toEqual(
      [dissident.id, other.id].sort(),
    );
    const alerts = await inTx(db, (trx) => listAlerts(trx, seed.viewer));
    expect(alerts.map((a) => a.candidateName).sort()).toEqual(['Max Stone', 'Ned Row']);

    // A joint nomination by the pact's member clears the flag.
    const cleared = await inTx(db, (trx) =>
      addLine(trx, workers.delegate, other.id, {
        kind: 'endorsement',
        candidateIsMember: true,
        wilsonPakula: false,
      }),
    );
    expect(cleared.dissident).toEqual([]);
  });

  it('a dispute creates a decision with the three remedies; the outcome is carried out and recorded', async () => {
    const { db } = database();
    const c = await inTx(db, (trx) =>
      proposeCandidate(trx, liberals.delegate, { name: 'Vic Dale', raceId: seed.raceId('MI-HD-1') }),
    );
    expect(await codeOf(inTx(db, (trx) => openDispute(trx, liberals.delegate, c.id)))).toBe('auth.forbidden');
    const opened = await inTx(db, (trx) => openDispute(trx, seed.secretariat, c.id));
    const decisionId = opened.dispute.decisionId ?? '';
    const decision = await db
      .selectFrom('decisions')
      .select(['method', 'rules', 'kind'])
      .where('id', '=', decisionId)
      .executeTakeFirstOrThrow();
    expect(decision.method).toBe('irv');
    expect((decision.rules as { options: string[] }).options).toEqual([
      'Withdraw the candidacy',
      'Accept as an exception and amend the pact',
      'Sanction under the charter',
    ]);
    expect(await codeOf(inTx(db, (trx) => resolveDispute(trx, seed.secretariat, c.id)))).toBe(
      'dispute.pending',
    );
    for (const m of seed.members)
      await inTx(db, (trx) =>
        castBallot(trx, m.delegate, decisionId, m.id, {
          ranking: ['Withdraw the candidacy', 'Sanction under the charter'],
        }),
      );
    await inTx(db, (trx) => closeDecision(trx, seed.secretariat, decisionId));
    const resolved = await inTx(db, (trx) => resolveDispute(trx, seed.secretariat, c.id));
    expect(resolved).toMatchObject({
      status: 'rejected',
      statusReason: 'withdrawn',
      dispute: { outcome: 'withdraw' },
    });
  });
});
