import { describe, expect, it } from 'vitest';
import { codeOf, createActor, inTx, memberOf, seedCoalition } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { DomainError } from '../../core/errors.ts';
import { calendar, icalFeed } from './calendar.service.ts';
import {
  createDrive,
  getDrive,
  listCirculators,
  listDrivePage,
  listDrives,
  updateDrive,
} from './drives.service.ts';
import { addChecks, importCsv } from './entries.service.ts';
import { driveListQuerySchema } from './petitions.schema.ts';
import { createRequirement, findRequirementOr404, listRequirements } from './requirements.service.ts';
import { presidentialTotals } from './shipped-requirements.ts';

const database = useTestDatabase();

describe('shipped requirements', () => {
  it('computes presidential formulas from the shipped results, copies stated figures, marks the rest missing', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Amber Party' }]);
    const all = await listRequirements(db, seed.viewer, { country: 'US' });
    expect(all).toHaveLength(102); // 50 states + DC, two requirements each
    const byKey = new Map(all.map((r) => [r.key, r]));
    // Idaho: "2% of the aggregate vote for presidential electors at the previous presidential election".
    const idaho2024 = (await presidentialTotals()).get('ID')?.[0];
    expect(idaho2024?.year).toBe(2024);
    const idaho = byKey.get('us-id-party');
    expect(idaho).toMatchObject({
      numberStatus: 'computed',
      signatures: Math.ceil((idaho2024?.votes ?? 0) * 0.02),
    });
    expect(idaho?.computation).toContain('2% ×');
    expect(idaho?.ruleText).toContain('Idaho Code 34-501');
    // Alabama: 3% of the governor vote: governor results are not shipped.
    expect(byKey.get('us-al-party')).toMatchObject({ numberStatus: 'missing', signatures: null });
    expect(byKey.get('us-al-party')?.computation).toContain('governor results are not shipped');
    // Arkansas states 10,000: copied, with the source beside it.
    expect(byKey.get('us-ar-party')).toMatchObject({ numberStatus: 'copied', signatures: 10_000 });
    expect(byKey.get('us-ar-party')?.source).toContain('7-7-205');
    // Kentucky's 20% is a vote-share test, not a petition: no number is invented.
    expect(byKey.get('us-ky-party')?.numberStatus).toBe('missing');
    // Difficulty: signatures per 1,000 presidential voters.
    const ar = byKey.get('us-ar-party');
    expect(ar?.perThousandVoters).toBeCloseTo((10_000 / (ar?.voters ?? 1)) * 1000, 2);
    // Every number carries its rule text and a status.
    for (const r of all) expect(r.ruleText.length).toBeGreaterThan(0);
  });

  it('the 2020 presidential total reproduces the stated 2024-cycle Texas independent figure (1% → 113,151)', async () => {
    const tx2020 = (await presidentialTotals()).get('TX')?.find((t) => t.year === 2020);
    expect(Math.ceil((tx2020?.votes ?? 0) * 0.01)).toBe(113_151);
  });
});

async function driveSetup() {
  const { db } = database();
  const seed = await seedCoalition(db, [{ name: 'Amber Party' }, { name: 'Blue Movement' }]);
  const amber = memberOf(seed, 0);
  const blue = memberOf(seed, 1);
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
      cureDays: 10,
    }),
  );
  return { db, seed, amber, blue, requirement, drive };
}

const packetsCsv = [
  'packet,circulator,county,collected_on,raw_count',
  'P1,Ana,Denver,2026-03-02,60',
  'P2,Ana,Denver,2026-03-03,40',
  'P3,Ben,Adams,2026-03-03,50',
  'P4,Eve,Denver,2026-03-04,80',
].join('\n');
const checksCsv = [
  'packet,checked_on,lines_checked,lines_valid,not_registered,wrong_jurisdiction,duplicate,illegible,address_mismatch',
  'P1,2026-03-05,60,50,5,2,1,1,1',
  'P2,2026-03-05,40,33,4,1,0,1,1',
  'P3,2026-03-05,50,41,5,2,1,1,0',
  'P4,2026-03-05,80,30,40,5,2,3,0',
].join('\n');

