import { resolveCliActor } from '../../cli/context.ts';
import type { Actor } from '../../core/actor.ts';
import { DomainError } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import type { DemoStep } from '../../demo/step.ts';
import { castBallot, closeDecision } from '../decisions/index.ts';
import { importRaces } from '../map/index.ts';
import {
  completeRun,
  createPact,
  lockRace,
  requestRun,
  runEngine,
  sendToRatification,
} from '../pacts/index.ts';
import { demoEmail, demoSecretariatEmail } from '../registry/index.ts';
import {
  addLine,
  endorseCandidate,
  proposeCandidate,
  recordRefusal,
  transitionCandidate,
} from './candidates.service.ts';
import { openDispute } from './disputes.service.ts';
import { proposeNationalTicket } from './national.service.ts';
import { updateTicketSettings } from './settings.service.ts';
import * as repo from './tickets.repository.ts';

/**
 * The demo coalition's candidates (every person invented): the coalition's own 2026 races in
 * Michigan, New York and Connecticut; a ratified pact over three Michigan house seats with its
 * candidates; a joint ticket in New York; a refused fusion attempt in Michigan (kept on the record,
 * an endorsement instead); national tickets for 2024 and 2028 under the split rule; and a
 * dissident candidacy with a dispute open.
 */
const header =
  'election,election_name,election_date,office,stage,jurisdiction_kind,jurisdiction_code,jurisdiction_name,parent,seats,filing_deadline';
const race = (office: string, kind: string, code: string, name: string, parent: string) =>
  `us-2026-coalition,Midterms 2026 (coalition races),2026-11-03,${office},general,${kind},${code},${name},${parent},1,2026-07-21`;
const races = [
  race('state_house', 'state_legislative_district', 'MI-HD-12', 'Michigan House 12', 'state:26'),
  race('state_house', 'state_legislative_district', 'MI-HD-13', 'Michigan House 13', 'state:26'),
  race('state_house', 'state_legislative_district', 'MI-HD-14', 'Michigan House 14', 'state:26'),
  race('state_senate', 'state_legislative_district', 'NY-SD-25', 'New York Senate 25', 'state:36'),
  race('state_house', 'state_legislative_district', 'CT-HD-94', 'Connecticut House 94', 'state:09'),
  race('us_house', 'congressional_district', 'MI-13', 'Michigan district 13', 'state:26'),
];
// Its own file: a reference county listed beside districts of its state would hide their state.
const wayne = race('county_commission', 'county', '26163', 'Wayne', '');

const workers = "Workers' Common Front";
const greens = 'Harbor Greens';
const liberals = 'Liberal Forum';
const tenants = 'Tenants United';

async function runInline(db: Db, staff: Actor, pactId: string) {
  const { job } = await requestRun(db, staff, pactId, { mode: 'heuristic', note: 'demo' });
  const report = await runEngine(job.input, job.mode, () => {});
  await completeRun(db, staff.coalitionId, job.runId, report);
}

