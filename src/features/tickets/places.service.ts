import type { RacePlace } from '../../core/tickets/fusion.ts';
import type { Db } from '../../db/database.ts';
import { findJurisdictions } from './tickets.repository.ts';

const maxDepth = 8;

export interface JurisdictionPlace {
  place: RacePlace;
  /** `kind:code` of the jurisdiction itself. */
  key: string;
}

/**
 * Where each jurisdiction is for ballot law: a US jurisdiction's state (by walking up the map's
 * parents to the state and reading its USPS code), or the country elsewhere. A US jurisdiction with
 * no state above it has `statePo: null` and falls under the coalition's setting, like a foreign one.
 */
export async function resolvePlaces(
  db: Db,
  coalitionId: string | null,
  ids: readonly string[],
): Promise<Map<string, JurisdictionPlace>> {
  const nodes = new Map<
    string,
    { kind: string; code: string; parent_id: string | null; abbr: string | null; country: string }
  >();
  let frontier = [...new Set(ids)];
  for (let depth = 0; frontier.length > 0 && depth < maxDepth; depth += 1) {
    const found = await findJurisdictions(db, coalitionId, frontier);
    for (const node of found) nodes.set(node.id, node);
    frontier = [
      ...new Set(found.flatMap((n) => (n.parent_id && !nodes.has(n.parent_id) ? [n.parent_id] : []))),
    ];
  }
  const places = new Map<string, JurisdictionPlace>();
  for (const id of ids) {
    const own = nodes.get(id);
    if (!own) continue;
    let node: typeof own | undefined = own;
    let statePo: string | null = null;
    for (let depth = 0; node && depth < maxDepth; depth += 1) {
      if (node.kind === 'state' && node.abbr) {
        statePo = node.abbr;
        break;
      }
      node = node.parent_id ? nodes.get(node.parent_id) : undefined;
    }
    places.set(id, {
      key: `${own.kind}:${own.code}`,
      place:
        own.country === 'US' && statePo
          ? { country: 'US', statePo }
          : { country: own.country, statePo: null },
    });
  }
  return places;
}
