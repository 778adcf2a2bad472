/** How an import compares with the database: counts for the report and the keys that need writing. */
export interface ChangeCounts {
  new: number;
  changed: number;
  unchanged: number;
  /** Rows in the database that the file replaces and no longer has (a race's old result lines). */
  removed: number;
  /** Keys of new and changed rows. */
  keys: string[];
}

export interface ImportReport {
  file: string;
  dryRun: boolean;
  changes: Record<string, Omit<ChangeCounts, 'keys'>>;
  notes: string[];
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

export function countChanges<D, E>(
  desired: readonly D[],
  existing: readonly E[],
  key: (row: D | E) => string,
  desiredValues: (row: D) => unknown[],
  existingValues: (row: E) => unknown[],
): ChangeCounts {
  const before = new Map(existing.map((row) => [key(row), canonicalJson(existingValues(row))]));
  const counts: ChangeCounts = { new: 0, changed: 0, unchanged: 0, removed: 0, keys: [] };
  const seen = new Set<string>();
  for (const row of desired) {
    const k = key(row);
    seen.add(k);
    const old = before.get(k);
    if (old === undefined) counts.new += 1;
    else if (old !== canonicalJson(desiredValues(row))) counts.changed += 1;
    else {
      counts.unchanged += 1;
      continue;
    }
    counts.keys.push(k);
  }
  for (const k of before.keys()) if (!seen.has(k)) counts.removed += 1;
  return counts;
}

export const withoutKeys = (changes: Record<string, ChangeCounts>): ImportReport['changes'] =>
  Object.fromEntries(Object.entries(changes).map(([name, { keys: _keys, ...counts }]) => [name, counts]));
