import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoalition, createTestUser } from '../../../test/helpers/factories.ts';
import { buildTestApp, injectAs, signIn, type TestSession } from '../../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { App } from '../../http/types.ts';

const database = useTestDatabase();

/** The heap that survives a full garbage collection (V8's gc, exposed for this measurement). */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
function retainedHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

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

  it('counts a JSON file larger than 16 M characters ballot by ballot, in flat memory', async () => {
    // Made as it is sent, never held whole: any heap growth is the reader's, not the test's.
    const names = ['Alexandria', 'Bartholomew', 'Cassiopeia'];
    const ballot = (i: number) => {
      const first = i % 6 < 4 ? 0 : i % 6 === 4 ? 1 : 2;
      const ranks = [[names[first]], [], [names[(first + 1) % 3], names[(first + 2) % 3]]];
      return JSON.stringify({ ranks, weight: i % 2 === 0 ? 1 : '1.0' });
    };
    const count = 300_000; // a multiple of 6
    let bytes = 0;
    const baseline = retainedHeap();
    let peak = baseline;
    async function* file() {
      const head = `{"candidates": ${JSON.stringify(names)}, "ballots": [`;
      bytes += head.length;
      yield Buffer.from(head);
      for (let start = 0; start < count; start += 1_000) {
        let chunk = '';
        for (let i = start; i < start + 1_000; i++) chunk += `${i === 0 ? '' : ',\n'}${ballot(i)}`;
        bytes += chunk.length;
        yield Buffer.from(chunk);
        // Sampled here (the upload runs in microtasks, so a timer would never get a turn), after a
        // full collection: what is measured is what the reader keeps, not garbage awaiting GC.
        if (start % 50_000 === 0) peak = Math.max(peak, retainedHeap());
      }
      bytes += 2;
      yield Buffer.from(']}');
    }
    const response = await injectAs(app, session, {
      method: 'POST',
      url: '/api/tabulate?method=irv',
      payload: Readable.from(file()),
      headers: { 'content-type': 'application/json' },
    });

    expect(bytes).toBeGreaterThan(16 * 1024 * 1024);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result.ballots.read).toBe(count);
    expect(result.rounds[0].tallies).toEqual({
      Alexandria: (count / 6) * 4,
      Bartholomew: count / 6,
      Cassiopeia: count / 6,
    });
    expect(result.winners).toEqual(['Alexandria']);
    const growth = peak - baseline;
    console.log(
      `JSON ballots: ${(bytes / 2 ** 20).toFixed(1)} MB file, heap growth ${(growth / 2 ** 20).toFixed(1)} MB`,
    );
    // The whole file as a string alone would be twice its bytes (UTF-16), its parsed tree far more.
    expect(growth).toBeLessThan(bytes / 4);
  }, 120_000);

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
