/**
 * The public slate: the coalition's ticket for a place, as a voter needs it (names, lines, the
 * member behind each candidate), for the public page, the printable card, the PDF and the iCal feed.
 * No Actor: only endorsed nominations (endorsed, filed, on the ballot, or decided) that run against
 * no ratified pact leave here. Proposed, rejected and dissident candidacies never do.
 */
import { notFound } from '../../core/errors.ts';
import type { CandidateStatus } from '../../core/tickets/lifecycle.ts';
import { isEndorsedStage } from '../../core/tickets/lifecycle.ts';
import type { Db } from '../../db/database.ts';
import type { JurisdictionView } from '../map/index.ts';
import { catalog, isJurisdictionKind } from '../map/index.ts';
import { findCoalitionBySlug } from '../registry/index.ts';
import { loadBallotAccess } from './ballot-access.ts';
import { resolvePlaces } from './places.service.ts';
import type { Slate, SlateEntry } from './slate.schema.ts';
import * as repo from './tickets.repository.ts';
import { storedDissidence } from './views.service.ts';

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

async function resolvePlace(db: Db, ref: string): Promise<JurisdictionView> {
  if (isUuid(ref)) return catalog.getJurisdiction(db, null, ref);
  const [kind = '', code = ''] = ref.split(':');
  const [found] = isJurisdictionKind(kind)
    ? (await catalog.listJurisdictions(db, null, { kind, code, limit: 1, offset: 0 })).items
    : [];
  if (!found) throw notFound('map.jurisdiction_not_found', `No jurisdiction ${ref}.`, { jurisdiction: ref });
  return found;
}

/** Ancestors of each jurisdiction (ids, nearest first), reference and the coalition's own. */
async function ancestors(db: Db, coalitionId: string, ids: readonly string[]) {
  const nodes = new Map<string, { parent_id: string | null; kind: string; code: string; name: string }>();
  let frontier = [...new Set(ids)];
  for (let depth = 0; frontier.length > 0 && depth < 8; depth += 1) {
    const found = await repo.findJurisdictions(db, coalitionId, frontier);
    for (const n of found) nodes.set(n.id, n);
    frontier = [
      ...new Set(found.flatMap((n) => (n.parent_id && !nodes.has(n.parent_id) ? [n.parent_id] : []))),
    ];
  }
  return (id: string) => {
    const chain: string[] = [];
    let parent = nodes.get(id)?.parent_id ?? null;
    while (parent && chain.length < 8) {
      chain.push(parent);
      parent = nodes.get(parent)?.parent_id ?? null;
    }
    return chain;
  };
}

/** Extra coverage the map's parents cannot give: a district crossing the place (the area crosswalk). */
export type OverlapLookup = (placeKey: string, raceJurisdictionKey: string) => number | null;
const noOverlap: OverlapLookup = () => null;

export async function findSlate(
  db: Db,
  slug: string,
  jurisdiction: string,
  overlap: OverlapLookup = noOverlap,
): Promise<Slate> {
  const coalition = await findCoalitionBySlug(db, slug);
  if (!coalition) throw notFound('coalition.not_found', `No coalition "${slug}".`);
  const place = await resolvePlace(db, jurisdiction);
  const placeKey = `${place.kind}:${place.code}`;
  const rows = (await repo.listCandidates(db, coalition.id, {})).filter(
    (r) => isEndorsedStage(r.status as CandidateStatus) && storedDissidence(r).length === 0,
  );
  const races = new Map(
    (await repo.findRaces(db, coalition.id, [...new Set(rows.map((r) => r.race_id))])).map((r) => [r.id, r]),
  );
  const above = await ancestors(db, coalition.id, [
    place.id,
    ...[...races.values()].map((r) => r.jurisdiction_id),
  ]);
  const placeAbove = above(place.id);
  const lines = await repo.listLines(
    db,
    coalition.id,
    rows.map((r) => r.id),
  );
  const members = new Map((await repo.listMembers(db, coalition.id)).map((m) => [m.id, m]));
  const places = await resolvePlaces(
    db,
    coalition.id,
    [...races.values()].map((r) => r.jurisdiction_id),
  );
  const { fusion } = await loadBallotAccess();
  const entries: SlateEntry[] = [];
  for (const row of rows) {
    const race = races.get(row.race_id);
    const member = members.get(row.organization_id);
    if (!race || !member || member.status !== 'member') continue;
    const raceKey = `${race.jurisdiction_kind}:${race.jurisdiction_code}`;
    let coverage: SlateEntry['coverage'] | null = null;
    let areaShare: number | null = null;
    if (race.jurisdiction_id === place.id) coverage = 'place';
    else if (placeAbove.includes(race.jurisdiction_id)) coverage = 'contains_place';
    else if (above(race.jurisdiction_id).includes(place.id)) coverage = 'within_place';
    else {
      areaShare = overlap(placeKey, raceKey);
      if (areaShare !== null && areaShare > 0) coverage = 'overlaps_place';
    }
    if (!coverage) continue;
    const mine = lines.filter((l) => l.candidate_id === row.id);
    const partyLines = mine.filter((l) => l.kind !== 'endorsement').length;
    const statePo = places.get(race.jurisdiction_id)?.place.statePo ?? null;
    entries.push({
      candidateId: row.id,
      name: row.name,
      status: row.status as SlateEntry['status'],
      member: { id: member.id, name: member.name },
      race: {
        id: race.id,
        name: race.name,
        office: race.office,
        electionName: race.election_name,
        electionDate: race.election_date,
        filingDeadline: race.filing_deadline,
        jurisdictionKey: raceKey,
      },
      coverage,
      areaShare,
      lines: mine.map((l) => ({
        kind: l.kind,
        label: l.label,
        memberName: l.organization_id ? (members.get(l.organization_id)?.name ?? null) : null,
      })),
      display:
        partyLines <= 1 ? 'single' : statePo ? (fusion.get(statePo)?.display ?? 'separate') : 'separate',
    });
  }
  const order = { contains_place: 0, place: 1, overlaps_place: 2, within_place: 3 };
  entries.sort(
    (a, b) =>
      order[a.coverage] - order[b.coverage] ||
      a.race.electionDate.localeCompare(b.race.electionDate) ||
      a.race.name.localeCompare(b.race.name, 'en', { numeric: true }),
  );
  const national =
    place.country === 'US'
      ? (await repo.listNationalTickets(db, coalition.id))
          .filter((t) => t.status === 'accepted')
          .slice(0, 1)
          .map((t) => ({
            cycle: t.cycle,
            office: t.office,
            top: { name: t.top_name, memberName: members.get(t.top_organization_id)?.name ?? '' },
            second: { name: t.second_name, memberName: members.get(t.second_organization_id)?.name ?? '' },
          }))
      : [];
  const withinNames = await repo.findJurisdictions(db, null, placeAbove);
  return {
    coalition: { slug: coalition.slug, name: coalition.name },
    place: {
      id: place.id,
      key: placeKey,
      name: place.name,
      within: placeAbove.flatMap((id) => {
        const j = withinNames.find((w) => w.id === id);
        return j ? [{ key: `${j.kind}:${j.code}`, name: j.name }] : [];
      }),
    },
    entries,
    national,
  };
}
