import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/database.ts';
import type { DemoStep } from '../demo/demo.steps.ts';
import * as catalog from '../map/catalog.service.ts';
import { resolveCliActor } from '../registry/cli-context.ts';
import { demoEmail, demoSecretariatEmail } from '../registry/registry.demo.ts';
import { recordConsent } from './consent.service.ts';
import { runEngine } from './engine-run.ts';
import type { MemberInput } from './pacts.schema.ts';
import { createPact } from './pacts.service.ts';
import { lockRace } from './rules.service.ts';
import { completeRun, requestRun } from './runs.service.ts';
import { getVersion } from './versions.service.ts';

/**
 * The demo coalition's pacts, so the web app has something to show: the 14 Michigan US House
 * districts of 2020 shared among three members (each mapped to a real party's results as a
 * stand-in: the members are invented), run once, a race locked to the Greens, run again (two
 * versions to compare), two local stances; and Michigan's 83 counties as organizing zones.
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

export const pactsDemoStep: DemoStep = {
  name: 'pacts: Michigan House districts shared among three members, two versions, local consent; organizing zones',
  async run(db, context) {
    const { slug } = await db
      .selectFrom('coalitions')
      .select('slug')
      .where('id', '=', context.coalitionId)
      .executeTakeFirstOrThrow();
    const staff = await resolveCliActor(db, slug, demoSecretariatEmail);
    const election = (await catalog.listElections(db, staff, 'US')).find((e) => e.slug === 'us-2020-general');
    const [michigan] = (
      await catalog.listJurisdictions(db, staff, { kind: 'state', code: '26', limit: 1, offset: 0 })
    ).items;
    if (!election || !michigan) {
      context.log('demo: no US House 2020 results loaded; the demo pacts are skipped');
      return;
    }
    const ids = await organizationIds(db, context.coalitionId, [
      ...housePact.members.map((m) => m.name),
      ...zonesPact.members,
    ]);
    const member = (name: string, parties: string[]): MemberInput => ({
      organizationId: ids.get(name) ?? '',
      parties,
    });

    const house = await createPact(db, staff, {
      name: housePact.name,
      source: {
        kind: 'races',
        electionId: election.id,
        office: 'us_house',
        stage: 'general',
        within: [michigan.id],
      },
      members: housePact.members.map((m) => member(m.name, m.parties)),
    });
    const first = await runOnce(db, staff, house.id, 'first draft');
    const greens = ids.get('Harbor Greens') ?? '';
    const race = Object.entries(first.result.assignments).find(
      ([, key]) => key !== null && first.labels.members[key]?.organizationId !== greens,
    )?.[0];
    if (race) {
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

    const zones = await createPact(db, staff, {
      name: zonesPact.name,
      source: {
        kind: 'zones',
        parentJurisdictionId: michigan.id,
        zoneKind: 'county',
        resultSet: 'us-president-2024-county',
      },
      members: zonesPact.members.map((name) => member(name, ['DEM'])),
    });
    await runOnce(db, staff, zones.id, 'first draft');
    context.log(`demo: pacts "${housePact.name}" (2 versions) and "${zonesPact.name}" created`);
  },
};
