import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import * as catalog from './catalog.repository.ts';
import { twoPartyMargin } from './lean.ts';
import * as results from './results.repository.ts';
import { figuresOf } from './results.service.ts';
import { listOwnShapes } from './shapes.repository.ts';

/**
 * The coalition's imported districts as a GeoJSON FeatureCollection; with a result set, each
 * district also carries that set's figures for it (lean, margin, votes by party…).
 */
export async function coalitionDistricts(
  db: Db,
  actor: Actor,
  request: { kind?: string | undefined; set?: string | undefined },
) {
  const shapes = await listOwnShapes(db, actor.coalitionId, request.kind);
  const figures = new Map<string, ReturnType<typeof figuresOf>>();
  if (request.set) {
    const set = await catalog.findResultSet(db, actor, request.set);
    if (!set) throw notFound('map.result_set_not_found', `No result set "${request.set}".`);
    const units = await results.listUnits(db, actor, { by: 'set', setId: set.id });
    const votes = await results.listVotes(db, actor, { by: 'set', setId: set.id });
    let dem = 0;
    let rep = 0;
    const lines = new Map<string, Parameters<typeof figuresOf>[1][number][]>();
    for (const v of votes) {
      if (v.party === 'DEM') dem += v.votes;
      if (v.party === 'REP') rep += v.votes;
      const own = lines.get(v.jurisdiction_id) ?? [];
      own.push({ candidate: v.candidate, line: v.line, party: v.party, votes: v.votes, outcome: v.outcome });
      lines.set(v.jurisdiction_id, own);
    }
    const reference = twoPartyMargin({ dem, rep, total: null });
    for (const unit of units) {
      figures.set(unit.jurisdiction_id, figuresOf(unit, lines.get(unit.jurisdiction_id) ?? [], reference));
    }
  }
  return {
    type: 'FeatureCollection' as const,
    features: shapes.map((shape) => ({
      type: 'Feature' as const,
      id: shape.id,
      properties: { kind: shape.kind, code: shape.code, name: shape.name, ...(figures.get(shape.id) ?? {}) },
      geometry: shape.geometry,
    })),
  };
}