describe('drives', () => {
  it('targets required ÷ validity × margin with the defaults shown', async () => {
    const { drive } = await driveSetup();
    expect(drive).toMatchObject({
      required: 1_000,
      expectedValidity: 0.79,
      safetyMargin: 1.1,
      targetRaw: 1_393,
    });
    expect(drive.targetArithmetic).toBe('1000 ÷ 0.79 × 1.1 = 1392.41 → 1393');
  });

  it('imports packets and checks, projects, and flags the circulator far below the others', async () => {
    const { db, amber, drive } = await driveSetup();
    await inTx(db, (trx) => importCsv(trx, amber.delegate, drive.id, 'packets', 'packets.csv', packetsCsv));
    await inTx(db, (trx) => importCsv(trx, amber.delegate, drive.id, 'checks', 'checks.csv', checksCsv));
    const detail = await getDrive(db, amber.delegate, drive.id, new Date('2026-03-05T12:00:00Z'));
    expect(detail.drive.collectedRaw).toBe(230);
    expect(detail.validity.overall).toMatchObject({ checked: 230, valid: 154 });
    expect(detail.validity.byCounty.map((c) => c.key).sort()).toEqual(['Adams', 'Denver']);
    // Eve: 30 of 80 against the others' 124 of 150 (82.7%): z = (30 − 66.13) / √(80 × 0.827 × 0.173) = −10.7.
    const eve = detail.circulators?.find((c) => c.name === 'Eve');
    expect(eve?.outlier.flagged).toBe(true);
    expect(eve?.outlier.z).toBeLessThan(-10);
    expect(detail.circulators?.filter((c) => c.outlier.flagged).map((c) => c.name)).toEqual(['Eve']);
    expect(detail.projection.daysRemaining).toBe(41);
    expect(detail.projection.validAtDeadline.low).toBeLessThan(detail.projection.validAtDeadline.mean);
    expect(detail.deadlines.map((d) => d.kind)).toEqual(['petition_due', 'cure_period_end']);
  });

  it('the list’s figures (read for the whole page at once) equal each drive’s own page', async () => {
    const { db, amber, blue, requirement, drive } = await driveSetup();
    const now = new Date('2026-03-05T12:00:00Z');
    const newDrive = (member: typeof amber, name: string, dueDay: string) =>
      inTx(db, (trx) =>
        createDrive(trx, member.delegate, {
          requirementId: requirement.id,
          name,
          target: { kind: 'initiative', name },
          startDay: '2026-03-01',
          dueDay,
          cureDays: 10,
        }),
      );
    const second = await newDrive(amber, 'Second drive', '2026-04-10');
    const blues = await newDrive(blue, 'Blue drive', '2026-04-20');
    await newDrive(blue, 'Empty drive', '2026-04-25');
    const firstTwo = (csv: string) => csv.split('\n').slice(0, 3).join('\n');
    const lastTwo = (csv: string) => [csv.split('\n')[0], ...csv.split('\n').slice(3)].join('\n');
    const load = async (member: typeof amber, id: string, packets: string, checks: string) => {
      await inTx(db, (trx) => importCsv(trx, member.delegate, id, 'packets', 'packets.csv', packets));
      await inTx(db, (trx) => importCsv(trx, member.delegate, id, 'checks', 'checks.csv', checks));
    };
    await load(amber, drive.id, packetsCsv, checksCsv);
    await load(amber, second.id, firstTwo(packetsCsv), firstTwo(checksCsv));
    await load(blue, blues.id, lastTwo(packetsCsv), lastTwo(checksCsv));

    for (const reader of [amber.delegate, blue.delegate]) {
      const listed = await listDrives(db, reader, now);
      expect(listed).toHaveLength(4);
      // Pages of two: the figures do not depend on which drives share the page.
      const first = await listDrivePage(db, reader, driveListQuerySchema.parse({ limit: '2' }), now);
      const rest = await listDrivePage(
        db,
        reader,
        driveListQuerySchema.parse({ limit: '2', cursor: first.nextCursor }),
        now,
      );
      expect([...first.drives, ...rest.drives]).toEqual(listed);
      for (const summary of listed) {
        expect(summary).toEqual((await getDrive(db, reader, summary.id, now)).drive);
      }
      const figures = new Map(listed.map((d) => [d.name, d.collectedRaw]));
      expect(Object.fromEntries(figures)).toEqual({
        'Clean air initiative': 230,
        'Second drive': 100,
        'Blue drive': 130,
        'Empty drive': 0,
      });
    }
  });

  it('an import with bad rows saves nothing and names file, row, field and reason', async () => {
    const { db, amber, drive } = await driveSetup();
    const bad = [
      'packet,circulator,county,collected_on,raw_count',
      'P1,Ana,Denver,2026-03-02,60',
      'P2,Ana,Denver,03/03/2026,40',
      'P3,Ben,Adams,2026-03-03,-5',
    ].join('\n');
    const error = await inTx(db, (trx) =>
      importCsv(trx, amber.delegate, drive.id, 'packets', 'bad.csv', bad),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details?.errors).toEqual([
      { file: 'bad.csv', row: 3, field: 'collected_on', reason: '"03/03/2026" is not a day (YYYY-MM-DD)' },
      { file: 'bad.csv', row: 4, field: 'raw_count', reason: '"-5" is not a whole number ≥ 0' },
    ]);
    expect((await getDrive(db, amber.delegate, drive.id)).packets).toEqual([]);
  });

  it('refuses checks that do not add up, all of the batch', async () => {
    const { db, amber, drive } = await driveSetup();
    await inTx(db, (trx) => importCsv(trx, amber.delegate, drive.id, 'packets', 'packets.csv', packetsCsv));
    const code = await codeOf(
      inTx(db, (trx) =>
        addChecks(
          trx,
          amber.delegate,
          drive.id,
          [
            {
              row: 1,
              value: { packetLabel: 'P1', checkedOn: '2026-03-05', linesChecked: 10, linesValid: 8 },
            },
            {
              row: 2,
              value: { packetLabel: 'P2', checkedOn: '2026-03-05', linesChecked: 50, linesValid: 8 },
            },
          ],
          'form',
        ),
      ),
    );
    expect(code).toBe('petitions.rows_rejected');
    expect((await getDrive(db, amber.delegate, drive.id)).checks).toEqual([]);
  });

  it('editing validity and margin changes the target', async () => {
    const { db, amber, drive } = await driveSetup();
    const updated = await inTx(db, (trx) =>
      updateDrive(trx, amber.delegate, drive.id, { expectedValidity: 0.7, safetyMargin: 1.2 }),
    );
    expect(updated.targetRaw).toBe(Math.ceil((1000 / 0.7) * 1.2));
  });

  it('a requirement without a number needs the drive to give one', async () => {
    const { db, amber } = await driveSetup();
    const alabama = await findRequirementOr404(db, amber.delegate, 'us-al-party');
    const code = await codeOf(
      inTx(db, (trx) =>
        createDrive(trx, amber.delegate, {
          requirementId: alabama.id,
          name: 'Alabama',
          target: { kind: 'member' },
          startDay: '2026-01-01',
          dueDay: '2026-03-01',
        }),
      ),
    );
    expect(code).toBe('petitions.required_missing');
  });
});

