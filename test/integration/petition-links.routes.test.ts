import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposeCandidate } from '../../src/features/tickets/candidates.service.ts';
import {
  member,
  seedTicketsCoalition,
  type TicketsSeed,
} from '../../src/features/tickets/tickets.test-fixtures.ts';
import type { App } from '../../src/http/types.ts';
import { createTestUser } from '../helpers/factories.ts';
import { inTx } from '../helpers/governance.ts';
import { buildTestApp, injectAs, signIn, type TestSession } from '../helpers/test-app.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

/**
 * Petitions beside the tickets and supporters features: a drive for a candidate picked in tickets,
 * circulators picked from the drive's own member's people (never another member's).
 */
const database = useTestDatabase();
let app: App;
let seed: TicketsSeed;
let workers: TestSession;
let greens: TestSession;
let staff: TestSession;
let requirementId: string;
let candidateId: string;

async function startDrive(session: TestSession, target: Record<string, unknown>) {
  return injectAs(app, session, {
    method: 'POST',
    url: '/api/petitions/drives',
    payload: { requirementId, name: 'Drive', target, startDay: '2026-03-01', dueDay: '2026-04-01' },
  });
}

async function addPerson(session: TestSession, firstName: string, lastName: string): Promise<string> {
  const response = await injectAs(app, session, {
    method: 'POST',
    url: '/api/people',
    payload: { firstName, lastName },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

beforeAll(async () => {
  const { db } = database();
  seed = await seedTicketsCoalition(db);
  app = await buildTestApp(db);
  const login = async (role: 'delegate' | 'secretariat', organizationId: string | null) =>
    signIn(app, {
      ...(await createTestUser(db, seed.coalition.slug, role, organizationId)),
      coalition: seed.coalition.slug,
    });
  workers = await login('delegate', member(seed, 0).id);
  greens = await login('delegate', member(seed, 1).id);
  staff = await login('secretariat', null);
  const candidate = await inTx(db, (trx) =>
    proposeCandidate(trx, member(seed, 0).delegate, { name: 'Ida Bell', raceId: seed.raceId('CT-HD-1') }),
  );
  candidateId = candidate.id;
  const requirement = await injectAs(app, staff, {
    method: 'POST',
    url: '/api/petitions/requirements',
    payload: {
      country: 'US',
      jurisdiction: 'US-CT-HD-1',
      jurisdictionName: 'Connecticut House 1',
      kind: 'candidacy',
      title: 'Connecticut House 1: nominating petition',
      signatures: 200,
      ruleText: 'Signatures of registered voters of the district',
      source: 'state rules',
      asOf: '2026',
    },
  });
  expect(requirement.statusCode).toBe(201);
  requirementId = requirement.json().id;
}, 180_000);
afterAll(async () => app?.close());

describe('a drive for a candidate', () => {
  it('takes the candidate from the tickets feature: its name, its id; only the candidate’s own member', async () => {
    const drive = await startDrive(workers, { kind: 'candidate', candidateId });
    expect(drive.statusCode).toBe(201);
    expect(drive.json().target).toEqual({ kind: 'candidate', name: 'Ida Bell', candidateId });
    const theirs = await startDrive(greens, { kind: 'candidate', candidateId });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json().error.code).toBe('petitions.not_your_candidate');
    const unknown = await startDrive(workers, { kind: 'candidate', candidateId: seed.coalition.id });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('candidate.not_found');
  });

  it('still takes a candidate by name alone, and refuses neither', async () => {
    const byName = await startDrive(greens, { kind: 'candidate', name: 'Someone Else' });
    expect(byName.statusCode).toBe(201);
    expect(byName.json().target).toEqual({ kind: 'candidate', name: 'Someone Else', candidateId: null });
    expect((await startDrive(greens, { kind: 'candidate' })).statusCode).toBe(400);
  });
});

describe('circulators from the member’s own people', () => {
  it('links a circulator to one of the member’s people; another member’s person is not found', async () => {
    const own = await addPerson(workers, 'Ann', 'Ames');
    const foreign = await addPerson(greens, 'Bo', 'Birch');
    const drive = await startDrive(workers, { kind: 'initiative', name: 'Parks' });
    const id = drive.json().id;
    const picked = await injectAs(app, workers, {
      method: 'POST',
      url: `/api/petitions/drives/${id}/circulators`,
      payload: { personId: own },
    });
    expect(picked.statusCode).toBe(201);
    expect(picked.json()).toMatchObject({ name: 'Ann Ames', personId: own });
    const stolen = await injectAs(app, workers, {
      method: 'POST',
      url: `/api/petitions/drives/${id}/circulators`,
      payload: { personId: foreign },
    });
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().error.code).toBe('person.not_found');
    const plain = await injectAs(app, workers, {
      method: 'POST',
      url: `/api/petitions/drives/${id}/circulators`,
      payload: { name: 'Walk-in Volunteer' },
    });
    expect(plain.json()).toMatchObject({ name: 'Walk-in Volunteer', personId: null });
    const list = await injectAs(app, workers, {
      method: 'GET',
      url: `/api/petitions/drives/${id}/circulators`,
    });
    expect(
      list.json().circulators.map((c: { name: string; personId: string | null }) => [c.name, c.personId]),
    ).toEqual([
      ['Ann Ames', own],
      ['Walk-in Volunteer', null],
    ]);
    // Staff manage every drive but see people as aggregates only: plain names for them.
    const byStaff = await injectAs(app, staff, {
      method: 'POST',
      url: `/api/petitions/drives/${id}/circulators`,
      payload: { personId: own },
    });
    expect(byStaff.statusCode).toBe(403);
    expect(byStaff.json().error.code).toBe('people.aggregates_only');
  });
});
