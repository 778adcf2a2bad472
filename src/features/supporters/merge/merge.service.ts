import { z } from 'zod';
import type { Actor } from '../../../core/actor.ts';
import { conflict, invalid, notFound } from '../../../core/errors.ts';
import { searchText } from '../../../core/people/normalize.ts';
import type { Db } from '../../../db/database.ts';
import { appendAudit } from '../../audit/index.ts';
import { ownerScope, personNotFound } from '../access.ts';
import {
  findMergedPerson,
  findPerson,
  type PersonRow,
  type Scope,
  updatePerson,
} from '../people.repository.ts';
import { loadPersonView } from '../people.service.ts';
import * as repo from './merge.repository.ts';
import type { MergeChoices, mergeFields } from './merge.schema.ts';

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** The survivor's row after the merge: per-field choices, contacts and tags from both. */
function mergedRow(survivor: PersonRow, merged: PersonRow, choices: MergeChoices) {
  const pick = (field: (typeof mergeFields)[number]) => (choices[field] === 'merged' ? merged : survivor);
  const name = pick('name');
  const address = pick('address');
  const emails = union(survivor.emails, merged.emails);
  const phones = union(survivor.phones, merged.phones);
  const phonesRaw = phones.map((p) => {
    const i = survivor.phones.indexOf(p);
    return i >= 0 ? (survivor.phones_raw[i] ?? p) : (merged.phones_raw[merged.phones.indexOf(p)] ?? p);
  });
  return {
    first_name: name.first_name,
    last_name: name.last_name,
    emails,
    phones,
    phones_raw: phonesRaw,
    address_line1: address.address_line1,
    address_line2: address.address_line2,
    city: address.city,
    state: address.state,
    postal_code: address.postal_code,
    country: address.country,
    county_fips: address.county_fips,
    external_id: pick('externalId').external_id,
    notes: pick('notes').notes,
    stage: pick('stage').stage,
    tags: union(survivor.tags, merged.tags),
    custom: JSON.stringify({ ...merged.custom, ...survivor.custom }),
    search_text: searchText({ firstName: name.first_name, lastName: name.last_name }),
    updated_at: new Date(),
  };
}

/** A row as JSON for the merge record, and back: what undo writes over the survivor. */
const snapshot = (row: PersonRow) => JSON.stringify(row);
const snapshotSchema = z.object({
  external_id: z.string().nullable(),
  first_name: z.string(),
  last_name: z.string(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  phones_raw: z.array(z.string()),
  address_line1: z.string(),
  address_line2: z.string(),
  city: z.string(),
  state: z.string(),
  postal_code: z.string(),
  country: z.string(),
  county_fips: z.string().nullable(),
  tags: z.array(z.string()),
  custom: z.record(z.string(), z.string()),
  notes: z.string(),
  search_text: z.string(),
  stage: z.string().nullable(),
  updated_at: z.coerce.date(),
});
const movedSchema = z.object({
  consents: z.array(z.string()),
  activities: z.array(z.string()),
  linksA: z.array(z.string()),
  linksB: z.array(z.string()),
});

async function ownPerson(db: Db, scope: Scope, id: string) {
  const row = await findPerson(db, scope, id, { lock: true });
  if (!row) throw personNotFound();
  return row;
}

export async function findDuplicates(db: Db, actor: Actor, limit = 100) {
  const scope = ownerScope(actor, 'look for duplicates');
  const pairs = await repo.findCandidates(db, scope, limit);
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const people = new Map(
    (await Promise.all(ids.map((id) => loadPersonView(db, scope, id)))).map((p) => [p.id, p]),
  );
  return pairs.flatMap((p) => {
    const a = people.get(p.a);
    const b = people.get(p.b);
    return a && b ? [{ reason: p.reason, score: Math.round(p.score * 100) / 100, a, b }] : [];
  });
}

/**
 * Merges `mergedId` into `survivorId`: the survivor takes the chosen fields, every email, phone
 * and tag of both, and the whole history (consents, activities, links); the merged record stays,
 * hidden, so the merge can be undone exactly.
 */
export async function mergePeople(
  db: Db,
  actor: Actor,
  input: { survivorId: string; mergedId: string; choices: MergeChoices },
) {
  const scope = ownerScope(actor, 'merge supporters');
  if (input.survivorId === input.mergedId)
    throw invalid('merge.same_person', 'A person cannot be merged into themselves.');
  const survivor = await ownPerson(db, scope, input.survivorId);
  const merged = await ownPerson(db, scope, input.mergedId);
  const moved = await repo.moveHistory(db, scope, merged.id, survivor.id);
  await repo.setMergedInto(db, scope, merged.id, survivor.id);
  await updatePerson(db, scope, survivor.id, mergedRow(survivor, merged, input.choices));
  const record = await repo.insertMerge(db, scope, {
    survivor_id: survivor.id,
    merged_id: merged.id,
    survivor_before: snapshot(survivor),
    moved: JSON.stringify(moved),
    choices: JSON.stringify(input.choices),
    merged_by: actor.userId,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'people.merged',
    subject: { type: 'organization', id: scope.organizationId },
    payload: { mergeId: record.id },
  });
  return { mergeId: record.id, person: await loadPersonView(db, scope, survivor.id) };
}

/** Undo: the survivor exactly as it was, the merged record back, and each moved row back to it. */
export async function undoMerge(db: Db, actor: Actor, mergeId: string, now = new Date()) {
  const scope = ownerScope(actor, 'undo a merge');
  const merge = await repo.findMerge(db, scope, mergeId);
  if (!merge) throw notFound('merge.not_found', 'No such merge in your organization.');
  if (merge.undone_at) throw conflict('merge.already_undone', 'This merge was already undone.');
  const [latest] = await repo.standingMergesInto(db, scope, merge.survivor_id);
  if (latest?.id !== merge.id)
    throw conflict('merge.not_latest', 'Undo the later merges into this person first (newest first).');
  const mergedRow = await findMergedPerson(db, scope, merge.merged_id);
  if (!mergedRow)
    throw notFound(
      'merge.record_gone',
      'The merged record is gone (erased), so this merge cannot be undone.',
    );
  const before = snapshotSchema.parse(merge.survivor_before);
  await updatePerson(db, scope, merge.survivor_id, { ...before, custom: JSON.stringify(before.custom) });
  await repo.moveHistoryBack(db, scope, movedSchema.parse(merge.moved), merge.merged_id);
  await repo.setMergedInto(db, scope, merge.merged_id, null);
  await repo.markUndone(db, merge.id, now);
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'people.merge_undone',
    subject: { type: 'organization', id: scope.organizationId },
    payload: { mergeId: merge.id },
  });
  return {
    survivor: await loadPersonView(db, scope, merge.survivor_id),
    restored: await loadPersonView(db, scope, merge.merged_id),
  };
}

export async function listMerges(db: Db, actor: Actor) {
  const scope = ownerScope(actor, 'list merges');
  return (await repo.listStandingMerges(db, scope)).map((m) => ({
    id: m.id,
    survivorId: m.survivor_id,
    mergedId: m.merged_id,
    mergedAt: new Date(m.merged_at).toISOString(),
  }));
}
