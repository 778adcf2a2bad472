import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createTestUser } from '../../../../test/helpers/factories.ts';
import { inTx, type Seed, seedCoalition } from '../../../../test/helpers/governance.ts';
import { buildTestApp, injectAs, signIn, testConfig } from '../../../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../../../test/helpers/test-database.ts';
import { buildApp } from '../../../app.ts';
import type { App } from '../../../http/types.ts';
import { verifyAuditChain } from '../../audit/index.ts';
import { castBallot, closeDecision } from '../../decisions/index.ts';
import { catalog, loadCrosswalk, loadReferenceData, prepareDatasets } from '../../map/index.ts';
import { updateOrganization } from '../../registry/index.ts';
import { createPact } from '../drafting/pacts.service.ts';
import type { CreatePactInput } from '../pacts.schema.ts';
import { sendToRatification } from '../ratification/ratification.service.ts';
import { RunExecutor } from '../runs/run-executor.ts';
import { requestRun } from '../runs/runs.service.ts';
import { getVersion } from '../versions/versions.service.ts';
import { publicIndexStats } from './public.routes.ts';
import { type PublicCandidates, publicCandidatesSchema } from './public.schema.ts';
import { coverageOf } from './public.service.ts';
import { slowCoalitionCandidates } from './public.test-fixtures.ts';

const database = useTestDatabase();
const day = 86_400_000;
const wayne = 'county:26163';

describe('coverageOf: which races cover a place', () => {
  const county = {
    id: 'wayne',
    key: wayne,
    aboveIds: new Set(['michigan', 'us']),
    aboveKeys: new Set(['state:26', 'nation:US']),
  };
  const race = (jurisdictionId: string | null, keys: string[], above: string[] = []) => ({
    jurisdictionId,
    jurisdictionKeys: keys,
    aboveIds: new Set(above),
  });

  it('the place itself, an area containing it, an area within it; never a neighbour', () => {
    expect(coverageOf(race('wayne', [wayne]), county)).toBe('place');
    expect(coverageOf(race(null, [wayne, 'state:26']), county)).toBe('place');
    expect(coverageOf(race('michigan', ['state:26'], ['us']), county)).toBe('contains_place');
    expect(coverageOf(race(null, ['state:26']), county)).toBe('contains_place');
    expect(coverageOf(race('mi-13', ['congressional_district:MI-13'], ['michigan', 'us']), county)).toBe(
      null,
    );
    expect(coverageOf(race('washtenaw', ['county:26161', 'state:26'], ['michigan']), county)).toBe(null);
    expect(coverageOf(race('ohio', ['state:39'], ['us']), county)).toBe(null);
    const michigan = {
      id: 'michigan',
      key: 'state:26',
      aboveIds: new Set(['us']),
      aboveKeys: new Set(['nation:US']),
    };
    expect(coverageOf(race('mi-13', ['congressional_district:MI-13'], ['michigan', 'us']), michigan)).toBe(
      'within_place',
    );
    // A race listing the place among the areas above it (a zone's keys) lies within it.
    expect(coverageOf(race(null, ['county:26161', 'state:26']), michigan)).toBe('within_place');
  });
});

