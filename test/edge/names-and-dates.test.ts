import { describe, expect, it } from 'vitest';
import { createDecision } from '../../src/features/decisions/create.service.ts';
import { submitEvidence } from '../../src/features/registry/evidence.service.ts';
import { createOrganization, updateOrganization } from '../../src/features/registry/organizations.service.ts';
import { createTestUser } from '../helpers/factories.ts';
import { codeOf, inTx, memberOf, seedCoalition } from '../helpers/governance.ts';
import { buildTestApp, injectAs, signIn } from '../helpers/test-app.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

const database = useTestDatabase();

describe('look-alike names and impossible dates are refused', () => {
  it('refuses an organization whose name looks like a registered one, on create and on rename', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Harbor Greens' }, { name: 'Valley Farmers' }]);
    for (const name of ['Harbor\u200BGreens', 'Harbor Gr\u0435\u0435ns', 'HARBOR GREENS', 'Ｈarbor Greens']) {
      expect(
        await codeOf(inTx(db, (trx) => createOrganization(trx, seed.admin, { name, kind: 'party' }))),
      ).toBe('organization.name_taken');
    }
    const valley = memberOf(seed, 1);
    expect(
      await codeOf(
        inTx(db, (trx) => updateOrganization(trx, seed.admin, valley.id, { name: 'Harbor Gre\u0435ns' })),
      ),
    ).toBe('organization.name_taken');
    // Its own name, re-cased, is not a clash with itself.
    expect(
      await codeOf(
        inTx(db, (trx) => updateOrganization(trx, seed.admin, valley.id, { name: 'VALLEY FARMERS' })),
      ),
    ).toBe('resolved');
  });

  it('answers the look-alike with 409 over HTTP, naming the registered organization', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Harbor Greens' }]);
    const app = await buildTestApp(db);
    const staff = await signIn(app, await createTestUser(db, seed.coalition.slug, 'secretariat'));
    const response = await injectAs(app, staff, {
      method: 'POST',
      url: '/api/organizations',
      payload: { name: 'Harbor Gr\u0435ens', kind: 'party' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'organization.name_taken',
      details: { existing: { name: 'Harbor Greens' } },
    });
    await app.close();
  });

  it('refuses evidence dated in the future, and accepts today', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Dated One' }]);
    const member = memberOf(seed, 0);
    const now = new Date('2026-12-03T12:00:00Z');
    const submit = (asOf: string) =>
      codeOf(
        inTx(db, (trx) =>
          submitEvidence(
            trx,
            member.delegate,
            member.id,
            { metric: 'members', value: 10, asOf, source: 's' },
            now,
          ),
        ),
      );
    expect(await submit('2027-01-01')).toBe('evidence.future_date');
    expect(await submit('2026-12-05')).toBe('evidence.future_date');
    expect(await submit('2026-12-03')).toBe('resolved');
  });

  it('refuses a decision closing more than 2 years ahead, and accepts one within', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Far One' }, { name: 'Far Two' }]);
    const now = new Date('2026-12-03T12:00:00Z');
    const create = (closesAt: string) =>
      codeOf(
        inTx(db, (trx) =>
          createDecision(trx, seed.secretariat, { kind: 'motion', title: 'Far away', closesAt }, now),
        ),
      );
    expect(await create('2029-01-01T00:00:00Z')).toBe('decision.window_too_long');
    expect(await create('2028-11-01T00:00:00Z')).toBe('resolved');
  });
});
