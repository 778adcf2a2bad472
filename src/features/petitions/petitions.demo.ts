import { resolveCliActor } from '../../cli/context.ts';
import type { Actor } from '../../core/actor.ts';
import { addDays } from '../../core/petitions/days.ts';
import { seededRandom } from '../../core/tabulate/random.ts';
import type { Db } from '../../db/database.ts';
import type { DemoContext, DemoStep } from '../../demo/step.ts';
import { demoEmail } from '../registry/index.ts';
import { createDrive, todayUtc } from './drives.service.ts';
import { addChecks, addCirculator, addPackets } from './entries.service.ts';
import type { CreateCheckInput, CreatePacketInput } from './petitions.schema.ts';
import { createRequirement, findRequirementOr404 } from './requirements.service.ts';

/** Invented circulator names (no real person). */
const partyCirculators = [
  'Avery Lind',
  'Bo Marsh',
  'Cass Ortega',
  'Dana Pike',
  'Eli Quarry',
  'Fran Reyes',
  'Gus Stone',
  'Hana Tull',
];
const initiativeCirculators = ['Ivo Unger', 'Jo Vance', 'Kit Wren', 'Lou Yates'];
/** The one circulator whose lines fail far more often than the others': the demo's outlier flag. */
export const demoFlaggedCirculator = 'Eli Quarry';

const reasonShares: Array<[keyof CreateCheckInput & string, number]> = [
  ['notRegistered', 0.5],
  ['wrongJurisdiction', 0.15],
  ['duplicate', 0.1],
  ['illegible', 0.15],
  ['addressMismatch', 0.1],
];

/**
 * Two weeks of packets and checks, generated from a fixed seed: each circulator files zero to two
 * packets a day; about six packets in ten are checked line by line, each line valid with the
 * circulator's own rate.
 */
function generate(
  seed: string,
  circulators: string[],
  counties: string[],
  start: string,
  days: number,
  validity: (name: string) => number,
  prefix: string,
) {
  const random = seededRandom(seed);
  const packets: CreatePacketInput[] = [];
  const checks: CreateCheckInput[] = [];
  for (let d = 0; d < days; d++) {
    const day = addDays(start, d);
    for (const name of circulators) {
      for (let k = random.below(3); k > 0; k--) {
        const label = `${prefix}-${String(packets.length + 1).padStart(4, '0')}`;
        const raw = 20 + random.below(31);
        packets.push({
          label,
          circulatorName: name,
          county: counties[random.below(counties.length)] ?? null,
          collectedOn: day,
          rawCount: raw,
        });
        if (random.below(10) < 6) {
          let valid = 0;
          for (let line = 0; line < raw; line++) if (random.below(1000) < validity(name) * 1000) valid++;
          let left = raw - valid;
          const reasons: Record<string, number> = {};
          for (const [reason, share] of reasonShares) {
            const n = reason === 'addressMismatch' ? left : Math.min(left, Math.round((raw - valid) * share));
            reasons[reason] = n;
            left -= n;
          }
          checks.push({
            packetLabel: label,
            checkedOn: addDays(day, 1 + random.below(2)),
            linesChecked: raw,
            linesValid: valid,
            ...reasons,
          });
        }
      }
    }
  }
  return { packets, checks };
}

const located = <T>(rows: T[]) => rows.map((value, i) => ({ row: i + 1, value }));

