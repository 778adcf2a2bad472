import { describe, expect, it } from 'vitest';
import { createTestUser } from '../../../test/helpers/factories.ts';
import { inTx, seedCoalition } from '../../../test/helpers/governance.ts';
import { buildTestApp, injectAs, signIn } from '../../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { logoProblem, updateBranding } from './branding.service.ts';
import { getPublicCoalition } from './coalition.service.ts';
import { brandingInputSchema } from './registry.schema.ts';

const database = useTestDatabase();
const svg = (text: string) => `data:image/svg+xml;base64,${Buffer.from(text).toString('base64')}`;
const png = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString('base64')}`;

describe('a coalition’s public look (issue 16)', () => {
  it('starts with Concord’s blue and no logo, and the public page carries it', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Harbor Greens' }]);
    const page = await getPublicCoalition(db, seed.coalition.slug);
    expect(page.branding).toEqual({
      primaryColor: '#0b5cad',
      accentColor: '#0b5cad',
      logo: null,
      primaryText: '#ffffff',
      accentText: '#ffffff',
    });
  });

  it('stores colours and a logo (admin only), picks readable text, and audits the change', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Harbor Greens' }]);
    const input = {
      primaryColor: '#F2C200',
      accentColor: '#1F6F43',
      logo: svg('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>'),
    };
    await expect(inTx(db, (trx) => updateBranding(trx, seed.secretariat, input))).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const saved = await inTx(db, (trx) => updateBranding(trx, seed.admin, input));
    // A yellow header takes black text; the green accent takes white.
    expect(saved).toMatchObject({ primaryColor: '#f2c200', primaryText: '#000000', accentText: '#ffffff' });
    expect((await getPublicCoalition(db, seed.coalition.slug)).branding.logo).toBe(input.logo);
    const events = await db
      .selectFrom('audit_events')
      .select('action')
      .where('coalition_id', '=', seed.coalition.id)
      .where('action', '=', 'coalition.branding_updated')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('refuses an accent that would fail contrast on white, naming the ratio, and changes nothing', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Harbor Greens' }]);
    const refused = inTx(db, (trx) =>
      updateBranding(trx, seed.admin, { primaryColor: '#0b5cad', accentColor: '#ffcc00', logo: null }),
    );
    await expect(refused).rejects.toMatchObject({
      code: 'branding.low_contrast',
      details: { field: 'accentColor', minimum: 4.5 },
    });
    expect((await getPublicCoalition(db, seed.coalition.slug)).branding.accentColor).toBe('#0b5cad');
  });

  it('accepts a PNG or an inert SVG; refuses scripts, handlers, outside links, fakes and non-hex colours', () => {
    expect(logoProblem(png)).toBeUndefined();
    expect(logoProblem(svg('<?xml version="1.0"?><svg><use href="#a"/></svg>'))).toBeUndefined();
    expect(logoProblem(svg('<svg><script>alert(1)</script></svg>'))).toMatch(/scripts/);
    expect(logoProblem(svg('<svg onload="alert(1)"></svg>'))).toMatch(/scripts/);
    expect(logoProblem(svg('<svg><image href="https://evil.example/x.png"/></svg>'))).toMatch(/links/);
    expect(logoProblem(svg('<html><svg></svg></html>'))).toBe('is not an SVG image');
    expect(logoProblem(`data:image/png;base64,${Buffer.from('GIF89a').toString('base64')}`)).toBe(
      'is not a PNG image',
    );
    expect(logoProblem(`data:image/png;base64,${Buffer.alloc(70_000).toString('base64')}`)).toMatch(/bytes/);
    expect(
      brandingInputSchema.safeParse({ primaryColor: 'red', accentColor: '#000000', logo: null }).success,
    ).toBe(false);
    expect(
      brandingInputSchema.safeParse({
        primaryColor: '#000000',
        accentColor: '#000000',
        logo: 'data:text/html;base64,PGI+',
      }).success,
    ).toBe(false);
  });

  it('lists coalitions at GET /api/public/coalitions without a session; PUT answers 422 on low contrast', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Harbor Greens' }]);
    const app = await buildTestApp(db);
    try {
      const list = await app.inject({ method: 'GET', url: '/api/public/coalitions' });
      expect(list.statusCode).toBe(200);
      const mine = list.json().coalitions.find((c: { slug: string }) => c.slug === seed.coalition.slug);
      expect(mine).toMatchObject({ name: seed.coalition.name, branding: { primaryColor: '#0b5cad' } });
      const user = await createTestUser(db, seed.coalition.slug, 'admin');
      const session = await signIn(app, { email: user.email, password: user.password });
      const low = await injectAs(app, session, {
        method: 'PUT',
        url: '/api/coalition/branding',
        payload: { primaryColor: '#0b5cad', accentColor: '#aaaaaa', logo: null },
      });
      expect(low.statusCode).toBe(400);
      expect(low.json().error.code).toBe('branding.low_contrast');
      const ok = await injectAs(app, session, {
        method: 'PUT',
        url: '/api/coalition/branding',
        payload: { primaryColor: '#1f6f43', accentColor: '#1f6f43', logo: png },
      });
      expect(ok.statusCode).toBe(200);
      const page = await app.inject({ method: 'GET', url: `/api/public/coalitions/${seed.coalition.slug}` });
      expect(page.json().branding).toMatchObject({ primaryColor: '#1f6f43', logo: png });
    } finally {
      await app.close();
    }
  });
});
