/**
 * `npm run bench -- list-pages`: the petition drives list (issue 14) on 2,000 drives, in-memory
 * PGlite. Baseline in the same run: the whole list, which is what `GET /api/petitions/drives`
 * answered before it paged (every drive with its projection). Against it: the first page of 50 and
 * a page from the middle (after a cursor), as the endpoint now answers, and a walk of every page.
 * Wall clock, best and median of a few runs; the machine may be shared: the load average is printed.
 */
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { connect } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createDrive, listDrivePage, listDrives } from '../../src/features/petitions/drives.service.ts';
import { driveListQuerySchema } from '../../src/features/petitions/petitions.schema.ts';
import { createRequirement } from '../../src/features/petitions/requirements.service.ts';
import { inTx, seedCoalition } from '../../test/helpers/governance.ts';

const runs = 5;
const drives = 2_000;
const best = (t: number[]) => Math.min(...t);
const median = (t: number[]) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)] as number;
const ms = (s: number) => `${(s * 1000).toFixed(1)} ms`;
async function time(work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push((performance.now() - start) / 1000);
  }
  return times;
}

const handle = await connect({ kind: 'memory' });
const { db } = handle;
await migrateToLatest(db);
const seed = await seedCoalition(db, [{ name: 'Amber' }]);
const staff = seed.secretariat;
const requirement = await inTx(db, (trx) =>
  createRequirement(trx, staff, {
    country: 'US',
    jurisdiction: 'US-ID-BOISE',
    jurisdictionName: 'Boise',
    kind: 'initiative',
    title: 'Boise: transit initiative',
    signatures: 4000,
    ruleText: 'Signatures of registered voters of the city',
    source: 'City code',
    asOf: '2026',
  }),
);
await inTx(db, (trx) =>
  createDrive(trx, staff, {
    organizationId: seed.members[0]?.id,
    requirementId: requirement.id,
    name: 'Drive 0',
    target: { kind: 'initiative', name: 'Transit' },
    startDay: '2026-03-01',
    dueDay: '2026-06-01',
  }),
);
// The rest as copies of the first, due over 200 days (ten a day: the name breaks the ties).
await sql`insert into petition_drives (coalition_id, organization_id, requirement_id, name, target_kind,
    target_name, required, expected_validity, safety_margin, start_day, due_day, verification_rule)
  select coalition_id, organization_id, requirement_id, 'Drive ' || g, target_kind, target_name,
    required, expected_validity, safety_margin, start_day,
    to_char(date '2026-06-01' + (g % 200), 'YYYY-MM-DD'), verification_rule
  from petition_drives, generate_series(1, ${drives - 1}) g`.execute(db);
await sql`analyze`.execute(db);

const query = (cursor?: string) => driveListQuerySchema.parse({ limit: '50', ...(cursor ? { cursor } : {}) });
// A cursor from the middle of the list: the page after the 1,000th drive.
let middle: string | undefined;
{
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++)
    cursor = (await listDrivePage(db, staff, query(cursor))).nextCursor ?? undefined;
  middle = cursor;
}
const whole = await time(() => listDrives(db, staff));
const first = await time(() => listDrivePage(db, staff, query()));
const inMiddle = await time(() => listDrivePage(db, staff, query(middle)));
const walk = await time(async () => {
  let cursor: string | undefined;
  let seen = 0;
  do {
    const page = await listDrivePage(db, staff, query(cursor));
    seen += page.drives.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  if (seen !== drives) throw new Error(`walked ${seen} drives of ${drives}`);
});
const line = (label: string, t: number[]) =>
  console.log(`${label.padEnd(44)} best ${ms(best(t)).padStart(10)}  median ${ms(median(t)).padStart(10)}`);
console.log(
  `petition drives: ${drives.toLocaleString('en')} in one coalition, PGlite in memory, ${runs} runs`,
);
line('baseline: the whole list (before paging)', whole);
line('first page of 50', first);
line('page of 50 after the 1,000th drive', inMiddle);
line('every page of 50, followed (40 pages)', walk);
console.log(`first page vs whole list: ${(median(whole) / median(first)).toFixed(1)}× faster (medians)`);
console.log(
  `load average: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
await handle.close();