async function organizationId(db: Db, coalitionId: string, name: string): Promise<string> {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where('coalition_id', '=', coalitionId)
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The tickets demo's House candidate for the Workers' Common Front (MI-13), whose drive petitions.demo adds. */
export const demoPetitionCandidate = 'Keisha Grant';
const candidateMember = "Workers' Common Front";
/** How many of the member's own supporters circulate for the candidate. */
export const demoPersonCirculators = 3;

/**
 * When the supporters and tickets demos have run: a candidacy drive of the Workers' Common Front for
 * its House candidate, picked by candidateId, circulated by the first few of the member's own
 * people (by name, so the pick is the same on every load) added by personId, one week in.
 */
async function candidateDrive(db: Db, context: DemoContext, start: string, today: string) {
  const organization = await organizationId(db, context.coalitionId, candidateMember);
  const candidate = await db
    .selectFrom('candidates')
    .select('id')
    .where('coalition_id', '=', context.coalitionId)
    .where('organization_id', '=', organization)
    .where('name', '=', demoPetitionCandidate)
    .executeTakeFirst();
  // Distinct full names: a circulator is one name per drive.
  const people = await db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name'])
    .distinctOn(['last_name', 'first_name'])
    .where('coalition_id', '=', context.coalitionId)
    .where('organization_id', '=', organization)
    .where('first_name', '<>', '')
    .orderBy('last_name')
    .orderBy('first_name')
    .orderBy('id')
    .limit(demoPersonCirculators)
    .execute();
  if (!candidate || people.length === 0) return null;
  const { slug } = await db
    .selectFrom('coalitions')
    .select('slug')
    .where('id', '=', context.coalitionId)
    .executeTakeFirstOrThrow();
  // The member's own delegate: only it may pick its people (staff see them as aggregates only).
  const delegate = await resolveCliActor(db, slug, demoEmail(candidateMember));
  const requirement = await createRequirement(db, delegate, {
    country: 'US',
    jurisdiction: 'US-MI-13',
    jurisdictionName: "Michigan's 13th congressional district",
    kind: 'candidacy',
    title: "Michigan's 13th congressional district: candidacy petition (demo figure)",
    signatures: 1_000,
    ruleText:
      'Signatures of registered voters of the district (an invented figure for the demo, not the statute).',
    whoMaySign: 'registered voters of the district',
    deadline: addDays(today, 30),
    source: 'Demo data: an invented figure',
    asOf: today,
  });
  const drive = await createDrive(db, delegate, {
    organizationId: organization,
    requirementId: requirement.id,
    name: `${demoPetitionCandidate} for Congress (MI-13)`,
    target: { kind: 'candidate', candidateId: candidate.id },
    startDay: addDays(start, 7),
    dueDay: addDays(today, 30),
  });
  const names: string[] = [];
  for (const person of people) {
    names.push((await addCirculator(db, delegate, drive.id, { personId: person.id })).name);
  }
  const data = generate(
    'concord-demo-petitions-candidate',
    names,
    ['Wayne'],
    addDays(start, 7),
    7,
    () => 0.85,
    'MI',
  );
  await addPackets(db, delegate, drive.id, located(data.packets), 'demo');
  await addChecks(db, delegate, drive.id, located(data.checks.filter((c) => c.checkedOn <= today)), 'demo');
  return data;
}

/**
 * A party-recognition drive under Colorado's rule and a local initiative, two weeks in; with the
 * supporters and tickets demos before it, a candidate's drive circulated by the member's people.
 */
export const petitionsDemoStep: DemoStep = {
  name: 'petitions: a Colorado party-recognition drive and a local initiative, two weeks of packets and checks',
  async run(db: Db, context) {
    const admin: Actor = {
      userId: context.adminUserId,
      coalitionId: context.coalitionId,
      organizationId: null,
      role: 'admin',
    };
    const today = todayUtc();
    const start = addDays(today, -13);
    // Colorado: a minor party files a petition of 10,000 registered electors (CRS 1-4-1302), shipped as copied.
    const colorado = await findRequirementOr404(db, admin, 'us-co-party');
    const party = await createDrive(db, admin, {
      organizationId: await organizationId(db, context.coalitionId, "Workers' Common Front"),
      requirementId: colorado.id,
      name: 'Colorado ballot line',
      target: { kind: 'member' },
      startDay: start,
      dueDay: addDays(today, 40),
    });
    const partyData = generate(
      'concord-demo-petitions-party',
      partyCirculators,
      ['Denver', 'Adams', 'Arapahoe', 'El Paso', 'Jefferson', 'Boulder', 'Larimer', 'Pueblo'],
      start,
      14,
      (n) => (n === demoFlaggedCirculator ? 0.45 : 0.8),
      'CO',
    );
    await addPackets(db, admin, party.id, located(partyData.packets), 'demo');
    await addChecks(
      db,
      admin,
      party.id,
      located(partyData.checks.filter((c) => c.checkedOn <= today)),
      'demo',
    );

    const local = await createRequirement(db, admin, {
      country: 'US',
      jurisdiction: 'US-XX-HARBOR-CITY',
      jurisdictionName: 'Harbor City (fictional)',
      kind: 'initiative',
      title: 'Harbor City: municipal initiative (fictional)',
      signatures: 1_500,
      ruleText:
        'Signatures of registered voters of the city equal to 5% of the votes for mayor at the last election (demo rule).',
      whoMaySign: 'registered voters of the city',
      deadline: addDays(today, 12),
      deadlineText: 'Petition due 12 days from the demo\u2019s load day',
      source: 'Demo data: an invented city',
      asOf: today,
    });
    const initiative = await createDrive(db, admin, {
      organizationId: await organizationId(db, context.coalitionId, 'Harbor Greens'),
      requirementId: local.id,
      name: 'Harbor City clean water initiative',
      target: { kind: 'initiative', name: 'Clean water for Harbor City' },
      startDay: start,
      dueDay: addDays(today, 12),
      cureDays: 10,
    });
    const localData = generate(
      'concord-demo-petitions-local',
      initiativeCirculators,
      ['Harbor City'],
      start,
      14,
      () => 0.8,
      'HC',
    );
    await addPackets(db, admin, initiative.id, located(localData.packets), 'demo');
    await addChecks(
      db,
      admin,
      initiative.id,
      located(localData.checks.filter((c) => c.checkedOn <= today)),
      'demo',
    );
    const candidateData = await candidateDrive(db, context, start, today);
    const all = [partyData, localData, ...(candidateData ? [candidateData] : [])];
    context.log(
      `petitions: ${all.reduce((n, d) => n + d.packets.length, 0)} packets, ${all.reduce((n, d) => n + d.checks.length, 0)} checks${candidateData ? '' : ' (no candidate drive: the supporters and tickets demos have not run)'}`,
    );
  },
};
