import type { Actor } from '../../core/actor.ts';
import { addDays } from '../../core/petitions/days.ts';
import { seededRandom } from '../../core/tabulate/random.ts';
import type { Db } from '../../db/database.ts';
import type { DemoStep } from '../../demo/step.ts';
import { createDrive, todayUtc } from './drives.service.ts';
import { addChecks, addPackets } from './entries.service.ts';
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

/** A party-recognition drive under Colorado's rule and a local initiative, two weeks in. */
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
    context.log(
      `petitions: ${partyData.packets.length + localData.packets.length} packets, ${partyData.checks.length + localData.checks.length} checks`,
    );
  },
};
