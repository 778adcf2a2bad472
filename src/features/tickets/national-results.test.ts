import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, inTx } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { DomainError } from '../../core/errors.ts';
import { castBallot, closeDecision } from '../decisions/index.ts';
import { addLine, endorseCandidate, proposeCandidate, transitionCandidate } from './candidates.service.ts';
import { inTransactionMaybeDry } from './dry-run.ts';
import { listNationalTicketViews, proposeNationalTicket, settleOverride } from './national.service.ts';
import { importResults, pactResultsReport } from './results.service.ts';
import { updateTicketSettings } from './settings.service.ts';
import { resultsReportSchema } from './tickets.schema.ts';
import {
  member,
  ratifyMichiganPact,
  seedTicketsCoalition,
  type TicketsSeed,
} from './tickets.test-fixtures.ts';

const database = useTestDatabase();

describe('the national split ticket', () => {
  let seed: TicketsSeed;
  beforeAll(async () => {
    seed = await seedTicketsCoalition(database().db);
    await inTx(database().db, (trx) => updateTicketSettings(trx, seed.admin, { splitTicket: true }));
  }, 120_000);

  it('passes a left–right ticket, refuses the same side on top next cycle naming it, and passes it by an override decision', async () => {
    const { db } = database();
    const [workers, greens, liberals] = [member(seed, 0), member(seed, 1), member(seed, 2)];
    const first = await inTx(db, (trx) =>
      proposeNationalTicket(trx, seed.secretariat, {
        cycle: 2028,
        office: 'us_president',
        top: { name: 'Ada Left', organizationId: workers.id },
        second: { name: 'Ben Right', organizationId: liberals.id },
        requestOverride: false,
      }),
    );
    expect(first).toMatchObject({ status: 'accepted', top: { side: 'left' }, second: { side: 'right' } });

    const again = {
      cycle: 2032,
      office: 'us_president',
      top: { name: 'Cy Left', organizationId: greens.id },
      second: { name: 'Dot Right', organizationId: liberals.id },
    };
    const refused = await inTx(db, (trx) =>
      proposeNationalTicket(trx, seed.secretariat, { ...again, requestOverride: false }),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      kind: 'unprocessable',
      code: 'ticket.split_rule',
      details: { previousCycle: 2028, previousTopSide: 'left' },
    });
    expect((refused as DomainError).message).toContain('2028');
    expect(
      await codeOf(
        inTx(db, (trx) =>
          proposeNationalTicket(trx, seed.secretariat, {
            ...again,
            top: again.second,
            second: { name: 'Eve', organizationId: workers.id },
            requestOverride: false,
          }),
        ),
      ),
    ).toBe('resolved');

    // 2036: both on the left, put to an override decision (2/3 supermajority by default).
    const pending = await inTx(db, (trx) =>
      proposeNationalTicket(trx, seed.secretariat, {
        cycle: 2036,
        office: 'us_president',
        top: { name: 'Fay', organizationId: workers.id },
        second: { name: 'Gus', organizationId: greens.id },
        requestOverride: true,
      }),
    );
    expect(pending.status).toBe('pending_override');
    const decision = await db
      .selectFrom('decisions')
      .select(['method', 'rules'])
      .where('id', '=', pending.overrideDecisionId ?? '')
      .executeTakeFirstOrThrow();
    expect(decision.method).toBe('supermajority');
    expect((decision.rules as { threshold: unknown }).threshold).toEqual({ num: 2, den: 3 });
    expect(await codeOf(inTx(db, (trx) => settleOverride(trx, seed.secretariat, pending.id)))).toBe(
      'ticket.override_pending',
    );
    for (const m of seed.members)
      await inTx(db, (trx) =>
        castBallot(trx, m.delegate, pending.overrideDecisionId ?? '', m.id, { choice: 'yes' }),
      );
    await inTx(db, (trx) => closeDecision(trx, seed.secretariat, pending.overrideDecisionId ?? ''));
    const settled = await inTx(db, (trx) => settleOverride(trx, seed.secretariat, pending.id));
    expect(settled).toMatchObject({ status: 'accepted', overridden: true });
    expect((await inTx(db, (trx) => listNationalTicketViews(trx, seed.viewer))).map((t) => t.cycle)).toEqual([
      2036, 2032, 2028,
    ]);
    expect(
      await codeOf(
        inTx(db, (trx) =>
          proposeNationalTicket(trx, workers.delegate, { ...again, cycle: 2040, requestOverride: false }),
        ),
      ),
    ).toBe('auth.forbidden');
  });
});

