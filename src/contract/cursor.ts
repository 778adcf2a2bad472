import { z } from 'zod';

/**
 * Keyset pagination (issue 14): a page is the rows after a cursor in the list's order, and the cursor
 * is the sort key and id of the last row of the page before, opaque to clients (base64url of a JSON
 * array). Unlike an offset, it stays right while rows are inserted: a row inserted before the cursor
 * is not seen by this walk (it was not there when the walk passed), none is seen twice or skipped.
 */
export type CursorKey = readonly (string | number)[];

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(cursor: string): string {
  const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeCursor(key: CursorKey): string {
  return toBase64Url(JSON.stringify(key));
}

export const pageLimitSchema = z.coerce.number().int().min(1).max(500);

const keySchema = z
  .array(z.union([z.string().max(1_000), z.number()]))
  .min(1)
  .max(4);

export const notACursor = 'Not a cursor from this list: pass nextCursor as it came.';

/** The JSON a cursor carries, or undefined when it is not base64url JSON. */
function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(fromBase64Url(cursor));
  } catch {
    return undefined;
  }
}

/** The query parameter: decoded into the key it carries, or a 400 naming `cursor`. */
export const cursorSchema = z
  .string()
  .max(2_000)
  .transform((cursor, ctx) => {
    const parsed = keySchema.safeParse(decodeCursor(cursor));
    if (parsed.success) return parsed.data as CursorKey;
    ctx.addIssue({ code: 'custom', message: notACursor });
    return z.NEVER;
  });

/**
 * The cursor of one named list: its key starts with the list's name and the rest must have the
 * list's shape, so a cursor of another list, or one edited by hand into a key the list does not sort
 * by (not a time where a time is, not an id where an id is), is a 400 naming `cursor` rather than a
 * query that fails or silently starts elsewhere. The lists put the coalition first in `parts`, which
 * the service compares with the reader's (src/core/list-cursor.ts): this module cannot know it.
 */
export function listCursorSchema<
  const Name extends string,
  const Parts extends readonly [z.ZodType, ...z.ZodType[]],
>(name: Name, parts: Parts) {
  const shape = z.tuple([z.literal(name), ...parts]);
  return z
    .string()
    .max(2_000)
    .transform((cursor, ctx): z.output<typeof shape> => {
      const parsed = shape.safeParse(decodeCursor(cursor));
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: 'custom', message: notACursor });
      return z.NEVER;
    });
}

/**
 * `limit` and `cursor` of a list that always pages: `limit` defaults to `defaultLimit` (a response
 * stays bounded however long the list grows); a caller that needs every row follows `nextCursor`.
 */
export function boundedPageQuerySchema<
  const Name extends string,
  const Parts extends readonly [z.ZodType, ...z.ZodType[]],
>(name: Name, parts: Parts, defaultLimit: number) {
  return z.object({
    limit: pageLimitSchema.default(defaultLimit),
    cursor: listCursorSchema(name, parts).optional(),
  });
}

/** A timestamp in a cursor: UTC to the microsecond, as src/db/keyset.ts `timestampKey` writes it. */
export const cursorTimestampSchema = z.iso.datetime({ precision: 6 });

/** `limit` and `cursor` of a list that pages; without `limit`, the whole list, as before. */
export const pageQuerySchema = z.object({
  limit: pageLimitSchema.optional(),
  cursor: cursorSchema.optional(),
});

export const nextCursorSchema = z
  .string()
  .nullable()
  .describe('Give it back as `cursor` for the next page; null on the last page');

/** Of `limit + 1` rows read, the page and the cursor after it. */
export function pageOf<T>(
  rows: readonly T[],
  limit: number | undefined,
  keyOf: (row: T) => CursorKey,
): { items: T[]; nextCursor: string | null } {
  if (limit === undefined || rows.length <= limit) return { items: [...rows], nextCursor: null };
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: last === undefined ? null : encodeCursor(keyOf(last)) };
}
