import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeOf, memberOf, seedCoalition } from '../../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../../test/helpers/test-database.ts';
import { getPerson, listPeople } from '../people.service.ts';
import { importPeople } from './import.service.ts';

const database = useTestDatabase();
const sample = (name: string) => fileURLToPath(new URL(`../samples/${name}`, import.meta.url));
const fromFile = (name: string) => createReadStream(sample(name));

async function member() {
  const { db } = database();
  const seed = await seedCoalition(db, [{ name: 'Importers' }, { name: 'Others' }]);
  return { db, actor: memberOf(seed, 0).delegate, other: memberOf(seed, 1).delegate };
}

describe('CSV import', () => {
  it('reports every bad row by file, row, field and reason, and saves nothing', async () => {
    const { db, actor } = await member();
    const report = await importPeople(db, actor, fromFile('with-errors.csv'), {
      fileName: 'with-errors.csv',
      dryRun: false,
    });
    expect(report.committed).toBe(false);
    expect(report.errors).toEqual([
      { file: 'with-errors.csv', row: 3, field: 'email', reason: '"not-an-email" is not an email address' },
      { file: 'with-errors.csv', row: 4, field: 'phone', reason: '"12" is not a phone number' },
      { file: 'with-errors.csv', row: 5, field: 'county', reason: 'no county "Atlantis" in Michigan' },
    ]);
    expect((await listPeople(db, actor, { limit: 10 })).total).toBe(0);
  });

  it('imports the fixed file, resolves county names to FIPS, and reports duplicates in the file and against existing people', async () => {
    const { db, actor } = await member();
    const dry = await importPeople(db, actor, fromFile('fixed.csv'), { fileName: 'fixed.csv', dryRun: true });
    expect(dry).toMatchObject({ errorCount: 0, committed: false, imported: 5 });
    expect((await listPeople(db, actor, { limit: 10 })).total).toBe(0);
    const first = await importPeople(db, actor, fromFile('fixed.csv'), {
      fileName: 'fixed.csv',
      dryRun: false,
    });
    expect(first).toMatchObject({ errorCount: 0, committed: true, imported: 5 });
    expect(first.duplicates).toEqual([{ row: 6, field: 'email', kind: 'in_file', matchesRow: 2 }]);
    const people = await listPeople(db, actor, { limit: 10, county: '26125' });
    expect(people.people.map((p) => p.lastName)).toEqual(['Vesey']);
    const again = await importPeople(db, actor, fromFile('fixed.csv'), {
      fileName: 'fixed.csv',
      dryRun: true,
    });
    expect(again.duplicates.filter((d) => d.kind === 'existing').map((d) => d.row)).toEqual([2, 3, 4, 5, 6]);
  });

  it('reads the Action Network preset: consent from statuses, tags split on ", ", unknown columns kept as custom fields', async () => {
    const { db, actor } = await member();
    const report = await importPeople(db, actor, fromFile('action-network.csv'), {
      fileName: 'an.csv',
      dryRun: false,
    });
    expect(report).toMatchObject({ preset: 'action_network', errorCount: 0, imported: 3 });
    const page = await listPeople(db, actor, { limit: 10, q: 'ostrander' });
    const p = await getPerson(db, actor, page.people[0]?.id ?? '');
    expect(p).toMatchObject({
      externalId: 'an-0001',
      phones: ['+13135550142'],
      tags: ['housing', 'transit'],
      custom: { 'Shirt Size': 'M' },
      consent: { email: true, phone: true, sms: false, post: false },
    });
    expect(p.address.countyFips).toBe('26163');
  });

  it('reads NationBuilder (leading quotes, do_not_contact) and CiviCRM (semicolons, only individuals, opt-outs)', async () => {
    const { db, actor } = await member();
    const nb = await importPeople(db, actor, fromFile('nationbuilder.csv'), {
      fileName: 'nb.csv',
      dryRun: false,
    });
    expect(nb).toMatchObject({ preset: 'nationbuilder', errorCount: 0, imported: 2 });
    const caspar = await listPeople(db, actor, { limit: 1, q: 'lindqvist' });
    const c = await getPerson(db, actor, caspar.people[0]?.id ?? '');
    expect(c.emails).toEqual(['caspar.l@example.org']);
    expect(c.consent.email).toBe(false);
    const civi = await importPeople(db, actor, fromFile('civicrm.csv'), {
      fileName: 'civi.csv',
      dryRun: false,
    });
    expect(civi).toMatchObject({
      preset: 'civicrm',
      errorCount: 0,
      imported: 2,
      skipped: [{ row: 3, reason: 'contact type Organization' }],
    });
    const bart = await listPeople(db, actor, { limit: 1, q: 'nkemelu' });
    const b = await getPerson(db, actor, bart.people[0]?.id ?? '');
    expect(b.consent.email).toBe(false);
    expect(b.tags).toEqual(['Volunteers', 'Newsletter']);
    const ros = await listPeople(db, actor, { limit: 1, q: 'achterberg' });
    expect((await getPerson(db, actor, ros.people[0]?.id ?? '')).address).toMatchObject({
      postalCode: '48197-2201',
      line2: 'Unit 4',
    });
  });

  it('refuses a race, ethnicity or religion column unless it is mapped to skip', async () => {
    const { db, actor } = await member();
    const csv = 'first_name,email,Ethnicity\nAda,ada@example.org,x\n';
    expect(
      await codeOf(
        importPeople(db, actor, Readable.from([csv]), {
          fileName: 'bad.csv',
          dryRun: false,
          mapping: { Ethnicity: 'custom:Ethnicity' },
        }),
      ),
    ).toBe('people.protected_field');
    const skipped = await importPeople(db, actor, Readable.from([csv]), {
      fileName: 'ok.csv',
      dryRun: false,
      mapping: { Ethnicity: 'skip' },
    });
    expect(skipped).toMatchObject({ errorCount: 0, imported: 1 });
  });

  it('a ragged row is an error naming its row; staff cannot import', async () => {
    const { db, actor, other } = await member();
    const report = await importPeople(
      db,
      actor,
      Readable.from(['first_name,email\nAda,ada@example.org\nBo\n']),
      { fileName: 'r.csv', dryRun: false },
    );
    expect(report.errors).toEqual([
      { file: 'r.csv', row: 3, field: '(row)', reason: '1 fields where the header has 2 (line 3)' },
    ]);
    expect((await listPeople(db, other, { limit: 10 })).total).toBe(0);
  });
});
