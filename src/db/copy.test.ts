import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/helpers/test-database.ts';
import { arrayLiteral, copyInto, copyText } from './copy.ts';

const db = () => database().db;
const database = useTestDatabase();

async function scratch(name: string): Promise<void> {
  await sql`create table if not exists ${sql.id(name)} (n int, label text, tags text[], extra jsonb)`.execute(
    db(),
  );
}

describe('copyInto (COPY inside the caller’s transaction, on either driver)', () => {
  it('writes text with tabs, newlines, backslashes, quotes and nulls, arrays and json exactly', async () => {
    await scratch('copy_exact');
    const awkward = 'tab\there\nline\\back "quoted" \r end';
    const tags = ['a,b', 'with "quote"', 'back\\slash', '{brace}', ''];
    await db()
      .transaction()
      .execute(async (trx) => {
        await copyInto(
          trx,
          'copy_exact',
          ['n', 'label', 'tags', 'extra'],
          [
            ['1', awkward, arrayLiteral(tags), JSON.stringify({ k: 'v\tw' })],
            ['2', null, arrayLiteral([]), null],
          ],
        );
        // Seen by the same transaction before it commits.
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from copy_exact`.execute(trx);
        expect(rows[0]?.n).toBe(2);
      });
    const { rows } = await sql<{ n: number; label: string | null; tags: string[]; extra: unknown }>`
      select n, label, tags, extra from copy_exact order by n`.execute(db());
    expect(rows).toEqual([
      { n: 1, label: awkward, tags, extra: { k: 'v\tw' } },
      { n: 2, label: null, tags: [], extra: null },
    ]);
  });

  it('commits nothing when the transaction rolls back, and refuses to run outside one', async () => {
    await scratch('copy_rollback');
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await copyInto(trx, 'copy_rollback', ['n'], [['1'], ['2']]);
          throw new Error('stop');
        }),
    ).rejects.toThrow('stop');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from copy_rollback`.execute(db());
    expect(rows[0]?.n).toBe(0);
    await expect(copyInto(db(), 'copy_rollback', ['n'], [['1']])).rejects.toThrow('inside a transaction');
  });

  it('a bad value fails the COPY and the transaction, and the database is usable afterwards', async () => {
    await scratch('copy_bad');
    await expect(
      db()
        .transaction()
        .execute(async (trx) => copyInto(trx, 'copy_bad', ['n'], [['1'], ['not a number']])),
    ).rejects.toThrow();
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from copy_bad`.execute(db());
    expect(rows[0]?.n).toBe(0);
  });

  it('encodes rows as COPY text', () => {
    expect(
      copyText([
        ['a\tb', null],
        ['c\\', 'd\n'],
      ]),
    ).toBe('a\\tb\t\\N\nc\\\\\td\\n\n');
  });
});
