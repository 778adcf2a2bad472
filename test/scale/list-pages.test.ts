import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/contract/cursor.ts';
import type { Db } from '../../src/db/database.ts';
import { createPact, listPactViews } from '../../src/features/pacts/index.ts';
import { riversidePactInput, seedLeftCoalition } from '../../src/features/pacts/pacts.test-fixtures.ts';
import { createDrive, listDrives } from '../../src/features/petitions/drives.service.ts';
import { createRequirement } from '../../src/features/petitions/requirements.service.ts';
import {
  createOrganization,
  listOrganizationViews,
  updateOrganization,
} from '../../src/features/registry/index.ts';
import { listCandidateViews, proposeCandidate } from '../../src/features/tickets/candidates.service.ts';
import { member, seedTicketsCoalition } from '../../src/features/tickets/tickets.test-fixtures.ts';
import type { App } from '../../src/http/types.ts';
import { createTestCoalition, createTestUser } from '../helpers/factories.ts';
import { inTx, seedCoalition } from '../helpers/governance.ts';
import { buildTestApp, injectAs, signIn, type TestSession } from '../helpers/test-app.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

/**
 * The lists that page with list-bound keyset cursors (src/contract/cursor.ts `boundedPageQuerySchema`):
 * each walked a small page at a time over more rows than a page, with ties in the sort key, against
 * the whole list read by its service; and each refusing a cursor it did not give.
 */
const database = useTestDatabase();

interface Walk {
  ids: string[];
  pages: number;
  cursors: string[];
}

