import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoalition, createTestUser } from '../../../test/helpers/factories.ts';
import { buildTestApp, injectAs, signIn, type TestSession } from '../../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { App } from '../../http/types.ts';

const database = useTestDatabase();

// Wikipedia's Tennessee capital election in hundreds of voters: Nashville is the Condorcet winner,
// Knoxville the IRV winner.
const tennessee = [
  'weight,rank1,rank2,rank3,rank4',
  '42,Memphis,Nashville,Chattanooga,Knoxville',
  '26,Nashville,Chattanooga,Knoxville,Memphis',
  '15,Chattanooga,Knoxville,Nashville,Memphis',
  '17,Knoxville,Chattanooga,Nashville,Memphis',
].join('\n');

describe('POST /api/tabulate', () => {
  let app: App;
  let session: TestSession;
  beforeAll(async () => {
    const { db } = database();
    const coalition = await createTestCoalition(db);
    const viewer = await createTestUser(db, coalition.slug, 'viewer');
    app = await buildTestApp(db);
    session = await signIn(app, viewer);
  });
  afterAll(() => app.close());

  const post = (url: string, payload: string, contentType = 'text/csv') =>
    injectAs(app, session, { method: 'POST', url, payload, headers: { 'content-type': contentType } });

  it('counts a CSV upload with the options from the query, as the CLI does', async () => {
    const irv = await post('/api/tabulate', tennessee);
    expect(irv.statusCode).toBe(200);
    expect(irv.json()).toMatchObject({ method: 'irv', winners: ['Knoxville'], condorcetWinner: 'Nashville' });
    expect(irv.json().rounds[0].tallies).toEqual({
      Chattanooga: 15,
      Knoxville: 17,
      Memphis: 42,
      Nashville: 26,
    });

    const schulze = await post('/api/tabulate?method=schulze', tennessee);
    expect(schulze.json()).toMatchObject({
      method: 'schulze',
      winners: ['Nashville'],
      ranking: ['Nashville', 'Chattanooga', 'Knoxville', 'Memphis'],
    });
  });

  it('counts a JSON ballot file', async () => {
    const file = JSON.stringify({
      candidates: ['A', 'B', 'C'],
      ballots: [
        { ranks: [['A'], ['B']], weight: 3 },
        { ranks: [['B']], weight: 2 },
        { ranks: [['C'], ['B']], weight: 2 },
      ],
    });
    const response = await post('/api/tabulate?method=irv', file, 'application/json');
    expect(response.statusCode).toBe(200);
    expect(response.json().winners).toEqual(['B']);
  });

  it('answers bad ballots with 400 naming row, column and reason', async () => {
    const response = await post('/api/tabulate?candidates=A,B', 'rank1,rank2\nA,B\nB,Zed\n');
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('ballot.unknown_candidate');
    expect(error.details).toMatchObject({ row: 3, column: 'rank2' });
  });

  it('validates the options and needs a file and a signed-in user', async () => {
    const badOption = await post('/api/tabulate?method=borda', tennessee);
    expect(badOption.statusCode).toBe(400);
    expect(badOption.json().error.details.issues[0].path).toBe('querystring.method');

    const noFile = await injectAs(app, session, { method: 'POST', url: '/api/tabulate' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.code).toBe('ballot.missing_file');

    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/tabulate',
      payload: tennessee,
      headers: { 'content-type': 'text/csv' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('leaves the JSON body parser of other routes alone', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'x' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('request.invalid');
  });
});
