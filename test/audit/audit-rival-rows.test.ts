import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { up as baselineRivalRows } from '../../src/db/migrations/2026_12_06_2101_audit_rival_rows_baseline.ts';
import { type RowFinding, verifyAuditChain } from '../../src/features/audit/audit.service.ts';
import { charterRatificationRowId } from '../../src/features/audit/row-state-ids.ts';
import { createDrive, updateDrive } from '../../src/features/petitions/drives.service.ts';
import { importCsv } from '../../src/features/petitions/entries.service.ts';
import { createRequirement } from '../../src/features/petitions/requirements.service.ts';
import { updateSettings, withdrawOrganization } from '../../src/features/registry/index.ts';
import {
  addLine,
  proposeCandidate,
  recordWilsonPakula,
  removeLine,
} from '../../src/features/tickets/candidates.service.ts';
import { importResults } from '../../src/features/tickets/results.service.ts';
import { updateTicketSettings } from '../../src/features/tickets/settings.service.ts';
import { member, seedTicketsCoalition } from '../../src/features/tickets/tickets.test-fixtures.ts';
import { inTx, memberOf, seedCoalition } from '../helpers/governance.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

const database = useTestDatabase();

/** Plain SQL as the table owner, outside the application: what the chain is for. */
const asOwner = (db: Db, statement: ReturnType<typeof sql>) => statement.execute(db);

const findings = (list: readonly RowFinding[] | undefined) =>
  (list ?? []).map((f) => [f.table, f.id, f.problem]).sort();

async function expectClean(db: Db, coalitionId: string) {
  const report = await verifyAuditChain(db, coalitionId);
  expect(report.rows?.unexplained).toEqual([]);
  expect(report.ok).toBe(true);
  return report;
}

describe('the chain vouches for the charter, evidence, settings and status changes', () => {
  it('honest writes verify clean; a charter plank, an evidence figure, a ratification and the settings edited in SQL are named', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Amber Party', strength: 300 }, { name: 'Blue Movement' }]);
    const [amber, blue] = [memberOf(seed, 0), memberOf(seed, 1)];
    await inTx(db, (trx) => updateSettings(trx, seed.admin, { secrecyK: 7 }));
    await inTx(db, (trx) => withdrawOrganization(trx, blue.delegate, blue.id, 'leaving'));
    await expectClean(db, seed.coalition.id);

    const charter = await db
      .selectFrom('charter_versions')
      .select('id')
      .where('coalition_id', '=', seed.coalition.id)
      .executeTakeFirstOrThrow();
    const evidence = await db
      .selectFrom('strength_evidence')
      .select('id')
      .where('organization_id', '=', amber.id)
      .executeTakeFirstOrThrow();
    await asOwner(
      db,
      sql`update charter_versions set planks = '[{"title":"Obedience","text":"The largest member decides."}]'::jsonb where id = ${charter.id}`,
    );
    await asOwner(db, sql`update strength_evidence set value = 30000 where id = ${evidence.id}`);
    await asOwner(
      db,
      sql`update charter_ratifications set ratified_at = now() - interval '1 year' where organization_id = ${amber.id}`,
    );
    await asOwner(
      db,
      sql`update governance_settings set settings = settings || '{"secrecyK": 2}'::jsonb where coalition_id = ${seed.coalition.id}`,
    );
    // A forged status change: Blue withdrew, the log now says it was expelled.
    await asOwner(
      db,
      sql`update organization_status_changes set reason = 'decision' where organization_id = ${blue.id} and to_status = 'withdrawn'`,
    );
    const change = await db
      .selectFrom('organization_status_changes')
      .select('id')
      .where('organization_id', '=', blue.id)
      .where('to_status', '=', 'withdrawn')
      .executeTakeFirstOrThrow();
    const report = await verifyAuditChain(db, seed.coalition.id);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toBeNull();
    expect(findings(report.rows?.unexplained)).toEqual(
      [
        ['charter_versions', charter.id, 'changed'],
        ['strength_evidence', evidence.id, 'changed'],
        ['charter_ratifications', charterRatificationRowId(charter.id, amber.id), 'changed'],
        ['governance_settings', seed.coalition.id, 'changed'],
        ['organization_status_changes', change.id, 'changed'],
      ].sort(),
    );
  });

  it('rows written before their tables were covered are vouched for after the baseline migration', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Amber Party' }]);
    // Evidence as an older Concord stored it: its event carried no row hash.
    await asOwner(
      db,
      sql`insert into strength_evidence (coalition_id, organization_id, metric, value, as_of, source)
          values (${seed.coalition.id}, ${memberOf(seed, 0).id}, 'votes', 1200, '2025-11-04', 'county results')`,
    );
    const before = await verifyAuditChain(db, seed.coalition.id);
    expect(before.rows?.unexplained.map((f) => [f.table, f.problem])).toEqual([
      ['strength_evidence', 'unrecorded'],
    ]);
    await db.transaction().execute((trx) => baselineRivalRows(trx as unknown as Kysely<unknown>));
    await expectClean(db, seed.coalition.id);
  });
});

