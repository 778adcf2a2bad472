import type { Actor } from '../../core/actor.ts';
import { fuzzyFilter } from '../../core/fuzzy-match.ts';
import type { Db } from '../../db/database.ts';
import { listDecisionViews } from '../decisions/index.ts';
import { catalog } from '../map/index.ts';
import { listPactViews } from '../pacts/index.ts';
import { listDrives } from '../petitions/index.ts';
import { listOrganizationViews } from '../registry/index.ts';
import { listCandidateViews } from '../tickets/index.ts';
import type { SearchHit } from './search.schema.ts';

/**
 * One search over what the caller may already list: each source is the feature's own read with
 * the caller as actor, so the palette never shows a row its pages would not. Short lists are ranked
 * by the fuzzy matcher; candidates and places, which can run to thousands, are narrowed by the
 * features' own name search first.
 */
export async function searchWorkspace(db: Db, actor: Actor, q: string, limit: number): Promise<SearchHit[]> {
  const [members, decisions, pacts, drives, candidates, places] = await Promise.all([
    listOrganizationViews(db, actor, {}),
    listDecisionViews(db, actor, {}),
    listPactViews(db, actor),
    listDrives(db, actor),
    listCandidateViews(db, actor, { q }),
    catalog.listJurisdictions(db, actor, { q, limit: limit * 2, offset: 0 }),
  ]);
  // A place is named with its parent ("Red River, Louisiana"): several states share county names.
  const parentIds = [...new Set(places.items.flatMap((p) => (p.parentId ? [p.parentId] : [])))];
  const parents = new Map<string, string>();
  for (const id of parentIds) {
    const parent = await catalog.getJurisdiction(db, actor, id).catch(() => null);
    if (parent) parents.set(id, parent.name);
  }
  const pick = <T>(items: readonly T[], label: (item: T) => string, hit: (item: T) => SearchHit) =>
    fuzzyFilter(q, items, label, limit).map(hit);
  return [
    ...pick(
      members,
      (m) => m.name,
      (m) => ({
        kind: 'member',
        id: m.id,
        label: m.name,
        detail: `${m.kind} · ${m.status}`,
        path: `/members/${m.id}`,
      }),
    ),
    ...pick(
      decisions,
      (d) => d.title,
      (d) => ({
        kind: 'decision',
        id: d.id,
        label: d.title,
        detail: `${d.kind} · ${d.phase}`,
        path: `/decisions/${d.id}`,
      }),
    ),
    ...pick(
      pacts,
      (p) => p.name,
      (p) => ({
        kind: 'pact',
        id: p.id,
        label: p.name,
        detail: p.status.replace('_', ' '),
        path: `/pacts/${p.id}`,
      }),
    ),
    ...pick(
      candidates,
      (c) => c.name,
      (c) => ({
        kind: 'candidate',
        id: c.id,
        label: c.name,
        detail: `${c.memberName} · ${c.race.name}`,
        path: `/candidates/${c.id}`,
      }),
    ),
    ...pick(
      drives,
      (d) => d.name,
      (d) => ({
        kind: 'drive',
        id: d.id,
        label: d.name,
        detail: `${d.organizationName} · ${d.jurisdiction}`,
        path: `/petitions/drives/${d.id}`,
      }),
    ),
    ...pick(
      places.items,
      (p) => p.name,
      (p) => ({
        kind: 'place',
        id: p.id,
        label: p.name,
        detail: `${p.kind} · ${(p.parentId && parents.get(p.parentId)) || p.country}`,
        path: `/map?place=${encodeURIComponent(p.code)}`,
      }),
    ),
  ];
}