describe('GET /api/public/coalitions/:slug/candidates (no sign-in)', () => {
  let app: App;
  let executor: RunExecutor;
  let left: Seed;
  let other: Seed;
  let michiganId: string;
  let electionId: string;
  const ratifiedAt = new Map<string, string>();
  let pendingDecisionId = '';

  const zonesInput = (seed: Seed, name: string): CreatePactInput => ({
    name,
    source: {
      kind: 'zones',
      parentJurisdictionId: michiganId,
      zoneKind: 'county',
      resultSet: 'us-president-2024-county',
    },
    members: seed.members.map((member) => ({ organizationId: member.id, parties: ['DEM'] })),
  });

  /** A pact with one version, from the service, as staff would make it. */
  const pactWithVersion = async (seed: Seed, input: CreatePactInput) => {
    const { db } = database();
    const pact = await inTx(db, (trx) => createPact(trx, seed.secretariat, input));
    const { job } = await inTx(db, (trx) =>
      requestRun(trx, seed.secretariat, pact.id, { mode: 'heuristic' }),
    );
    await executor.execute(job);
    return pact.id;
  };

  /** Every member votes; the decision is closed now by staff. */
  const decide = async (seed: Seed, pactId: string, choice: 'yes' | 'no') => {
    const { db } = database();
    const sent = await inTx(db, (trx) => sendToRatification(trx, seed.secretariat, pactId, {}));
    for (const member of seed.members)
      await inTx(db, (trx) => castBallot(trx, member.delegate, sent.decisionId, member.id, { choice }));
    const closed = await inTx(db, (trx) => closeDecision(trx, seed.secretariat, sent.decisionId));
    ratifiedAt.set(pactId, new Date(closed.closed_at ?? 0).toISOString());
  };

  const lookup = async (slug: string, jurisdiction: string, on: App = app) =>
    on.inject({
      method: 'GET',
      url: `/api/public/coalitions/${slug}/candidates?jurisdiction=${encodeURIComponent(jurisdiction)}`,
    });
  const candidates = async (slug: string, jurisdiction: string): Promise<PublicCandidates> => {
    const response = await lookup(slug, jurisdiction);
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  const pactIds: Record<string, string> = {};

  beforeAll(async () => {
    const { db } = database();
    const datasets = await prepareDatasets([
      'us-geography',
      'us-president-2024-county',
      'us-president-2024-state',
    ]);
    await inTx(db, (trx) => loadReferenceData(trx, datasets));
    executor = new RunExecutor(db);
    app = await buildTestApp(db);
    left = await seedCoalition(db, [
      { name: 'Lakeshore Labor', strength: 900 },
      { name: 'Harbor Greens', strength: 400 },
      { name: 'Upper Peninsula Farmers', strength: 200 },
    ]);
    other = await seedCoalition(db, [
      { name: 'Other Labor', strength: 500 },
      { name: 'Other Greens', strength: 500 },
    ]);
    const [michigan] = (
      await catalog.listJurisdictions(db, null, { kind: 'state', code: '26', limit: 1, offset: 0 })
    ).items;
    const election = (await catalog.listElections(db, null, 'US')).find((e) => e.slug === 'us-2024-general');
    if (!michigan || !election) throw new Error('the map data is not loaded');
    michiganId = michigan.id;
    electionId = election.id;
    await inTx(db, (trx) =>
      updateOrganization(trx, left.admin, left.members[1]?.id ?? '', { homeJurisdictions: [wayne] }),
    );

    pactIds.zones = await pactWithVersion(left, zonesInput(left, 'Michigan zones'));
    await decide(left, pactIds.zones, 'yes');
    pactIds.draft = await pactWithVersion(left, zonesInput(left, 'Draft zones'));
    pactIds.rejected = await pactWithVersion(left, zonesInput(left, 'Rejected zones'));
    await decide(left, pactIds.rejected, 'no');
    pactIds.pending = await pactWithVersion(left, zonesInput(left, 'Zones under vote'));
    pendingDecisionId = (
      await inTx(db, (trx) => sendToRatification(trx, left.secretariat, pactIds.pending ?? '', {}))
    ).decisionId;
    pactIds.other = await pactWithVersion(other, zonesInput(other, 'Another coalition’s zones'));
    await decide(other, pactIds.other, 'yes');

    // Ratified by a decision whose window passed unread: the public read closes it on the way.
    pactIds.president = await pactWithVersion(left, {
      name: 'President 2024 by state',
      source: { kind: 'races', electionId, office: 'us_president' },
      members: left.members.map((member, index) => ({
        organizationId: member.id,
        parties: [['DEM'], ['GRN'], ['LIB']][index] ?? [],
      })),
    });
    const opened = new Date(Date.now() - 2 * day);
    const sent = await inTx(db, (trx) =>
      sendToRatification(
        trx,
        left.secretariat,
        pactIds.president ?? '',
        { closesAt: new Date(Date.now() - day).toISOString() },
        opened,
      ),
    );
    for (const member of left.members)
      await inTx(db, (trx) =>
        castBallot(trx, member.delegate, sent.decisionId, member.id, { choice: 'yes' }, opened),
      );
    ratifiedAt.set(pactIds.president, new Date(Date.now() - day).toISOString());
    // The area-based crosswalk is read once per process, from the file shipped in data/.
    await loadCrosswalk();
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await executor?.close();
  });

  const assignedOrganization = async (seed: Seed, pactId: string, raceKey: string) => {
    const version = await inTx(database().db, (trx) => getVersion(trx, seed.viewer, pactId, 1));
    const key = version.result.assignments[raceKey];
    return key ? (version.labels.members[key]?.organizationId ?? null) : null;
  };

  it('a county: its state’s statewide race and its own zone, from ratified pacts only', async () => {
    const found = await candidates(left.coalition.slug, wayne);
    expect(found.place).toMatchObject({ key: wayne, kind: 'county', code: '26163', name: 'Wayne' });
    expect(found.place.within.map((j) => j.key)).toEqual(['state:26', 'nation:US']);
    expect(found.races.map((r) => [r.pact.name, r.key, r.coverage])).toEqual([
      ['President 2024 by state', '26', 'contains_place'],
      ['Michigan zones', '26163', 'place'],
    ]);
    const [president, zone] = found.races;
    expect(zone?.pact).toEqual({
      name: 'Michigan zones',
      kind: 'zones',
      version: 1,
      ratifiedAt: ratifiedAt.get(pactIds.zones ?? ''),
    });
    // The window passed unread: this very read closed the decision, as passed, at its closing time.
    expect(president?.pact).toMatchObject({ kind: 'races', version: 1 });
    expect(Date.parse(president?.pact.ratifiedAt ?? '')).toBeCloseTo(
      Date.parse(ratifiedAt.get(pactIds.president ?? '') ?? ''),
      -4,
    );
    expect(zone?.member?.id).toBe(await assignedOrganization(left, pactIds.zones ?? '', '26163'));
    expect(zone?.open).toBe(false);
    expect(Object.keys(zone?.member ?? {}).sort()).toEqual(
      ['description', 'homeJurisdictions', 'id', 'kind', 'name', 'parentId', 'platform', 'position'].sort(),
    );
    const presidentMember = await assignedOrganization(left, pactIds.president ?? '', '26');
    expect(president?.member?.id ?? null).toBe(presidentMember);
    expect(president?.open).toBe(presidentMember === null);
    expect((await verifyAuditChain(database().db, left.coalition.id)).ok).toBe(true);
  });

  it('a county lists its own House district(s) from the area-based crosswalk, not every seat of its state', async () => {
    const found = await candidates(left.coalition.slug, wayne);
    expect(found.crosswalk).toContain('area-based');
    // Wayne County is split among four Michigan districts (2020 lines); the state's other ten never show.
    expect(found.houseDistricts.map((d) => [d.code, Math.round(d.share * 100)])).toEqual([
      ['MI-12', 41],
      ['MI-13', 29],
      ['MI-11', 17],
      ['MI-14', 12],
    ]);
    expect(found.houseDistricts.every((d) => d.basis === 'area-based' && d.election === 2020)).toBe(true);
    // Marquette County lies wholly inside the Upper Peninsula's district.
    const marquette = await candidates(left.coalition.slug, 'county:26103');
    expect(marquette.houseDistricts.map((d) => [d.code, Math.round(d.share * 100)])).toEqual([['MI-1', 100]]);
    // A state or the nation is not a county: no crosswalk rows.
    expect((await candidates(left.coalition.slug, 'state:26')).houseDistricts).toEqual([]);
  });

  it('drafts, rejected pacts, pacts under vote and other coalitions’ pacts never show', async () => {
    const names = new Set<string>();
    for (const place of [wayne, 'state:26', 'nation:US'])
      for (const race of (await candidates(left.coalition.slug, place)).races) names.add(race.pact.name);
    expect([...names].sort()).toEqual(['Michigan zones', 'President 2024 by state']);
    const theirs = await candidates(other.coalition.slug, wayne);
    expect(theirs.races.map((r) => [r.pact.name, r.key])).toEqual([['Another coalition’s zones', '26163']]);
    expect(theirs.races[0]?.member?.id).toBe(await assignedOrganization(other, pactIds.other ?? '', '26163'));
  });

  it('a state: its own race first, then the counties within it; a place by id; elsewhere only its state', async () => {
    const michigan = await candidates(left.coalition.slug, 'state:26');
    expect(michigan.races[0]).toMatchObject({ key: '26', coverage: 'place' });
    const zones = michigan.races.filter((r) => r.pact.name === 'Michigan zones');
    expect(zones).toHaveLength(83);
    expect(zones.every((r) => r.coverage === 'within_place' && r.member !== null)).toBe(true);
    expect(zones.slice(0, 3).map((r) => r.key)).toEqual(['26001', '26003', '26005']);

    const byId = await candidates(left.coalition.slug, zonesAt(michigan, '26163').jurisdictionId ?? '');
    expect(byId.races.map((r) => r.key)).toEqual(['26', '26163']);

    const franklin = await candidates(left.coalition.slug, 'county:39049');
    expect(franklin.races.map((r) => [r.key, r.coverage])).toEqual([['39', 'contains_place']]);
    const nation = await candidates(left.coalition.slug, 'nation:US');
    expect(nation.races.filter((r) => r.pact.kind === 'races')).toHaveLength(51);
    expect(nation.races.filter((r) => r.pact.kind === 'zones')).toHaveLength(83);
    expect(nation.races.every((r) => r.coverage === 'within_place')).toBe(true);
  });

  /** The route's answers (index, one read per place, kept bodies) against the former per-place build. */
  const expectSameAsSlowPath = async (seeds: Seed[], places: string[], on: App = app) => {
    for (const seed of seeds)
      for (const place of places) {
        const response = await lookup(seed.coalition.slug, place, on);
        expect(response.statusCode).toBe(200);
        const slow = await slowCoalitionCandidates(database().db, seed.coalition.slug, place);
        expect(response.body, `${seed.coalition.slug} ${place}`).toBe(
          JSON.stringify(z.encode(publicCandidatesSchema, slow)),
        );
      }
  };
  const michiganPlaces = async () => {
    const counties = (
      await catalog.listJurisdictions(database().db, null, {
        kind: 'county',
        parent: michiganId,
        limit: 200,
        offset: 0,
      })
    ).items;
    expect(counties).toHaveLength(83);
    return [
      ...counties.map((c) => `county:${c.code}`),
      'state:26',
      'nation:US',
      'county:39049',
      counties[0]?.id ?? '',
    ];
  };

  it('answers from the per-coalition index equal the slow path’s, byte for byte, for every county of Michigan', async () => {
    await expectSameAsSlowPath([left, other], await michiganPlaces());
  });

  it('404 for an unknown coalition or place, 400 for a malformed place, and never a sign-in', async () => {
    const codeOf = async (slug: string, place: string) => {
      const response = await lookup(slug, place);
      return [response.statusCode, response.json().error.code];
    };
    expect(await codeOf('no-such-coalition', wayne)).toEqual([404, 'coalition.not_found']);
    expect(await codeOf(left.coalition.slug, 'county:99999')).toEqual([404, 'map.jurisdiction_not_found']);
    expect(await codeOf(left.coalition.slug, 'planet:3')).toEqual([404, 'map.jurisdiction_not_found']);
    expect(await codeOf(left.coalition.slug, '00000000-0000-4000-8000-000000000000')).toEqual([
      404,
      'map.jurisdiction_not_found',
    ]);
    expect((await lookup(left.coalition.slug, 'Wayne County')).statusCode).toBe(400);
    const missing = await app.inject({
      method: 'GET',
      url: `/api/public/coalitions/${left.coalition.slug}/candidates`,
    });
    expect(missing.statusCode).toBe(400);
    const docs = (await app.inject('/docs/json')).json();
    expect(docs.paths['/api/public/coalitions/{slug}/candidates']?.get?.tags).toEqual(['public']);
  });

  describe('with a ratified House pact: districts crossing counties', () => {
    let house: Seed;
    beforeAll(async () => {
      const { db } = database();
      await inTx(db, async (trx) => loadReferenceData(trx, await prepareDatasets(['us-house-1976-2020'])));
      house = await seedCoalition(db, [
        { name: 'House Labor', strength: 700 },
        { name: 'House Greens', strength: 300 },
      ]);
      const election = (await catalog.listElections(db, null, 'US')).find(
        (e) => e.slug === 'us-2020-general',
      );
      if (!election) throw new Error('no 2020 general election');
      const pactId = await pactWithVersion(house, {
        name: 'Michigan House 2020',
        source: {
          kind: 'races',
          electionId: election.id,
          office: 'us_house',
          stage: 'general',
          within: [michiganId],
        },
        members: house.members.map((member, index) => ({
          organizationId: member.id,
          parties: [['DEM'], ['GRN']][index] ?? [],
        })),
      });
      await decide(house, pactId, 'yes');
    }, 300_000);

    it('the index’s answers equal the slow path’s for every county of Michigan, crossings included', async () => {
      const wayne = await candidates(house.coalition.slug, 'county:26163');
      expect(
        wayne.races
          .filter((r) => r.coverage === 'crosses_place')
          .map((r) => [r.key, Math.round((r.share ?? 0) * 100)]),
      ).toEqual([
        ['MI-11', 17],
        ['MI-12', 41],
        ['MI-13', 29],
        ['MI-14', 12],
      ]);
      expect(wayne.houseDistricts.every((d) => d.jurisdictionId !== null)).toBe(true);
      // Another coalition's index too, built before the House data was loaded: the map's version
      // moved with the import (migration 2026_12_06_2301), so it is rebuilt at once, feed or not.
      await expectSameAsSlowPath(
        [house, other],
        [...(await michiganPlaces()), 'congressional_district:MI-13'],
      );
    });
  });

  describe('the index moves only with what the public sees (a live change feed)', () => {
    let live: App;
    const places = [wayne, 'county:26161', 'state:26'];
    const waitFor = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 5_000, interval: 50 });
    beforeAll(async () => {
      const handle = database();
      live = await buildApp({
        db: handle.db,
        config: testConfig,
        strictContracts: true,
        listen: handle.listen,
      });
    });
    afterAll(async () => {
      await live?.close();
    });

    it('a ballot cast, a supporter edit and a petition write do not rebuild it; its answers stay right', async () => {
      const { db } = database();
      expect(live.changes.live).toBe(true);
      await expectSameAsSlowPath([left], places, live);
      const builds = publicIndexStats.builds;
      const before = (await lookup(left.coalition.slug, wayne, live)).body;
      const [first] = left.members;
      if (!first) throw new Error('no member');
      // Writes on this server (the change feed counts its own writes as a change to everything).
      const delegate = await createTestUser(db, left.coalition.slug, 'delegate', first.id);
      const session = await signIn(live, delegate);
      const person = await injectAs(live, session, {
        method: 'POST',
        url: '/api/people',
        payload: { firstName: 'Ada', lastName: 'Lovelace' },
      });
      expect(person.statusCode).toBe(201);
      const requirement = await injectAs(live, session, {
        method: 'POST',
        url: '/api/petitions/requirements',
        payload: {
          country: 'US',
          jurisdiction: 'US-MI-DETROIT',
          jurisdictionName: 'Detroit',
          kind: 'initiative',
          title: 'Detroit: transit initiative',
          signatures: 4000,
          ruleText: 'Signatures of registered voters of the city',
          source: 'City charter',
          asOf: '2026',
        },
      });
      expect(requirement.statusCode).toBe(201);
      // A ballot as another server would cast it: its audit event is notified to every server.
      const stamp = live.changes.stamp(left.coalition.id);
      await inTx(db, (trx) =>
        castBallot(trx, first.delegate, pendingDecisionId, first.id, { choice: 'yes' }),
      );
      await waitFor(async () => expect(live.changes.stamp(left.coalition.id)).not.toBe(stamp));
      expect((await lookup(left.coalition.slug, wayne, live)).body).toBe(before);
      await expectSameAsSlowPath([left], places, live);
      expect(publicIndexStats.builds).toBe(builds);
    });

    it('a ratification, a member rename and a map write are answered by the next lookups', async () => {
      const { db } = database();
      const answer = async () => (await lookup(left.coalition.slug, wayne, live)).body;
      const builds = publicIndexStats.builds;
      let seen = await answer();
      const expectNewTruth = async () => {
        await waitFor(async () => expect(await answer()).not.toBe(seen));
        await expectSameAsSlowPath([left], places, live);
        seen = await answer();
      };
      // The pact under vote is ratified: the other members vote yes, staff close the decision.
      for (const member of left.members.slice(1))
        await inTx(db, (trx) =>
          castBallot(trx, member.delegate, pendingDecisionId, member.id, { choice: 'yes' }),
        );
      await inTx(db, (trx) => closeDecision(trx, left.secretariat, pendingDecisionId));
      await expectNewTruth();
      expect(JSON.parse(seen).races.map((r: { pact: { name: string } }) => r.pact.name)).toContain(
        'Zones under vote',
      );
      await inTx(db, (trx) =>
        updateOrganization(trx, left.admin, left.members[0]?.id ?? '', { name: 'Lakeshore Labor United' }),
      );
      await expectNewTruth();
      expect(seen).toContain('Lakeshore Labor United');
      // A map write, as an import makes it (no audit event: the map's own version moves).
      await sql`UPDATE jurisdictions SET name = 'Wayne (renamed)'
        WHERE kind = 'county' AND code = '26163' AND coalition_id IS NULL`.execute(db);
      await expectNewTruth();
      expect(seen).toContain('Wayne (renamed)');
      await sql`UPDATE jurisdictions SET name = 'Wayne'
        WHERE kind = 'county' AND code = '26163' AND coalition_id IS NULL`.execute(db);
      expect(publicIndexStats.builds).toBeGreaterThanOrEqual(builds + 3);
    });
  });
});

function zonesAt(found: PublicCandidates, key: string) {
  const race = found.races.find((r) => r.key === key);
  if (!race) throw new Error(`no race ${key}`);
  return race;
}
