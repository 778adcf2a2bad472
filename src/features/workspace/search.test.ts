import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestUser } from '../../../test/helpers/factories.ts';
import { inTx, seedCoalition } from '../../../test/helpers/governance.ts';
import { buildTestApp, injectAs, signIn } from '../../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { createDecision } from '../decisions/index.ts';
import { searchResponseSchema } from './search.schema.ts';
import { searchWorkspace } from './search.service.ts';

const database = useTestDatabase();

describe('the command palette search (issue 16)', () => {
  it('finds members and decisions by fuzzy name, best match first, within the caller’s coalition only', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Harbor Greens' }, { name: 'Civic Renewal' }]);
    const other = await seedCoalition(db, [{ name: 'Harbor Watch' }]);
    await inTx(db, (trx) =>
      createDecision(trx, seed.secretariat, { kind: 'motion', title: 'Harbor cleanup motion' }),
    );

    const hits = await searchWorkspace(db, seed.viewer, 'harb', 5);
    expect(hits.map((h) => [h.kind, h.label])).toEqual([
      ['member', 'Harbor Greens'],
      ['decision', 'Harbor cleanup motion'],
    ]);
    expect(hits[0]?.path).toMatch(/^\/members\/[0-9a-f-]{36}$/);
    // Scattered letters still match; the other coalition's "Harbor Watch" never shows.
    expect((await searchWorkspace(db, seed.viewer, 'hgrns', 5)).map((h) => h.label)).toEqual([
      'Harbor Greens',
    ]);
    expect((await searchWorkspace(db, other.viewer, 'harb', 5)).map((h) => h.label)).toEqual([
      'Harbor Watch',
    ]);
  });

  it('names a place with its parent and opens the map on its code; another coalition’s places stay hidden', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Harbor Greens' }]);
    const other = await seedCoalition(db, [{ name: 'Harbor Watch' }]);
    const state = randomUUID();
    const place = (
      id: string,
      coalitionId: string,
      kind: string,
      code: string,
      name: string,
      parent: string | null,
    ) => ({
      id,
      coalition_id: coalitionId,
      kind,
      code,
      name,
      parent_id: parent,
      country: 'US',
      abbr: null,
      geometry: null,
    });
    await db
      .insertInto('jurisdictions')
      .values([
        place(state, seed.coalition.id, 'state', 'zz-state', 'Zedland', null),
        place(randomUUID(), seed.coalition.id, 'county', 'zz-001', 'Quixote County', state),
        place(randomUUID(), other.coalition.id, 'county', 'zz-002', 'Quixote Parish', null),
      ])
      .execute();
    const hits = (await searchWorkspace(db, seed.viewer, 'quixote', 5)).filter((h) => h.kind === 'place');
    expect(hits).toEqual([
      expect.objectContaining({
        label: 'Quixote County',
        detail: 'county · Zedland',
        path: '/map?place=zz-001',
      }),
    ]);
  });

  it('answers GET /api/search through its contract; an empty query is refused', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Harbor Greens' }]);
    const app = await buildTestApp(db);
    try {
      expect((await app.inject({ method: 'GET', url: '/api/search?q=harb' })).statusCode).toBe(401);
      const user = await createTestUser(db, seed.coalition.slug, 'viewer');
      const session = await signIn(app, { email: user.email, password: user.password });
      const found = await injectAs(app, session, { method: 'GET', url: '/api/search?q=greens' });
      expect(found.statusCode).toBe(200);
      expect(searchResponseSchema.parse(found.json()).hits.map((h) => h.label)).toEqual(['Harbor Greens']);
      expect((await injectAs(app, session, { method: 'GET', url: '/api/search?q=' })).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});
