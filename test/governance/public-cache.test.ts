import { describe, expect, it } from 'vitest';
import { createOrganization } from '../../src/features/registry/index.ts';
import { inTx, seedCoalition } from '../helpers/governance.ts';
import { buildTestApp } from '../helpers/test-app.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

/** Public answers are cached per coalition version and revalidated with ETags (docs/performance.md). */
const database = useTestDatabase();

describe('public responses cached per version', () => {
  it('answers 304 to the current ETag, and a new body once the coalition changes', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Red Party' }, { name: 'Green Wave' }]);
    const app = await buildTestApp(db);
    try {
      // The candidate lookup answers the same way (public.routes.ts); its test database has no map here.
      for (const url of [`/api/public/coalitions/${seed.coalition.slug}`]) {
        const first = await app.inject({ method: 'GET', url });
        expect(first.statusCode, url).toBe(200);
        const etag = String(first.headers.etag);
        expect(etag).toMatch(/^".+"$/);
        expect(first.headers['cache-control']).toContain('public');
        const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
        expect(again.statusCode, url).toBe(304);
        expect(again.body).toBe('');
      }
      const page = `/api/public/coalitions/${seed.coalition.slug}`;
      const before = await app.inject({ method: 'GET', url: page });
      // A stored change appends an audit event: the version moves, the cached page is rebuilt.
      await inTx(db, (trx) =>
        createOrganization(trx, seed.secretariat, { name: 'Purple Front', kind: 'movement' }),
      );
      const after = await app.inject({
        method: 'GET',
        url: page,
        headers: { 'if-none-match': String(before.headers.etag) },
      });
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect(after.json().auditHead.seq).toBeGreaterThan(before.json().auditHead.seq);
      expect((await app.inject({ method: 'GET', url: '/api/public/coalitions/nope' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
