import { resolveCliActor } from '../../cli/context.ts';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/database.ts';
import type { DemoStep } from '../../demo/step.ts';
import { castBallot, closeDecision } from '../decisions/index.ts';
import { catalog } from '../map/index.ts';
import { demoEmail, demoSecretariatEmail } from '../registry/index.ts';
import { recordConsent } from './consent.service.ts';
import { runEngine } from './engine-run.ts';
import { createPact } from './pacts.service.ts';
import { sendToRatification } from './ratification.service.ts';
import { lockRace } from './rules.service.ts';
import { completeRun, requestRun } from './runs.service.ts';
import { getVersion } from './versions.service.ts';

/**
 * The demo coalition's pacts, so the web app has something to show: the 14 Michigan US House
 * districts of 2020 shared among three members (each mapped to a real party's results as a
 * stand-in: the members are invented), run once, a race locked to the Greens, run again (two
 * versions to compare), two local stances; and Michigan's 83 counties as organizing zones, ratified
 * by the members (the public site's candidate lookup shows who organizes each county).
 */
const housePact = {
  name: 'Michigan US House (2020 results)',
  members: [
    { name: "Workers' Common Front", parties: ['DEM'] },
    { name: 'Harbor Greens', parties: ['GRN'] },
    { name: 'Liberal Forum', parties: ['LIB'] },
  ],
};

const zonesPact = {
  name: 'Michigan organizing zones (2024 presidential)',
  members: ["Workers' Common Front", 'Harbor Greens', 'Tenants United', 'Rural Hearth Movement'],
};

/** The demo runs in one transaction: the job is run inline here, through the same job records. */
async function runOnce(db: Db, actor: Actor, pactId: string, note: string) {
  const { job } = await requestRun(db, actor, pactId, { mode: 'heuristic', note });
  const report = await runEngine(job.input, job.mode, () => {});
  await completeRun(db, actor.coalitionId, job.runId, report);
  return getVersion(db, actor, pactId);
}

async function organizationIds(db: Db, coalitionId: string, names: readonly string[]) {
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('coalition_id', '=', coalitionId)
    .where('name', 'in', names)
    .execute();
  return new Map(rows.map((row) => [row.name, row.id]));
}

/**
 * The House pact: run, a district locked to the Greens by a local agreement, run again, a
 * consent and an objection on that district. Left a draft, so the workspace can be tried on it.
 */
async function demoHousePact(db: Db, slug: string, staff: Actor, electionId: string, michiganId: string) {
  const ids = await organizationIds(
    db,
    staff.coalitionId,
    housePact.members.map((m) => m.name),
  );
  const house = await createPact(db, staff, {
    name: housePact.name,
    source: { kind: 'races', electionId, office: 'us_house', stage: 'general', within: [michiganId] },
    members: housePact.members.map((m) => ({ organizationId: ids.get(m.name) ?? '', parties: m.parties })),
  });
  const first = await runOnce(db, staff, house.id, 'first draft');
  const greens = ids.get('Harbor Greens') ?? '';
  const race = Object.entries(first.result.assignments).find(
    ([, key]) => key !== null && first.labels.members[key]?.organizationId !== greens,
  )?.[0];
  if (!race) return;
  await lockRace(db, staff, house.id, {
    race,
    organizationId: greens,
    note: 'local agreement: the Greens run their county commissioner here',
  });
  await runOnce(db, staff, house.id, 'after the Greens’ local agreement');
  const greensDelegate = await resolveCliActor(db, slug, demoEmail('Harbor Greens'));
  await recordConsent(db, greensDelegate, house.id, race, {
    stance: 'consent',
    note: 'branch meeting agreed',
  });
  const liberals = await resolveCliActor(db, slug, demoEmail('Liberal Forum'));
  await recordConsent(db, liberals, house.id, race, {
    stance: 'object',
    note: 'our local list wanted a joint candidate',
  });
}

/** How the members vote on the zones pact: every ballot through the decisions service. */
const zonesBallots: [string, 'yes' | 'no' | 'abstain'][] = [
  ["Workers' Common Front", 'yes'],
  ['Harbor Greens', 'yes'],
  ['Open Streets Federation', 'yes'],
  ['Tenants United', 'yes'],
  ['Civic Renewal Party', 'yes'],
  ['Rural Hearth Movement', 'yes'],
  ['Liberal Forum', 'abstain'],
];

/**
 * The zones pact, run once and ratified: sent to a `pact_ratification` decision, the members'
 * delegates vote, the secretariat closes it, so the public site names who organizes each county.
 */
async function demoZonesPact(db: Db, slug: string, staff: Actor, michiganId: string) {
  const ids = await organizationIds(db, staff.coalitionId, zonesPact.members);
  const zones = await createPact(db, staff, {
    name: zonesPact.name,
    source: {
      kind: 'zones',
      parentJurisdictionId: michiganId,
      zoneKind: 'county',
      resultSet: 'us-president-2024-county',
    },
    members: zonesPact.members.map((name) => ({ organizationId: ids.get(name) ?? '', parties: ['DEM'] })),
  });
  await runOnce(db, staff, zones.id, 'first draft');
  const sent = await sendToRatification(db, staff, zones.id, {
    body: 'Each member organizes the counties it is given, from the 2024 presidential results.',
  });
  for (const [name, choice] of zonesBallots) {
    const delegate = await resolveCliActor(db, slug, demoEmail(name));
    if (delegate.organizationId)
      await castBallot(db, delegate, sent.decisionId, delegate.organizationId, { choice });
  }
  await closeDecision(db, staff, sent.decisionId);
}

export const pactsDemoStep: DemoStep = {
  name: 'pacts: Michigan House districts shared among three members, two versions, local consent; organizing zones, ratified',
  async run(db, context) {
    const { slug } = await db
      .selectFrom('coalitions')
      .select('slug')
      .where('id', '=', context.coalitionId)
      .executeTakeFirstOrThrow();
    const staff = await resolveCliActor(db, slug, demoSecretariatEmail);
    const [michigan] = (
      await catalog.listJurisdictions(db, staff, { kind: 'state', code: '26', limit: 1, offset: 0 })
    ).items;
    if (!michigan) {
      context.log('demo: no US map loaded; the demo pacts are skipped');
      return;
    }
    const election = (await catalog.listElections(db, staff, 'US')).find((e) => e.slug === 'us-2020-general');
    if (election) await demoHousePact(db, slug, staff, election.id, michigan.id);
    else context.log('demo: no US House 2020 results loaded; the House pact is skipped');
    await demoZonesPact(db, slug, staff, michigan.id);
    context.log(`demo: pacts "${housePact.name}" (2 versions) and "${zonesPact.name}" (ratified) created`);
  },
};
