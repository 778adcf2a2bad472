/**
 * The public lookup's slow path, kept as the oracle of public.test.ts: the answer for one place built
 * straight from the database, walking the coalition's pacts, ratifications and race areas for every
 * place, as the route did before the per-coalition index (public.service.ts). The index's answers must
 * equal these for every place.
 */
import { z } from 'zod';
import { notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/database.ts';
import type { JurisdictionView } from '../../map/index.ts';
import {
  catalog,
  countyDistricts,
  crosswalkElection,
  crosswalkLabel,
  isJurisdictionKind,
  stateByFips,
} from '../../map/index.ts';
import { findCoalitionBySlug, getPublicCoalition } from '../../registry/index.ts';
import { versionLabelsSchema } from '../stored.schema.ts';
import { findAssignments, listRaceAreas } from './public.repository.ts';
import { isUuid, type PublicCandidates, type PublicRace, type RaceCoverage } from './public.schema.ts';
import {
  coverageOf,
  coverageOrder,
  jurisdictionTree,
  keyOf,
  type Place,
  ratifiedPacts,
} from './public.service.ts';

/** The place asked for: a reference jurisdiction (the public sees no coalition's own map rows). */
async function resolvePlace(db: Db, ref: string): Promise<JurisdictionView> {
  if (isUuid(ref)) return catalog.getJurisdiction(db, null, ref);
  const [kind = '', code = ''] = ref.split(':');
  const [found] = isJurisdictionKind(kind)
    ? (await catalog.listJurisdictions(db, null, { kind, code, limit: 1, offset: 0 })).items
    : [];
  if (!found) throw notFound('map.jurisdiction_not_found', `No jurisdiction ${ref}.`, { jurisdiction: ref });
  return found;
}

const assignmentsSchema = z.record(z.string(), z.string().nullable());

/** The answer built straight from the database, one place at a time (the former route's build). */
export async function slowCoalitionCandidates(
  db: Db,
  slug: string,
  jurisdiction: string,
  now = new Date(),
): Promise<PublicCandidates> {
  const coalition = await findCoalitionBySlug(db, slug);
  if (!coalition) throw notFound('coalition.not_found', `No coalition "${slug}".`);
  const found = await resolvePlace(db, jurisdiction);
  const placeAbove = (await jurisdictionTree(db, null, [found.id]))(found.id);
  const place: Place = {
    id: found.id,
    key: keyOf(found),
    aboveIds: new Set(placeAbove.map((j) => j.id)),
    aboveKeys: new Set(placeAbove.map(keyOf)),
  };

  const houseDistricts = found.kind === 'county' ? await countyHouseDistricts(db, found.code) : [];
  const shareOf = new Map<string, number>();
  for (const d of houseDistricts) {
    shareOf.set(`congressional_district:${d.code}`, d.share);
    if (d.jurisdictionId) shareOf.set(d.jurisdictionId, d.share);
  }

  const ratified = await ratifiedPacts(db, coalition.id, now);
  const areas = await listRaceAreas(
    db,
    ratified.map((r) => r.pact.id),
  );
  const above = await jurisdictionTree(
    db,
    { coalitionId: coalition.id },
    areas.flatMap((a) => (a.jurisdiction_id ? [a.jurisdiction_id] : [])),
  );
  const covering = areas.flatMap(
    (row): { row: typeof row; keys: string[]; coverage: RaceCoverage; share: number | undefined }[] => {
      const keys = z.array(z.string()).parse(row.jurisdiction_keys);
      const coverage = coverageOf(
        {
          jurisdictionId: row.jurisdiction_id,
          jurisdictionKeys: keys,
          aboveIds: new Set(row.jurisdiction_id ? above(row.jurisdiction_id).map((j) => j.id) : []),
        },
        place,
      );
      if (coverage) return [{ row, keys, coverage, share: undefined }];
      // A House district crossing the county: the crosswalk says so (area-based), the map's parents cannot.
      const share =
        shareOf.get(keys[0] ?? '') ?? (row.jurisdiction_id ? shareOf.get(row.jurisdiction_id) : undefined);
      return share === undefined ? [] : [{ row, keys, coverage: 'crosses_place', share }];
    },
  );

  const members = new Map((await getPublicCoalition(db, slug)).members.map((m) => [m.id, m]));
  const races: PublicRace[] = [];
  for (const entry of ratified) {
    const mine = covering.filter((c) => c.row.pact_id === entry.pact.id);
    if (mine.length === 0) continue;
    const allocation = await findAssignments(db, entry.pact.id, entry.version);
    const assignments = assignmentsSchema.parse(allocation?.assignments ?? {});
    const labels = versionLabelsSchema.parse(allocation?.labels ?? { members: {}, races: {} });
    for (const { row, keys, coverage, share } of mine) {
      const memberKey = assignments[row.key] ?? null;
      const organizationId = memberKey === null ? null : (labels.members[memberKey]?.organizationId ?? null);
      races.push({
        pact: {
          name: entry.pact.name,
          kind: entry.pact.kind,
          version: entry.version,
          ratifiedAt: entry.ratifiedAt,
        },
        key: row.key,
        name: row.name,
        seats: row.seats,
        jurisdictionId: row.jurisdiction_id,
        jurisdictionKey: keys[0] ?? null,
        mapRaceId: row.map_race_id,
        coverage,
        // A member suspended, expelled or withdrawn since the pact no longer carries the flag.
        member: organizationId === null ? null : (members.get(organizationId) ?? null),
        open: memberKey === null,
        ...(share === undefined ? {} : { share }),
      });
    }
  }
  races.sort(
    (a, b) =>
      coverageOrder[a.coverage] - coverageOrder[b.coverage] ||
      a.pact.name.localeCompare(b.pact.name) ||
      a.key.localeCompare(b.key, 'en', { numeric: true }),
  );
  return {
    coalition: { slug: coalition.slug, name: coalition.name },
    place: {
      id: found.id,
      key: place.key,
      kind: found.kind,
      code: found.code,
      name: found.name,
      within: placeAbove.map((j) => ({ id: j.id, key: keyOf(j), name: j.name })),
    },
    races,
    houseDistricts,
    crosswalk: crosswalkLabel,
  };
}

/**
 * A county's own House district(s), from the area-based crosswalk of the shipped district shapes:
 * the districts of one election (the crosswalk's map), never every year's seats of the state.
 */
async function countyHouseDistricts(db: Db, countyFips: string): Promise<PublicCandidates['houseDistricts']> {
  const usps = stateByFips(countyFips.slice(0, 2))?.usps ?? '';
  const out: PublicCandidates['houseDistricts'] = [];
  for (const { district, share } of await countyDistricts(countyFips)) {
    const [onMap] = (
      await catalog.listJurisdictions(db, null, {
        kind: 'congressional_district',
        code: district,
        limit: 1,
        offset: 0,
      })
    ).items;
    out.push({
      code: district,
      share,
      basis: 'area-based',
      election: crosswalkElection(usps),
      jurisdictionId: onMap?.id ?? null,
    });
  }
  return out;
}