async function walk(
  app: App,
  session: TestSession,
  path: string,
  field: string,
  limit: number,
): Promise<Walk> {
  const ids: string[] = [];
  const cursors: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const url: string = `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await injectAs(app, session, { method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as Record<string, unknown> & { nextCursor: string | null };
    const rows = page[field] as { id: string }[];
    expect(rows.length).toBeLessThanOrEqual(limit);
    ids.push(...rows.map((row) => row.id));
    cursor = page.nextCursor;
    if (cursor) cursors.push(cursor);
    pages += 1;
    expect(pages, 'the walk ends').toBeLessThan(100);
  } while (cursor);
  return { ids, pages, cursors };
}

/** A cursor refused with a 400 that names `cursor` and says what to do. */
async function expectRefused(app: App, session: TestSession, url: string) {
  const response = await injectAs(app, session, { method: 'GET', url });
  expect(response.statusCode, response.body).toBe(400);
  const error = response.json().error as { code: string; message: string };
  expect(error.code).toBe('request.invalid');
  expect(error.message).toBe('querystring.cursor: Not a cursor from this list: pass nextCursor as it came.');
}

/** Someone signed in to another coalition, whose list a cursor of this one must not steer. */
async function outsider(app: App, db: Db): Promise<TestSession> {
  const other = await createTestCoalition(db, 'Other Coalition');
  return signIn(app, await createTestUser(db, other.slug, 'secretariat'));
}

function decoded(cursor: string): unknown[] {
  return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
}

/** Gives rows one shared creation time, to the microsecond, so only the id orders them. */
async function sameCreatedAt(db: Db, table: 'pacts' | 'candidates', ids: string[]) {
  await sql`update ${sql.table(table)} set created_at = '2026-02-03T04:05:06.123456Z' where id in (${sql.join(ids)})`.execute(
    db,
  );
}

describe('list pages', () => {
  it('walks the pacts newest first, every pact once, and refuses a cursor it did not give', async () => {
    const { db } = database();
    const seeded = await seedLeftCoalition(db);
    const app = await buildTestApp(db);
    try {
      const created: string[] = [];
      for (let i = 0; i < 7; i++) {
        const pact = await inTx(db, (trx) =>
          createPact(trx, seeded.secretariat, riversidePactInput(seeded, `Pact ${i}`)),
        );
        created.push(pact.id);
      }
      // Three pacts made at one microsecond, later than a JavaScript Date can say: the id decides.
      await sameCreatedAt(db, 'pacts', created.slice(2, 5));
      const whole = (await listPactViews(db, seeded.secretariat)).map((pact) => pact.id);
      expect(whole).toHaveLength(7);

      const session = await signIn(app, await createTestUser(db, seeded.coalition.slug, 'viewer'));
      const paged = await walk(app, session, '/api/pacts', 'pacts', 2);
      expect(paged.ids).toEqual(whole);
      expect(paged.pages).toBe(4);
      const first = await injectAs(app, session, { method: 'GET', url: '/api/pacts' });
      expect(first.json().pacts).toHaveLength(7);
      expect(first.json().nextCursor).toBeNull();

      const cursor = paged.cursors[0] ?? '';
      const [, coalitionId, createdKey, id] = decoded(cursor);
      expect(coalitionId).toBe(seeded.coalition.id);
      expect(createdKey).toMatch(/\.\d{6}Z$/);
      await expectRefused(app, await outsider(app, db), `/api/pacts?cursor=${cursor}`);
      await expectRefused(app, session, '/api/pacts?cursor=nope');
      await expectRefused(
        app,
        session,
        `/api/pacts?cursor=${encodeCursor(['pacts', String(coalitionId), 'yesterday', String(id)])}`,
      );
      await expectRefused(
        app,
        session,
        `/api/pacts?cursor=${encodeCursor(['drives', String(coalitionId), String(createdKey), String(id)])}`,
      );
      await expectRefused(
        app,
        session,
        `/api/pacts?cursor=${encodeCursor([String(coalitionId), String(createdKey), String(id)])}`,
      );
      const tooMany = await injectAs(app, session, { method: 'GET', url: '/api/pacts?limit=501' });
      expect(tooMany.statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });

  it('walks the candidates oldest first, filtered pages full, and refuses a cursor it did not give', async () => {
    const { db } = database();
    const seed = await seedTicketsCoalition(db);
    const app = await buildTestApp(db);
    try {
      const proposals: [number, string][] = [
        [0, 'NY-SD-1'],
        [1, 'CT-HD-1'],
        [0, 'CT-HD-1'],
        [2, 'RS-01'],
        [1, 'NY-SD-1'],
        [0, 'RS-01'],
        [2, 'CT-HD-1'],
        [1, 'RS-01'],
        [0, 'NY-SD-1'],
      ];
      const created: string[] = [];
      for (const [index, [who, race]] of proposals.entries()) {
        const candidate = await inTx(db, (trx) =>
          proposeCandidate(trx, member(seed, who).delegate, {
            name: `Candidate ${index}`,
            raceId: seed.raceId(race),
          }),
        );
        created.push(candidate.id);
      }
      await sameCreatedAt(db, 'candidates', created.slice(3, 6));
      const whole = (await listCandidateViews(db, seed.secretariat, {})).map((c) => c.id);
      expect(whole).toHaveLength(proposals.length);

      const session = await signIn(app, await createTestUser(db, seed.coalition.slug, 'secretariat'));
      const paged = await walk(app, session, '/api/candidates', 'candidates', 2);
      expect(paged.ids).toEqual(whole);
      expect(paged.pages).toBe(5);

      // A filter known only once a row is viewed (the race's state) still fills each page but the last.
      const newYork = (await listCandidateViews(db, seed.secretariat, { state: 'NY' })).map((c) => c.id);
      expect(newYork).toHaveLength(3);
      const filtered = await walk(app, session, '/api/candidates?state=NY', 'candidates', 2);
      expect(filtered.ids).toEqual(newYork);
      expect(filtered.pages).toBe(2);

      const [, coalitionId, createdKey, id] = decoded(paged.cursors[0] ?? '');
      await expectRefused(app, await outsider(app, db), `/api/candidates?cursor=${paged.cursors[0]}`);
      await expectRefused(app, session, '/api/candidates?cursor=nope');
      await expectRefused(
        app,
        session,
        `/api/candidates?cursor=${encodeCursor(['pacts', String(coalitionId), String(createdKey), String(id)])}`,
      );
      await expectRefused(
        app,
        session,
        `/api/candidates?cursor=${encodeCursor(['candidates', String(coalitionId), String(createdKey), 'not-an-id'])}`,
      );
    } finally {
      await app.close();
    }
  });

  it('walks the petition drives soonest due first, ties by name then id, and refuses a cursor it did not give', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Amber' }, { name: 'Blue' }]);
    const app = await buildTestApp(db);
    try {
      const requirement = await inTx(db, (trx) =>
        createRequirement(trx, seed.secretariat, {
          country: 'FR',
          jurisdiction: 'FR-75',
          jurisdictionName: 'Paris',
          kind: 'initiative',
          title: 'Paris: citizens’ petition',
          signatures: 500,
          ruleText: 'Signatures of residents',
          source: 'city rules',
          asOf: '2026',
        }),
      );
      // Same due day and same name in places, so the name and then the id break the ties.
      const drives: [string, string][] = [
        ['2026-05-01', 'Parks'],
        ['2026-04-01', 'Trams'],
        ['2026-04-01', 'Parks'],
        ['2026-04-01', 'Parks'],
        ['2026-06-01', 'Bikes'],
        ['2026-04-01', 'Libraries'],
        ['2026-05-01', 'Parks'],
      ];
      for (const [dueDay, name] of drives) {
        await inTx(db, (trx) =>
          createDrive(trx, seed.members[0]?.delegate ?? seed.secretariat, {
            requirementId: requirement.id,
            name,
            target: { kind: 'initiative', name },
            startDay: '2026-03-01',
            dueDay,
          }),
        );
      }
      const whole = (await listDrives(db, seed.secretariat)).map((drive) => drive.id);
      expect(whole).toHaveLength(drives.length);

      const session = await signIn(app, await createTestUser(db, seed.coalition.slug, 'viewer'));
      const paged = await walk(app, session, '/api/petitions/drives', 'drives', 3);
      expect(paged.ids).toEqual(whole);
      expect(paged.pages).toBe(3);

      const [, coalitionId, dueDay, name, id] = decoded(paged.cursors[0] ?? '');
      await expectRefused(app, await outsider(app, db), `/api/petitions/drives?cursor=${paged.cursors[0]}`);
      await expectRefused(app, session, '/api/petitions/drives?cursor=nope');
      await expectRefused(
        app,
        session,
        `/api/petitions/drives?cursor=${encodeCursor(['drives', String(coalitionId), 'April', String(name), String(id)])}`,
      );
      await expectRefused(
        app,
        session,
        `/api/petitions/drives?cursor=${encodeCursor(['candidates', String(coalitionId), String(dueDay), String(id)])}`,
      );
    } finally {
      await app.close();
    }
  });

  it('walks the members directory in name order, filtered in SQL, and refuses bad limits and foreign cursors', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Oak' }, { name: 'alder' }, { name: 'Birch' }]);
    const app = await buildTestApp(db);
    try {
      // Positions on both sides of each band's edges (stored to three decimals), and none declared.
      const positions: [string, number | null][] = [
        ['Elm', -0.2],
        ['Fir', -0.201],
        ['Hazel', 0.2],
        ['Larch', 0.201],
        ['Maple', null],
        ['Elm Grove', -0.9],
        ['Elmwood', 0.9],
      ];
      for (const [name, position] of positions) {
        const org = await inTx(db, (trx) =>
          createOrganization(trx, seed.secretariat, { name, kind: 'party' }),
        );
        await inTx(db, (trx) => updateOrganization(trx, seed.admin, org.id, { position }));
      }
      const views = await listOrganizationViews(db, seed.secretariat, {});
      const whole = views.map((org) => org.id);
      expect(whole).toHaveLength(10);

      const session = await signIn(app, await createTestUser(db, seed.coalition.slug, 'viewer'));
      const paged = await walk(app, session, '/api/organizations', 'organizations', 3);
      expect(paged.ids).toEqual(whole);
      expect(paged.pages).toBe(4);
      const names = async (query: string) => {
        const response = await injectAs(app, session, { method: 'GET', url: `/api/organizations?${query}` });
        expect(response.statusCode, response.body).toBe(200);
        return (response.json().organizations as { name: string }[]).map((org) => org.name);
      };
      expect(await names('position=left')).toEqual(['Elm Grove', 'Fir']);
      expect(await names('position=centre')).toEqual(['Elm', 'Hazel']);
      expect(await names('position=right')).toEqual(['Elmwood', 'Larch']);
      expect((await names('position=undeclared')).sort()).toEqual(['Birch', 'Maple', 'Oak', 'alder'].sort());
      expect(await names('q=elm&position=right')).toEqual(['Elmwood']);
      expect(await names('q=ELM')).toEqual(['Elm', 'Elm Grove', 'Elmwood']);
      // A filtered walk: pages full but the last, each row once, the filter's rows only.
      const filtered = await walk(app, session, '/api/organizations?q=elm', 'organizations', 2);
      expect(filtered.pages).toBe(2);
      expect(new Set(filtered.ids).size).toBe(3);

      for (const limit of ['0', '501', '1.5', 'many']) {
        const response = await injectAs(app, session, {
          method: 'GET',
          url: `/api/organizations?limit=${limit}`,
        });
        expect(response.statusCode, limit).toBe(400);
        expect(response.json().error.code).toBe('request.invalid');
      }
      const bad = await injectAs(app, session, { method: 'GET', url: '/api/organizations?position=middle' });
      expect(bad.statusCode).toBe(400);

      const cursor = paged.cursors[0] ?? '';
      const [list, coalitionId, name, id] = decoded(cursor);
      // The database's collation orders the names ('alder' sorts last under C, first under en_US).
      expect([list, coalitionId, name, id]).toEqual([
        'organizations',
        seed.coalition.id,
        views[2]?.name,
        views[2]?.id,
      ]);
      await expectRefused(app, await outsider(app, db), `/api/organizations?cursor=${cursor}`);
      await expectRefused(app, session, '/api/organizations?cursor=nope');
      await expectRefused(
        app,
        session,
        `/api/organizations?cursor=${encodeCursor(['pacts', String(coalitionId), String(name), String(id)])}`,
      );
      await expectRefused(
        app,
        session,
        `/api/organizations?cursor=${encodeCursor(['organizations', String(coalitionId), String(name), 'not-an-id'])}`,
      );
    } finally {
      await app.close();
    }
  });

  it('searches the races by part of the name, office or place, by state, a page at a time', async () => {
    const { db } = database();
    const seed = await seedTicketsCoalition(db);
    const app = await buildTestApp(db);
    try {
      // Three races sharing one name: only the id orders them, and the walk must still see each once.
      const ties = ['MI-HD-1', 'MI-HD-2', 'MI-HD-3'].map((code) => seed.raceId(code));
      await sql`update races set name = 'Michigan House' where id in (${sql.join(ties)})`.execute(db);
      const session = await signIn(app, await createTestUser(db, seed.coalition.slug, 'delegate'));
      const search = async (query: string) => {
        const response = await injectAs(app, session, {
          method: 'GET',
          url: `/api/candidates/races?${query}`,
        });
        expect(response.statusCode, response.body).toBe(200);
        return response.json() as {
          races: { id: string; name: string; statePo: string | null }[];
          nextCursor: string | null;
        };
      };
      const all = await search('limit=500');
      expect(all.races).toHaveLength(8);
      expect(all.nextCursor).toBeNull();
      const order = all.races.map((race) => race.name);
      expect([...order].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(order);

      const paged = await walk(app, session, '/api/candidates/races', 'races', 2);
      expect(paged.ids).toEqual(all.races.map((race) => race.id));
      expect(paged.pages).toBe(4);
      expect(new Set(paged.ids).size).toBe(8);

      // By part of the race's own name, by its place's name, by its office, by state.
      const michigan = await search('q=michigan');
      expect(michigan.races.map((race) => race.id).sort()).toEqual([...ties].sort());
      const byPlace = await search('q=york senate');
      expect(byPlace.races.map((race) => race.id)).toEqual([seed.raceId('NY-SD-1')]);
      const byOffice = await search('q=state_senate');
      expect(byOffice.races.map((race) => race.id)).toEqual([seed.raceId('NY-SD-1')]);
      const inMichigan = await search('state=mi');
      expect(inMichigan.races.map((race) => race.id).sort()).toEqual([...ties].sort());
      expect(inMichigan.races.every((race) => race.statePo === 'MI')).toBe(true);
      expect((await search('q=house&state=CT')).races.map((race) => race.id)).toEqual([
        seed.raceId('CT-HD-1'),
      ]);
      expect((await search('q=nowhere at all')).races).toEqual([]);
      const small = await search('');
      expect(small.races.length).toBeLessThanOrEqual(20);

      for (const query of ['limit=0', 'limit=501', 'limit=2.5', 'state=Michigan']) {
        const response = await injectAs(app, session, {
          method: 'GET',
          url: `/api/candidates/races?${query}`,
        });
        expect(response.statusCode, query).toBe(400);
        expect(response.json().error.code).toBe('request.invalid');
      }
      await expectRefused(app, await outsider(app, db), `/api/candidates/races?cursor=${paged.cursors[0]}`);
      const [, coalitionId, name, id] = decoded(paged.cursors[0] ?? '');
      await expectRefused(
        app,
        session,
        `/api/candidates/races?cursor=${encodeCursor(['organizations', String(coalitionId), String(name), String(id)])}`,
      );
    } finally {
      await app.close();
    }
  });
});
