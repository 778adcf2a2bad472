import { describe, expect, it } from 'vitest';
import { createDecision } from '../../src/features/decisions/index.ts';
import { createOrganization } from '../../src/features/registry/index.ts';
import { createTestUser } from '../helpers/factories.ts';
import { inTx, seedCoalition } from '../helpers/governance.ts';
import { buildTestApp, injectAs, signIn } from '../helpers/test-app.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

/** Keyset pages (src/contract/cursor.ts): a walk through a list while rows are inserted. */
const database = useTestDatabase();

describe('keyset pages', () => {
  it('pages through the members list once per row while rows are inserted between pages', async () => {
    const { db } = database();
    const names = ['Birch', 'Cedar', 'Elm', 'Fir', 'Hazel', 'Larch', 'Maple', 'Oak', 'Pine'];
    const seed = await seedCoalition(
      db,
      names.map((name) => ({ name })),
    );
    const app = await buildTestApp(db);
    try {
      const user = await createTestUser(db, seed.coalition.slug, 'secretariat');
      const session = await signIn(app, user);
      const seen: string[] = [];
      let cursor: string | null = null;
      let inserted = 0;
      // Names sorting before, between and after the pages already read.
      const newcomers = ['Alder', 'Dogwood', 'Juniper', 'Willow', 'Aspen'];
      do {
        const url: string = `/api/organizations?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const response = await injectAs(app, session, { method: 'GET', url });
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json() as { organizations: { name: string }[]; nextCursor: string | null };
        expect(page.organizations.length).toBeLessThanOrEqual(2);
        seen.push(...page.organizations.map((o) => o.name));
        cursor = page.nextCursor;
        const next = newcomers[inserted];
        if (next) {
          await inTx(db, (trx) => createOrganization(trx, seed.secretariat, { name: next, kind: 'party' }));
          inserted += 1;
        }
      } while (cursor);
      // Every row there at the start, once; no row twice; in order; newcomers after the cursor seen.
      expect(new Set(seen).size).toBe(seen.length);
      for (const name of names) expect(seen).toContain(name);
      expect([...seen].sort()).toEqual(seen);
      expect(seen).toContain('Willow');
      expect(seen).not.toContain('Alder');

      const whole = await injectAs(app, session, { method: 'GET', url: '/api/organizations' });
      expect(whole.json().nextCursor).toBeNull();
      expect(whole.json().organizations).toHaveLength(names.length + inserted);
      const bad = await injectAs(app, session, {
        method: 'GET',
        url: '/api/organizations?limit=2&cursor=nope',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('request.invalid');
    } finally {
      await app.close();
    }
  });

  it('pages through the decisions, latest closing first, while decisions are inserted', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Red Party' }]);
    const app = await buildTestApp(db);
    const day = 86_400_000;
    const base = Date.now() + 30 * day;
    const decide = (title: string, days: number) =>
      inTx(db, (trx) =>
        createDecision(trx, seed.secretariat, {
          kind: 'motion',
          title,
          closesAt: new Date(base + days * day).toISOString(),
        }),
      );
    try {
      for (let i = 0; i < 7; i++) await decide(`Motion ${i}`, i * 2);
      const user = await createTestUser(db, seed.coalition.slug, 'secretariat');
      const session = await signIn(app, user);
      const seen: { title: string; closesAt: string }[] = [];
      let cursor: string | null = null;
      let round = 0;
      do {
        const url: string = `/api/decisions?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const response = await injectAs(app, session, { method: 'GET', url });
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json() as {
          decisions: { title: string; closesAt: string }[];
          nextCursor: string | null;
        };
        seen.push(...page.decisions);
        cursor = page.nextCursor;
        // One closing after everything read (before the cursor: not seen), one at the very end.
        if (round === 0) {
          await decide('Latecomer late', 100);
          await decide('Latecomer early', -1);
        }
        round += 1;
      } while (cursor);
      const titles = seen.map((d) => d.title);
      expect(new Set(titles).size).toBe(titles.length);
      for (let i = 0; i < 7; i++) expect(titles).toContain(`Motion ${i}`);
      expect(titles).toContain('Latecomer early');
      expect(titles).not.toContain('Latecomer late');
      const times = seen.map((d) => Date.parse(d.closesAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    } finally {
      await app.close();
    }
  });
});
