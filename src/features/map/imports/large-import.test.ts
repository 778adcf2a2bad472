import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCoalition, createTestUser } from '../../../../test/helpers/factories.ts';
import { districtGeoJson, raceCsv, raceCsvLines } from '../../../../test/helpers/import-files.ts';
import { buildTestApp, injectAs, signIn } from '../../../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../../../test/helpers/test-database.ts';
import type { Actor } from '../../../core/actor.ts';
import { DomainError } from '../../../core/errors.ts';
import { applyRaceFile, importDistricts, readRaceFile } from './import.service.ts';
import type { ImportProblem } from './problems.ts';
import { limitedUpload } from './upload-limit.ts';

/**
 * Imports far past the sizes that broke them: PGlite lost its prepared statement from a few
 * hundred places, PostgreSQL's parser overflowed its stack at 15,000 (a literal IN list of every
 * key). 16,000 places keeps CI quick; bench/map-import runs 100,000 on both drivers.
 */
const places = 16_000;
const database = useTestDatabase();

describe(`a races import of ${places.toLocaleString('en')} places`, { timeout: 300_000 }, () => {
  let actor: Actor;

  beforeAll(async () => {
    const coalition = await createTestCoalition(database().db);
    actor = { userId: 'test', coalitionId: coalition.id, organizationId: null, role: 'secretariat' };
  });

  const run = async (source: string | AsyncIterable<string>, dryRun = false) => {
    const file = await readRaceFile(actor, 'big.csv', source);
    return database()
      .db.transaction()
      .execute((trx) => applyRaceFile(trx, actor, file, dryRun));
  };
  const stored = async () => {
    const votes = await database()
      .db.selectFrom('result_votes')
      .select((eb) => [eb.fn.countAll<number>().as('lines'), eb.fn.sum<number>('votes').as('votes')])
      .where('coalition_id', '=', actor.coalitionId)
      .executeTakeFirstOrThrow();
    const wards = await database()
      .db.selectFrom('jurisdictions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('coalition_id', '=', actor.coalitionId)
      .where('kind', '=', 'ward')
      .executeTakeFirstOrThrow();
    return { lines: Number(votes.lines), votes: Number(votes.votes), wards: Number(wards.n) };
  };

  it('imports every place from a stream, then replaces every result line on a second round', async () => {
    const first = await run(Readable.from(raceCsvLines(places)));
    expect(first.changes.jurisdictions).toMatchObject({ new: places + 1 });
    expect(first.changes.races).toMatchObject({ new: places + 1 });
    expect(first.changes.results).toMatchObject({ new: places * 2 });
    const afterFirst = await stored();
    expect(afterFirst).toMatchObject({ lines: places * 2, wards: places });

    const second = await run(raceCsv(places, 1));
    expect(second.changes.jurisdictions).toMatchObject({ new: 0, unchanged: places + 1 });
    expect(second.changes.results).toMatchObject({ new: 0, changed: places * 2 });
    const afterSecond = await stored();
    expect(afterSecond.lines).toBe(places * 2);
    expect(afterSecond.votes).not.toBe(afterFirst.votes);
  });

  it('a dry run counts every change and writes nothing', async () => {
    const before = await stored();
    const preview = await run(raceCsv(places, 2), true);
    expect(preview.dryRun).toBe(true);
    expect(preview.changes.results).toMatchObject({ changed: places * 2 });
    expect(await stored()).toEqual(before);
  });

  it('one bad row at the very end refuses the whole file, naming file, row, field and reason', async () => {
    const before = await stored();
    const bad = `${raceCsv(places, 3)}big-2026,2026-11-03,ward_council,ward,W-LAST,Last ward,municipality:BIG,Cy,GRN,many,\n`;
    const error = await run(bad).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    const problems = (error as DomainError).details?.problems as ImportProblem[];
    // Header is row 1, the city row 2, then two rows per place: the bad row comes last.
    expect(problems).toEqual([
      { file: 'big.csv', row: places * 2 + 3, field: 'votes', reason: 'expected a whole number of votes' },
    ]);
    expect(await stored()).toEqual(before);
  });

  it(`imports ${places.toLocaleString('en')} districts with their shapes, twice, the second changing nothing`, async () => {
    const { db } = database();
    const owner = await createTestCoalition(db, 'Districts');
    const staff: Actor = { ...actor, coalitionId: owner.id };
    const text = districtGeoJson(places);
    const once = () =>
      db.transaction().execute((trx) =>
        importDistricts(trx, staff, {
          file: 'wards.geojson',
          text,
          dryRun: false,
          options: { kind: 'ward' },
        }),
      );
    expect((await once()).changes.jurisdictions).toMatchObject({ new: places });
    expect((await once()).changes.jurisdictions).toMatchObject({ new: 0, changed: 0, unchanged: places });
  });

  it('stops an upload that grows past its limit', async () => {
    const chunks = async function* () {
      for (let i = 0; i < 10; i += 1) yield 'x'.repeat(1000);
    };
    const read = async () => {
      for await (const _chunk of limitedUpload(chunks(), 5_000));
    };
    await expect(read()).rejects.toMatchObject({ statusCode: 413 });
  });

  it('takes a streamed CSV upload over HTTP past the old PGlite limit, for staff only', async () => {
    const { db } = database();
    const coalition = await createTestCoalition(db, 'Upload');
    const app = await buildTestApp(db);
    const staff = await signIn(app, await createTestUser(db, coalition.slug, 'secretariat'));
    const viewer = await signIn(app, await createTestUser(db, coalition.slug, 'viewer'));
    const upload = (session: typeof staff) =>
      injectAs(app, session, {
        method: 'POST',
        url: '/api/map/imports/races',
        headers: { 'content-type': 'text/csv' },
        payload: raceCsv(2_000),
      });
    expect((await upload(viewer)).statusCode).toBe(403);
    const response = await upload(staff);
    expect(response.statusCode).toBe(200);
    expect(response.json().changes.results).toMatchObject({ new: 4_000 });
    await app.close();
  });
});
