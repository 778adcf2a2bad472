import type { Actor } from '../../core/actor.ts';
import { conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { ownerScope } from './access.ts';
import { countPeople, type Scope } from './people.repository.ts';
import { type SegmentFilter, segmentFilterSchema } from './segment-filter.ts';
import * as repo from './segments.repository.ts';

const segmentNotFound = () => notFound('segment.not_found', 'No such segment in your organization.');

export interface SegmentView {
  id: string;
  name: string;
  filter: SegmentFilter;
  count: number;
  createdAt: string;
}

/** Counts are live: computed at every read, never stored. */
async function toView(db: Db, scope: Scope, row: Awaited<ReturnType<typeof repo.findSegment>> & object) {
  const filter = segmentFilterSchema.parse(row.filter);
  return {
    id: row.id,
    name: row.name,
    filter,
    count: await countPeople(db, scope, filter, Number.MAX_SAFE_INTEGER),
    createdAt: new Date(row.created_at).toISOString(),
  } satisfies SegmentView;
}

export async function findSegmentFilter(db: Db, scope: Scope, id: string): Promise<SegmentFilter> {
  const row = await repo.findSegment(db, scope, id);
  if (!row) throw segmentNotFound();
  return segmentFilterSchema.parse(row.filter);
}

export async function createSegment(db: Db, actor: Actor, input: { name: string; filter: SegmentFilter }) {
  const scope = ownerScope(actor, 'save a segment');
  if (await repo.findSegmentByName(db, scope, input.name))
    throw conflict('segment.name_taken', `You already have a segment named "${input.name}".`);
  const row = await repo.insertSegment(db, scope, {
    name: input.name,
    filter: JSON.stringify(segmentFilterSchema.parse(input.filter)),
    created_by: actor.userId,
  });
  return toView(db, scope, row);
}

export async function listSegments(db: Db, actor: Actor): Promise<SegmentView[]> {
  const scope = ownerScope(actor, 'list segments');
  const rows = await repo.listSegments(db, scope);
  return Promise.all(rows.map((row) => toView(db, scope, row)));
}

export async function getSegment(db: Db, actor: Actor, id: string): Promise<SegmentView> {
  const scope = ownerScope(actor, 'open a segment');
  const row = await repo.findSegment(db, scope, id);
  if (!row) throw segmentNotFound();
  return toView(db, scope, row);
}

/** A segment by id or by its name, for the CLI. */
export async function resolveSegmentId(db: Db, actor: Actor, ref: string): Promise<string> {
  const scope = ownerScope(actor, 'open a segment');
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const row = isUuid ? await repo.findSegment(db, scope, ref) : await repo.findSegmentByName(db, scope, ref);
  if (!row) throw segmentNotFound();
  return row.id;
}

export async function deleteSegment(db: Db, actor: Actor, id: string): Promise<void> {
  const scope = ownerScope(actor, 'delete a segment');
  const result = await repo.deleteSegment(db, scope, id);
  if (Number(result.numDeletedRows) === 0) throw segmentNotFound();
}