describe('results and the pact’s promise', () => {
  let seed: TicketsSeed;
  beforeAll(async () => {
    seed = await seedTicketsCoalition(database().db);
    await ratifyMichiganPact(database().db, seed);
  }, 120_000);

  const csv = (rows: string[]) => `election,jurisdiction,office,candidate,line,votes\n${rows.join('\n')}\n`;

  it('imports all or nothing with row errors; a dry run changes nothing', async () => {
    const { db } = database();
    const bad = csv([
      'tk-2026,state_legislative_district:MI-HD-1,state_house,Gil Shore,Harbor Greens,abc',
      'tk-2026,state_legislative_district:MI-HD-9,state_house,X,Y,1',
    ]);
    const error = await inTx(db, (trx) =>
      importResults(trx, seed.secretariat, { file: 'bad.csv', text: bad, dryRun: false }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'results.invalid_rows',
      details: {
        file: 'bad.csv',
        errors: [
          { row: 2, field: 'votes' },
          { row: 3, field: 'election/jurisdiction/office' },
        ],
      },
    });
    const count = await db
      .selectFrom('candidate_results')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('coalition_id', '=', seed.coalition.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
    expect(
      await codeOf(
        inTx(db, (trx) =>
          importResults(trx, member(seed, 0).delegate, { file: 'x.csv', text: bad, dryRun: false }),
        ),
      ),
    ).toBe('auth.forbidden');
  });

  it('marks on-ballot candidates elected or defeated, reports wins against expected wins and a loss a dissident cost', async () => {
    const { db } = database();
    const [workers, greens, liberals] = [member(seed, 0), member(seed, 1), member(seed, 2)];
    const onBallot = async (delegate: typeof workers.delegate, name: string, code: string) => {
      const c = await inTx(db, (trx) => proposeCandidate(trx, delegate, { name, raceId: seed.raceId(code) }));
      await inTx(db, (trx) => endorseCandidate(trx, seed.secretariat, c.id));
      await inTx(db, (trx) => transitionCandidate(trx, seed.secretariat, c.id, { action: 'file' }));
      return inTx(db, (trx) => transitionCandidate(trx, seed.secretariat, c.id, { action: 'certify' }));
    };
    const gil = await onBallot(greens.delegate, 'Gil Shore', 'MI-HD-1');
    const max = await onBallot(liberals.delegate, 'Max Stone', 'MI-HD-1');
    expect(max.dissident).toHaveLength(1);
    const wes = await onBallot(workers.delegate, 'Wes Bay', 'MI-HD-2');
    await inTx(db, (trx) =>
      addLine(trx, greens.delegate, wes.id, {
        kind: 'endorsement',
        candidateIsMember: true,
        wilsonPakula: false,
      }),
    );
    const file = csv([
      'tk-2026,state_legislative_district:MI-HD-1,state_house,Gil Shore,Harbor Greens,4800',
      'tk-2026,state_legislative_district:MI-HD-1,state_house,Max Stone,Liberal Forum,700',
      'tk-2026,state_legislative_district:MI-HD-1,state_house,Opp One,Republican,5100',
      "tk-2026,state_legislative_district:MI-HD-2,state_house,Wes Bay,Workers' Front,6000",
      'tk-2026,state_legislative_district:MI-HD-2,state_house,Opp Two,Republican,5000',
    ]);
    const dry = await inTransactionMaybeDry(db, true, (trx) =>
      importResults(trx, seed.secretariat, { file: 'mi.csv', text: file, dryRun: true }),
    );
    expect(dry.statusChanges).toHaveLength(3);
    const kept = await db
      .selectFrom('candidates')
      .select('status')
      .where('id', '=', gil.id)
      .executeTakeFirstOrThrow();
    expect(kept.status).toBe('on_ballot');
    const report = await inTx(db, (trx) =>
      importResults(trx, seed.secretariat, { file: 'mi.csv', text: file, dryRun: false }),
    );
    expect(report).toMatchObject({ races: 2, rows: 5 });
    expect(new Map(report.statusChanges.map((s) => [s.name, s.to]))).toEqual(
      new Map([
        ['Gil Shore', 'defeated'],
        ['Max Stone', 'defeated'],
        ['Wes Bay', 'elected'],
      ]),
    );
    expect(gil.id).toBeTruthy();
    const { pacts, retention } = await inTx(db, (trx) => pactResultsReport(trx, seed.viewer));
    expect(pacts).toHaveLength(1);
    const byName = new Map(pacts[0]?.members.map((m) => [m.name, m]));
    expect(byName.get('Harbor Greens')).toMatchObject({ assigned: 1, won: 0 });
    expect(byName.get("Workers' Front")).toMatchObject({ assigned: 1, won: 1 });
    expect(byName.get('Harbor Greens')?.expectedWins).toBeGreaterThan(0);
    expect(pacts[0]?.costlyLosses).toEqual([
      expect.objectContaining({
        raceKey: 'MI-HD-1',
        margin: 300,
        taken: 700,
        takenBy: [
          expect.objectContaining({ name: 'Max Stone', why: 'dissident', memberName: 'Liberal Forum' }),
        ],
      }),
    ]);
    // Michigan's rule counts the Secretary of State race: a state house line is shown for a manual decision.
    expect(retention.find((r) => r.line === 'Harbor Greens')?.verdict.kind).toBe('manual');
    // The report's contract schema describes what the service really returns (nothing dropped on the wire).
    expect(resultsReportSchema.strict().parse({ pacts, retention })).toEqual({ pacts, retention });
  });
});
