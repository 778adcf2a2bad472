import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../../../test/helpers/factories.ts';
import { memberOf, seedCoalition } from '../../../../test/helpers/governance.ts';
import { buildTestApp, injectAs, signIn, type TestSession } from '../../../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../../../test/helpers/test-database.ts';
import type { App } from '../../../http/types.ts';

const database = useTestDatabase();

/** The import-jobs endpoints over HTTP: 202 with the import, then its status, to its own member only. */
describe('POST /api/people/import-jobs, GET /api/people/import-jobs/:importId', () => {
  let app: App;
  const sessions: Record<'organizerA' | 'organizerB' | 'secretariat', TestSession | undefined> = {
    organizerA: undefined,
    organizerB: undefined,
    secretariat: undefined,
  };
  const as = (who: keyof typeof sessions) => {
    const session = sessions[who];
    if (!session) throw new Error(`${who} is not signed in`);
    return session;
  };

  beforeAll(async () => {
    const { db } = database();
    app = await buildTestApp(db);
    await app.ready();
    const seed = await seedCoalition(db, [{ name: 'Member A' }, { name: 'Member B' }]);
    const slug = seed.coalition.slug;
    for (const [who, role, org] of [
      ['organizerA', 'organizer', memberOf(seed, 0).id],
      ['organizerB', 'organizer', memberOf(seed, 1).id],
      ['secretariat', 'secretariat', null],
    ] as const) {
      const user = await createTestUser(db, slug, role, org);
      sessions[who] = await signIn(app, { email: user.email, password: user.password });
    }
  });
  afterAll(async () => {
    await app.close();
  });

  const csv = 'first_name,last_name,email\nAda,Lovelace,ada@example.org\nAlan,Turing,alan@example.org\n';

  it('answers 202 with the queued import, which its own member reads until it is done', async () => {
    const started = await injectAs(app, as('organizerA'), {
      method: 'POST',
      url: '/api/people/import-jobs',
      payload: { fileName: 'two.csv', csv },
    });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ fileName: 'two.csv', status: 'queued', report: null });
    const id: string = started.json().id;
    let status = started.json();
    for (const deadline = Date.now() + 15_000; status.status !== 'done' && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (
        await injectAs(app, as('organizerA'), { method: 'GET', url: `/api/people/import-jobs/${id}` })
      ).json();
    }
    expect(status).toMatchObject({ status: 'done', report: { imported: 2, committed: true } });
  });

  it('answers 404 to another member and 403 to coalition staff', async () => {
    const started = await injectAs(app, as('organizerA'), {
      method: 'POST',
      url: '/api/people/import-jobs',
      payload: { fileName: 'mine.csv', csv },
    });
    const url = `/api/people/import-jobs/${started.json().id}`;
    const other = await injectAs(app, as('organizerB'), { method: 'GET', url });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('people.import_not_found');
    expect(other.body).not.toContain('mine.csv');
    const staff = await injectAs(app, as('secretariat'), { method: 'GET', url });
    expect(staff.statusCode).toBe(403);
  });

  it('refuses an empty file name or body with 400, storing nothing', async () => {
    const { db } = database();
    const before = await db.selectFrom('people_imports').select('id').execute();
    const bad = await injectAs(app, as('organizerA'), {
      method: 'POST',
      url: '/api/people/import-jobs',
      payload: { fileName: ' ', csv: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(await db.selectFrom('people_imports').select('id').execute()).toHaveLength(before.length);
  });
});