describe('who sees circulators', () => {
  it('the drive’s member and staff see circulators; another member and a viewer see totals only', async () => {
    const { db, seed, amber, blue, drive } = await driveSetup();
    await inTx(db, (trx) => importCsv(trx, amber.delegate, drive.id, 'packets', 'packets.csv', packetsCsv));
    expect((await listCirculators(db, amber.delegate, drive.id)).map((c) => c.name)).toEqual([
      'Ana',
      'Ben',
      'Eve',
    ]);
    expect((await listCirculators(db, seed.secretariat, drive.id)).length).toBe(3);
    const organizer = await createActor(db, seed.coalition.id, 'organizer', amber.id);
    expect((await listCirculators(db, organizer, drive.id)).length).toBe(3);
    for (const outsider of [
      blue.delegate,
      seed.viewer,
      await createActor(db, seed.coalition.id, 'organizer', blue.id),
    ]) {
      expect(await codeOf(listCirculators(db, outsider, drive.id))).toBe('petitions.not_your_drive');
      const detail = await getDrive(db, outsider, drive.id);
      expect(detail).toMatchObject({ circulators: null, packets: null, checks: null, duplicates: null });
      expect(detail.drive.collectedRaw).toBe(230);
      expect(JSON.stringify(detail)).not.toContain('Ana');
    }
    expect(
      await codeOf(
        inTx(db, (trx) => importCsv(trx, blue.delegate, drive.id, 'packets', 'x.csv', packetsCsv)),
      ),
    ).toBe('petitions.not_your_drive');
    const other = await seedCoalition(db, [{ name: 'Elsewhere' }]);
    expect(await codeOf(getDrive(db, other.admin, drive.id))).toBe('petitions.drive_not_found');
    const list = await listDrives(db, blue.delegate);
    expect(list.find((d) => d.id === drive.id)?.canManage).toBe(false);
  });
});

describe('calendar', () => {
  it('lists requirement and drive deadlines with 30/14/7-day warnings, and as iCal', async () => {
    const { db, amber } = await driveSetup();
    const { deadlines } = await calendar(db, amber.delegate, new Date('2026-04-05T09:00:00Z'));
    const byKind = new Map(deadlines.map((d) => [d.kind, d]));
    expect(byKind.get('petition_due')).toMatchObject({ day: '2026-04-15', daysLeft: 10, level: 14 });
    expect(byKind.get('cure_period_end')).toMatchObject({ day: '2026-04-25', daysLeft: 20, level: 30 });
    expect(byKind.get('requirement_deadline')).toMatchObject({ day: '2026-05-01', daysLeft: 26, level: 30 });
    const ics = await icalFeed(db, amber.delegate, 'https://concord.example');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('SUMMARY:Clean air initiative: petition due');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260415');
  });
});
