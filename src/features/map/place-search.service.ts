import type { Db } from '../../db/database.ts';
import type { JurisdictionKind } from './kinds.ts';
import type { PlaceSearchQuery, PlaceView } from './map.schema.ts';
import { placeLabel } from './place-label.ts';
import { parsePlaceQuery } from './place-query.ts';
import * as repo from './place-search.repository.ts';
import { scopeOf, type Viewer } from './visibility.ts';

type Row = Awaited<ReturnType<typeof repo.placesByKey>>[number];

function toPlaceView(row: Row): PlaceView {
  return {
    id: row.id,
    kind: row.kind as JurisdictionKind,
    code: row.code,
    name: row.name,
    key: `${row.kind}:${row.code}`,
    label: placeLabel({
      kind: row.kind,
      code: row.code,
      name: row.name,
      parentName: row.parent_name,
      parentKind: row.parent_kind,
    }),
    parentName: row.parent_name,
    country: row.country,
    scope: scopeOf(row.coalition_id),
  };
}

const encodeCursor = (cursor: repo.PlaceCursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** A cursor that does not decode starts from the top: it can only come from a stale or edited URL. */
function decodeCursor(text: string | undefined): repo.PlaceCursor | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 5 &&
      value.slice(0, 3).every((n) => typeof n === 'number' && Number.isFinite(n)) &&
      typeof value[3] === 'string' &&
      typeof value[4] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(value[4])
    ) {
      return value as repo.PlaceCursor;
    }
  } catch {
    // falls through
  }
  return null;
}

/** The map search (docs/map.md, "Finding a place"): ranked matches, a page at a time, by keyset. */
export async function searchPlaces(
  db: Db,
  viewer: Viewer,
  query: PlaceSearchQuery,
): Promise<{ items: PlaceView[]; next: string | null }> {
  const parsed = parsePlaceQuery(query.q);
  const rows = await repo.searchPlaces(
    db,
    viewer,
    parsed,
    { kind: query.kind, country: query.country },
    query.limit,
    decodeCursor(query.after),
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next =
    rows.length > query.limit && last
      ? encodeCursor([last.tier, last.kind_rank, last.neg_size, last.name_key, last.id])
      : null;
  return { items: page.map(toPlaceView), next };
}

/** `state:26`, `county:26163`, or a bare FIPS code (2 digits a state, 5 a county). */
function parseKey(key: string): { kind: string; code: string } | null {
  const colon = key.indexOf(':');
  if (colon > 0) return { kind: key.slice(0, colon), code: key.slice(colon + 1) };
  if (/^\d{2}$/.test(key)) return { kind: 'state', code: key };
  if (/^\d{5}$/.test(key)) return { kind: 'county', code: key };
  return null;
}

/** Names for keys the web app holds (a pact's places, a member's home jurisdictions); unknown keys are left out. */
export async function placesByKey(db: Db, viewer: Viewer, keys: readonly string[]) {
  const parsed = keys.flatMap((key) => {
    const found = parseKey(key);
    return found ? [{ key, ...found }] : [];
  });
  const rows = await repo.placesByKey(db, viewer, parsed);
  const byPair = new Map<string, Row>();
  for (const row of rows)
    if (!byPair.has(`${row.kind}:${row.code}`)) byPair.set(`${row.kind}:${row.code}`, row);
  return {
    items: parsed.flatMap(({ key, kind, code }) => {
      const row = byPair.get(`${kind}:${code}`);
      return row ? [{ ...toPlaceView(row), key }] : [];
    }),
  };
}