describe('the chain vouches for candidates, lines, settings and results', () => {
  it('honest writes (a removed line, a replaced results import) verify clean; a candidate and a line edited or deleted in SQL are named', async () => {
    const { db } = database();
    const seed = await seedTicketsCoalition(db);
    const [workers, greens] = [member(seed, 0), member(seed, 1)];
    const rosa = await inTx(db, (trx) =>
      proposeCandidate(trx, workers.delegate, { name: 'Rosa Diaz', raceId: seed.raceId('NY-SD-1') }),
    );
    const joint = await inTx(db, (trx) =>
      addLine(trx, greens.delegate, rosa.id, {
        kind: 'party',
        candidateIsMember: false,
        wilsonPakula: true,
      }),
    );
    const greensLine = joint.lines.find((l) => l.organizationId === greens.id);
    if (!greensLine) throw new Error('no Greens line');
    await inTx(db, (trx) => recordWilsonPakula(trx, greens.delegate, rosa.id, greensLine.id, true));
    await inTx(db, (trx) => removeLine(trx, greens.delegate, rosa.id, greensLine.id));
    await inTx(db, (trx) => updateTicketSettings(trx, seed.secretariat, { splitTicket: true }));
    const results = (lines: string[]) =>
      ['election,jurisdiction,office,candidate,line,votes', ...lines].join('\n');
    await inTx(db, (trx) =>
      importResults(trx, seed.secretariat, {
        file: 'first.csv',
        text: results([
          'tk-2026,state_legislative_district:MI-HD-1,state_house,Gil Shore,Harbor Greens,4800',
          'tk-2026,state_legislative_district:MI-HD-1,state_house,Opp One,Republican,5100',
        ]),
        dryRun: false,
      }),
    );
    // The corrected file drops Opp One's row and names a line with a colon in it.
    await inTx(db, (trx) =>
      importResults(trx, seed.secretariat, {
        file: 'corrected.csv',
        text: results([
          'tk-2026,state_legislative_district:MI-HD-1,state_house,Gil Shore,Harbor Greens,4900',
          'tk-2026,state_legislative_district:MI-HD-1,state_house,Opp Two,Unity: Right,5000',
        ]),
        dryRun: false,
      }),
    );
    await expectClean(db, seed.coalition.id);

    const workersLine = await db
      .selectFrom('candidate_lines')
      .select('id')
      .where('candidate_id', '=', rosa.id)
      .executeTakeFirstOrThrow();
    await asOwner(db, sql`update candidates set status = 'on_ballot' where id = ${rosa.id}`);
    await asOwner(db, sql`delete from candidate_lines where id = ${workersLine.id}`);
    // The removed line put back behind the application's back.
    await asOwner(
      db,
      sql`insert into candidate_lines (id, coalition_id, candidate_id, organization_id, kind, label, candidate_is_member, wilson_pakula)
          values (${greensLine.id}, ${seed.coalition.id}, ${rosa.id}, ${greens.id}, 'party', 'Harbor Greens', false, true)`,
    );
    await asOwner(db, sql`update candidate_results set votes = 9999 where candidate_name = 'Gil Shore'`);
    const report = await verifyAuditChain(db, seed.coalition.id);
    expect(report.ok).toBe(false);
    const raceId = seed.raceId('MI-HD-1');
    expect(findings(report.rows?.unexplained)).toEqual(
      [
        ['candidates', rosa.id, 'changed'],
        ['candidate_lines', workersLine.id, 'missing'],
        ['candidate_lines', greensLine.id, 'changed'],
        ['candidate_results', `${raceId}:Harbor Greens:Gil Shore`, 'changed'],
      ].sort(),
    );
  }, 180_000);
});

