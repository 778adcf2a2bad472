import { createHash } from 'node:crypto';

/** Namespace of every map id (a random UUID fixed once: ids must never change between releases). */
const namespace = Buffer.from('6f1d3a52c0b84c5e9a7e2d41b7f09c13', 'hex');

/**
 * A UUID (version 5, RFC 9562) derived from a natural key, so the same jurisdiction, election,
 * race or result set gets the same id on every load and every install. `scope` is `ref` for the
 * shipped reference data and the coalition id for a coalition's own rows.
 */
export function stableId(scope: string, ...parts: string[]): string {
  const hash = createHash('sha1')
    .update(namespace)
    .update([scope, ...parts].join('\u001f'))
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const referenceScope = 'ref';

export const jurisdictionId = (scope: string, kind: string, code: string) =>
  stableId(scope, 'jurisdiction', kind, code);
export const electionId = (scope: string, slug: string) => stableId(scope, 'election', slug);
export const resultSetId = (scope: string, slug: string) => stableId(scope, 'result_set', slug);
export const raceId = (
  scope: string,
  electionSlug: string,
  office: string,
  jurisdiction: string,
  stage: string,
) => stableId(scope, 'race', electionSlug, office, jurisdiction, stage);
