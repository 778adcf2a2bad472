import { type Expression, type RawBuilder, sql } from 'kysely';

/**
 * A timestamptz as UTC text to the microsecond (`2026-12-05T14:03:09.123456Z`), for keyset cursors:
 * a JavaScript Date keeps milliseconds only, so a cursor built from one would sit before a row stamped
 * by the database's now() (microseconds) and hand that row out again on the next page.
 */
export function timestampKey(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The cursor's timestamp text back as a timestamptz, compared exactly (no round trip through Date). */
export function timestampFromKey(key: string): Expression<Date> {
  return sql<Date>`cast(${key} as timestamptz)`;
}