export const ticketsDemoStep: DemoStep = {
  name: 'tickets: 2026 races, a ratified house pact with its candidates, a NY joint ticket, a refused MI fusion, national tickets, a dissident under dispute',
  async run(db, context) {
    const { slug } = await repo.findCoalitionName(db, context.coalitionId);
    const staff = await resolveCliActor(db, slug, demoSecretariatEmail);
    const delegate = (name: string) => resolveCliActor(db, slug, demoEmail(name));
    const states = await repo.findStateIds(db, ['26', '36', '09']);
    if (states.length < 3) {
      context.log('demo: no US map loaded; the tickets demo is skipped');
      return;
    }
    const admin: Actor = { ...staff, role: 'admin', userId: context.adminUserId };
    await importRaces(db, admin, {
      file: 'demo-2026.csv',
      text: `${header}\n${races.join('\n')}\n`,
      dryRun: false,
    });
    await importRaces(db, admin, {
      file: 'demo-2026-wayne.csv',
      text: `${header}\n${wayne}\n`,
      dryRun: false,
    });
    const raceIds = new Map(
      (await repo.searchOwnRaces(db, context.coalitionId, {}, { limit: 500 })).map((r) => [
        r.jurisdiction_code,
        r.id,
      ]),
    );
    const raceId = (code: string) => raceIds.get(code) ?? '';
    const members = new Map((await repo.listMembers(db, context.coalitionId)).map((m) => [m.name, m.id]));
    const memberId = (name: string) => members.get(name) ?? '';

    // The ratified pact: MI-HD-12 to the Greens, MI-HD-13 to the Workers, MI-HD-14 to Liberal Forum.
    const michigan = states.find((s) => s.code === '26');
    // The election of the 2026 races just imported (the map's demo step imports other races too).
    const michiganHouse12 = raceId('MI-HD-12');
    const pact = await createPact(db, staff, {
      name: 'Michigan House 2026',
      source: {
        kind: 'races',
        electionId: michiganHouse12 ? await repo.electionOfRace(db, michiganHouse12) : '',
        office: 'state_house',
        within: michigan ? [michigan.id] : [],
      },
      members: [
        { organizationId: memberId(workers), parties: ['DEM'] },
        { organizationId: memberId(greens), parties: ['GRN'] },
        { organizationId: memberId(liberals), parties: ['LIB'] },
      ],
      settings: { entitlement: 'report' },
    });
    for (const [key, name] of [
      ['MI-HD-12', greens],
      ['MI-HD-13', workers],
      ['MI-HD-14', liberals],
    ] as const)
      await lockRace(db, staff, pact.id, {
        race: key,
        organizationId: memberId(name),
        note: 'demo: agreed by the members',
      });
    await runInline(db, staff, pact.id);
    const sent = await sendToRatification(db, staff, pact.id, {
      body: 'Each member runs the 2026 house seat it is given.',
    });
    for (const name of [workers, greens, liberals, tenants]) {
      const d = await delegate(name);
      if (d.organizationId) await castBallot(db, d, sent.decisionId, d.organizationId, { choice: 'yes' });
    }
    await closeDecision(db, staff, sent.decisionId);

    // The pact's candidates, endorsed and filed.
    const endorseAndFile = async (id: string) => {
      await endorseCandidate(db, staff, id);
      await transitionCandidate(db, staff, id, { action: 'file' });
    };
    const pactCandidates: [string, string, string][] = [
      [greens, 'Marisol Quinn', 'MI-HD-12'],
      [workers, 'Dale Okafor', 'MI-HD-13'],
      [liberals, 'Ivy Brandt', 'MI-HD-14'],
    ];
    const created = new Map<string, string>();
    for (const [member, name, code] of pactCandidates) {
      const c = await proposeCandidate(db, await delegate(member), { name, raceId: raceId(code) });
      created.set(code, c.id);
      await endorseAndFile(c.id);
    }

    // The refused fusion attempt: Michigan bars fusion, so the Workers' line is refused and kept on the record; they endorse instead.
    const workersDelegate = await delegate(workers);
    const attempt = { kind: 'party' as const, candidateIsMember: false, wilsonPakula: false };
    const target = created.get('MI-HD-12') ?? '';
    try {
      await addLine(db, workersDelegate, target, attempt);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await recordRefusal(db, workersDelegate, target, error, attempt);
    }
    await addLine(db, workersDelegate, target, {
      kind: 'endorsement',
      candidateIsMember: false,
      wilsonPakula: false,
    });

    // The joint ticket in New York: the Workers' candidate on the Greens' line too (Wilson-Pakula recorded).
    const ny = await proposeCandidate(db, workersDelegate, {
      name: 'Rosa Delgado',
      raceId: raceId('NY-SD-25'),
    });
    await addLine(db, await delegate(greens), ny.id, {
      kind: 'party',
      candidateIsMember: false,
      wilsonPakula: true,
    });
    await endorseAndFile(ny.id);
    const ct = await proposeCandidate(db, await delegate(greens), {
      name: 'Tomas Reilly',
      raceId: raceId('CT-HD-94'),
    });
    await addLine(db, workersDelegate, ct.id, {
      kind: 'party',
      candidateIsMember: true,
      wilsonPakula: false,
    });
    await endorseCandidate(db, staff, ct.id);
    const county = await proposeCandidate(db, await delegate(tenants), {
      name: 'Noor Haddad',
      raceId: raceId('26163'),
    });
    await addLine(db, workersDelegate, county.id, {
      kind: 'endorsement',
      candidateIsMember: false,
      wilsonPakula: false,
    });
    await endorseCandidate(db, staff, county.id);
    // A US House seat crossing Wayne County: the slate lists it with its share of the county's area.
    const house = await proposeCandidate(db, workersDelegate, {
      name: 'Keisha Grant',
      raceId: raceId('MI-13'),
    });
    await addLine(db, await delegate(greens), house.id, {
      kind: 'endorsement',
      candidateIsMember: false,
      wilsonPakula: false,
    });
    await endorseCandidate(db, staff, house.id);

    // National tickets under the split rule: the left on top in 2024, the right in 2028.
    await updateTicketSettings(db, staff, { splitTicket: true });
    await proposeNationalTicket(db, staff, {
      cycle: 2024,
      office: 'us_president',
      top: { name: 'Elena Marsh', organizationId: memberId(workers) },
      second: { name: 'Victor Hale', organizationId: memberId(liberals) },
      requestOverride: false,
    });
    await proposeNationalTicket(db, staff, {
      cycle: 2028,
      office: 'us_president',
      top: { name: 'Grace Lindqvist', organizationId: memberId(liberals) },
      second: { name: 'Omar Reyes', organizationId: memberId(greens) },
      requestOverride: false,
    });

    // A dissident: Tenants United files in the seat the pact gave the Workers; the secretariat opens a dispute.
    const dissident = await proposeCandidate(db, await delegate(tenants), {
      name: 'Paul Kowalski',
      raceId: raceId('MI-HD-13'),
    });
    await openDispute(db, staff, dissident.id);
    context.log(
      'demo: tickets — ratified "Michigan House 2026", 7 candidates, national tickets 2024 and 2028, one dispute open',
    );
  },
};
