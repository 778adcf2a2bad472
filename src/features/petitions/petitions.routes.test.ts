import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoalition, createTestUser } from '../../../test/helpers/factories.ts';
import { buildTestApp, injectAs, signIn, type TestSession } from '../../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { App } from '../../http/types.ts';

const database = useTestDatabase();
let app: App;
let owner: TestSession;
let outsider: TestSession;
let ownerOrg: string;

beforeAll(async () => {
  const { db } = database();
  app = await buildTestApp(db);
  const coalition = await createTestCoalition(db);
  const admin = await createTestUser(db, coalition.slug, 'admin');
  const adminSession = await signIn(app, admin);
  const orgs: string[] = [];
  for (const name of ['Amber', 'Blue']) {
    const response = await injectAs(app, adminSession, {
      method: 'POST',
      url: '/api/organizations',
      payload: { name, kind: 'party', founding: true },
    });
    orgs.push(response.json().id);
  }
  ownerOrg = orgs[0] ?? '';
  owner = await signIn(app, await createTestUser(db, coalition.slug, 'delegate', ownerOrg));
  outsider = await signIn(app, await createTestUser(db, coalition.slug, 'delegate', orgs[1] ?? null));
});
afterAll(async () => app?.close());

describe('petition routes', () => {
  it('need a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/petitions/requirements' })).statusCode).toBe(401);
  });

  it('run a drive end to end: requirement, drive, CSV dry run and import, detail, circulators, iCal', async () => {
    const requirement = await injectAs(app, owner, {
      method: 'POST',
      url: '/api/petitions/requirements',
      payload: {
        country: 'FR',
        jurisdiction: 'FR-75',
        jurisdictionName: 'Paris',
        kind: 'initiative',
        title: 'Paris: citizens\u2019 petition',
        signatures: 500,
        ruleText: 'Signatures of residents',
        source: 'city rules',
        asOf: '2026',
      },
    });
    expect(requirement.statusCode).toBe(201);
    expect(requirement.json()).toMatchObject({ numberStatus: 'copied', verificationRule: 'full-count' });
    const drive = await injectAs(app, owner, {
      method: 'POST',
      url: '/api/petitions/drives',
      payload: {
        requirementId: requirement.json().id,
        name: 'Parks',
        target: { kind: 'initiative', name: 'More parks' },
        startDay: '2026-03-01',
        dueDay: '2026-04-01',
      },
    });
    expect(drive.statusCode).toBe(201);
    const id = drive.json().id;
    const csv = 'packet,circulator,county,collected_on,raw_count\nA1,Lou,Paris,2026-03-02,30\n';
    const dry = await injectAs(app, owner, {
      method: 'POST',
      url: `/api/petitions/drives/${id}/import`,
      payload: { kind: 'packets', csv, dryRun: true },
    });
    expect(dry.json()).toEqual({ kind: 'packets', rows: 1, dryRun: true });
    const afterDry = await injectAs(app, owner, { method: 'GET', url: `/api/petitions/drives/${id}` });
    expect(afterDry.json().packets).toEqual([]);
    const real = await injectAs(app, owner, {
      method: 'POST',
      url: `/api/petitions/drives/${id}/import`,
      payload: { kind: 'packets', csv },
    });
    expect(real.json().rows).toBe(1);
    const bad = await injectAs(app, owner, {
      method: 'POST',
      url: `/api/petitions/drives/${id}/checks`,
      payload: { checks: [{ packetLabel: 'ZZ', checkedOn: '2026-03-03', linesChecked: 5, linesValid: 4 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.errors[0]).toMatchObject({ row: 1, field: 'packet' });
    expect(
      (await injectAs(app, owner, { method: 'GET', url: `/api/petitions/drives/${id}/circulators` })).json()
        .circulators[0].name,
    ).toBe('Lou');
    expect(
      (await injectAs(app, outsider, { method: 'GET', url: `/api/petitions/drives/${id}/circulators` }))
        .statusCode,
    ).toBe(403);
    expect(
      (await injectAs(app, outsider, { method: 'GET', url: `/api/petitions/drives/${id}` })).json()
        .circulators,
    ).toBeNull();
    const ics = await injectAs(app, owner, { method: 'GET', url: '/api/petitions/calendar.ics' });
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('Parks: petition due');
  });

  it('are in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/petitions/requirements',
        '/api/petitions/drives/{id}/import',
        '/api/petitions/calendar.ics',
      ]),
    );
  });
});
