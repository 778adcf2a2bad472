import type { VersionView } from '../pacts.schema.ts';

export type ExportFormat = 'pact' | 'report' | 'csv';

export interface ExportedFile {
  contentType: string;
  extension: string;
  body: string;
}

/** RFC 4180: quote a cell that holds a comma, a quote or a line break. */
const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * A version as a file: `pact` is its input as a pact file (`concord allocate` reruns it and gets
 * the same report), `report` the engine's report, `csv` one row per race for a spreadsheet.
 */
export function exportVersion(version: VersionView, format: ExportFormat): ExportedFile {
  if (format === 'pact') {
    return {
      contentType: 'application/json',
      extension: 'json',
      body: `${JSON.stringify(version.input, null, 2)}\n`,
    };
  }
  if (format === 'report') {
    return {
      contentType: 'application/json',
      extension: 'json',
      body: `${JSON.stringify(version.result, null, 2)}\n`,
    };
  }
  const rows = [['race', 'name', 'member', 'organization_id', 'explanation']];
  for (const [race, key] of Object.entries(version.result.assignments)) {
    const member = key === null ? undefined : version.labels.members[key];
    rows.push([
      race,
      version.labels.races[race]?.name ?? '',
      member?.name ?? '',
      member?.organizationId ?? '',
      version.result.explanations[race] ?? '',
    ]);
  }
  return {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    body: `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`,
  };
}