describe('the chain vouches for petition requirements, drives, packets and checks', () => {
  it('honest entries verify clean; a packet count and a drive target edited in SQL are named', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Amber Party' }]);
    const amber = memberOf(seed, 0);
    const requirement = await inTx(db, (trx) =>
      createRequirement(trx, amber.delegate, {
        country: 'US',
        jurisdiction: 'US-CO-DENVER',
        jurisdictionName: 'Denver',
        kind: 'initiative',
        title: 'Denver: municipal initiative',
        signatures: 1_000,
        ruleText: '5% of the votes for mayor at the last election',
        deadline: '2026-05-01',
        source: 'Denver charter',
        asOf: '2026',
      }),
    );
    const drive = await inTx(db, (trx) =>
      createDrive(trx, amber.delegate, {
        requirementId: requirement.id,
        name: 'Clean air initiative',
        target: { kind: 'initiative', name: 'Clean air' },
        startDay: '2026-03-01',
        dueDay: '2026-04-15',
      }),
    );
    await inTx(db, (trx) => updateDrive(trx, amber.delegate, drive.id, { required: 1_200 }));
    const packets = ['packet,circulator,county,collected_on,raw_count', 'P1,Ana,Denver,2026-03-02,60'];
    const checks = [
      'packet,checked_on,lines_checked,lines_valid,not_registered,wrong_jurisdiction,duplicate,illegible,address_mismatch',
      'P1,2026-03-05,60,50,5,2,1,1,1',
    ];
    await inTx(db, (trx) => importCsv(trx, amber.delegate, drive.id, 'packets', 'p.csv', packets.join('\n')));
    await inTx(db, (trx) => importCsv(trx, amber.delegate, drive.id, 'checks', 'c.csv', checks.join('\n')));
    await expectClean(db, seed.coalition.id);

    const packet = await db
      .selectFrom('petition_packets')
      .select('id')
      .where('drive_id', '=', drive.id)
      .executeTakeFirstOrThrow();
    const check = await db
      .selectFrom('petition_checks')
      .select('id')
      .where('drive_id', '=', drive.id)
      .executeTakeFirstOrThrow();
    await asOwner(db, sql`update petition_packets set raw_count = 600 where id = ${packet.id}`);
    await asOwner(
      db,
      sql`update petition_checks set lines_valid = 55, not_registered = 0 where id = ${check.id}`,
    );
    await asOwner(db, sql`update petition_drives set required = 10 where id = ${drive.id}`);
    await asOwner(db, sql`update petition_requirements set signatures = 10 where id = ${requirement.id}`);
    const report = await verifyAuditChain(db, seed.coalition.id);
    expect(report.ok).toBe(false);
    expect(findings(report.rows?.unexplained)).toEqual(
      [
        ['petition_packets', packet.id, 'changed'],
        ['petition_checks', check.id, 'changed'],
        ['petition_drives', drive.id, 'changed'],
        ['petition_requirements', requirement.id, 'changed'],
      ].sort(),
    );
  });
});
