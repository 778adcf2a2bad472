import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { JurisdictionsTable } from '../../../db/tables/map.ts';
import type { JurisdictionKey } from '../datasets/bundle.ts';
import { jurisdictionId } from '../ids.ts';
import { type ChangeCounts, canonicalJson, countChanges } from './changes.ts';
import * as repo from './import.repository.ts';
import type { Problems } from './problems.ts';

export interface JurisdictionItem {
  key: JurisdictionKey;
  kind: string;
  code: string;
  /** Given by the file: creates the coalition's own jurisdiction, or renames it. */
  name: string | null;
  parent: JurisdictionKey | null;
  rows: number[];
  geometry?: unknown;
}

export interface ResolvedJurisdictions {
  ids: Map<JurisdictionKey, string>;
  names: Map<JurisdictionKey, string>;
  countries: Map<JurisdictionKey, string>;
  /** The coalition's own jurisdictions to insert or update. */
  rows: Insertable<JurisdictionsTable>[];
  changes: ChangeCounts;
  notes: string[];
}

const splitKey = (key: string) => {
  const at = key.indexOf(':');
  return { kind: key.slice(0, at), code: key.slice(at + 1) };
};

/**
 * Finds each jurisdiction a file names: the coalition's own first, then the reference ones. One
 * that neither has is created as the coalition's own when the file names it (a race import needs
 * `jurisdiction_name`); districts are always the coalition's own. An unknown parent or an unknown,
 * unnamed jurisdiction is a problem.
 */
export async function resolveJurisdictions(
  db: Db,
  coalitionId: string,
  items: readonly JurisdictionItem[],
  problems: Problems,
  options: { createOwnEvenIfReference?: boolean } = {},
): Promise<ResolvedJurisdictions> {
  const wanted = new Set<string>(items.flatMap((i) => (i.parent ? [i.key, i.parent] : [i.key])));
  const found = await repo.findJurisdictionsByKeys(db, coalitionId, [...wanted].map(splitKey));
  const own = new Map(
    found.filter((j) => j.coalition_id === coalitionId).map((j) => [`${j.kind}:${j.code}`, j]),
  );
  const reference = new Map(
    found.filter((j) => j.coalition_id === null).map((j) => [`${j.kind}:${j.code}`, j]),
  );
  const byKey = new Map(items.map((i) => [i.key, i]));
  const ids = new Map<JurisdictionKey, string>();
  const names = new Map<JurisdictionKey, string>();
  const countries = new Map<JurisdictionKey, string>();
  const notes: string[] = [];
  const writes: JurisdictionItem[] = [];

  for (const item of items) {
    const mine = own.get(item.key);
    const shared = options.createOwnEvenIfReference ? undefined : reference.get(item.key);
    if (mine) {
      ids.set(item.key, mine.id);
      names.set(item.key, item.name ?? mine.name);
      writes.push(item);
    } else if (shared) {
      ids.set(item.key, shared.id);
      names.set(item.key, shared.name);
      countries.set(item.key, shared.country);
      if (item.name && item.name !== shared.name) {
        notes.push(`${item.key} is reference data ("${shared.name}"): the name "${item.name}" was not used`);
      }
    } else if (item.name) {
      ids.set(item.key, jurisdictionId(coalitionId, item.kind, item.code));
      names.set(item.key, item.name);
      writes.push(item);
    } else {
      for (const row of item.rows) {
        problems.add(
          row,
          'jurisdiction_code',
          `unknown jurisdiction ${item.key}: import it as a district first, or give jurisdiction_name to create it`,
        );
      }
    }
  }

  const parentIdOf = (key: JurisdictionKey) =>
    (byKey.has(key) ? ids.get(key) : undefined) ?? own.get(key)?.id ?? reference.get(key)?.id;
  /** The country the database already gives a key (the coalition's own row, else the reference one). */
  const storedCountry = (key: JurisdictionKey) => (own.get(key) ?? reference.get(key))?.country;
  /**
   * A new jurisdiction is in its parent's country ('ZZ' when nothing says). A parent the database
   * knows answers first: a reference state named in the file (with no parent of its own there)
   * still carries its country.
   */
  const countryOf = (item: JurisdictionItem, depth = 0): string => {
    if (!item.parent || depth > 8) return storedCountry(item.key) ?? 'ZZ';
    const known = storedCountry(item.parent);
    if (known) return known;
    const inFile = byKey.get(item.parent);
    return inFile ? countryOf(inFile, depth + 1) : 'ZZ';
  };

  const rows: Insertable<JurisdictionsTable>[] = [];
  for (const item of writes) {
    const mine = own.get(item.key);
    let parentId = mine?.parent_id ?? null;
    if (item.parent) {
      const parent = parentIdOf(item.parent);
      if (!parent) {
        for (const row of item.rows) problems.add(row, 'parent', `unknown parent ${item.parent}`);
        continue;
      }
      parentId = parent;
    }
    const geometry = item.geometry ?? mine?.geometry ?? null;
    countries.set(item.key, countryOf(item));
    rows.push({
      id: ids.get(item.key) ?? '',
      coalition_id: coalitionId,
      kind: item.kind,
      code: item.code,
      name: item.name ?? mine?.name ?? item.code,
      parent_id: parentId,
      country: countryOf(item),
      abbr: null,
      geometry: geometry === null ? null : JSON.stringify(geometry),
    });
  }
  const existing = [...own.values()].filter((j) => byKey.has(`${j.kind}:${j.code}` as JurisdictionKey));
  const changes = countChanges(
    rows,
    existing,
    (r) => String(r.id),
    (r) => [r.name, r.parent_id ?? null, r.geometry ? canonicalJson(JSON.parse(String(r.geometry))) : null],
    (r) => [r.name, r.parent_id, r.geometry ? canonicalJson(r.geometry) : null],
  );
  const changedIds = new Set(changes.keys);
  return { ids, names, countries, rows: rows.filter((r) => changedIds.has(String(r.id))), changes, notes };
}
