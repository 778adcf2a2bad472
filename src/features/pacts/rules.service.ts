import type { Actor } from '../../core/actor.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import * as repo from './pacts.repository.ts';
import type { RuleInput, StoredMember } from './pacts.schema.ts';
import { loadDraftForEdit } from './pacts.service.ts';
import { iso, memberRef, type Pact, toPact } from './views.ts';

/** Locks and vetoes: hard rules the next run must keep (staff, drafts only; every change audited). */

export async function requireRaces(db: Db, pact: Pact, keys: readonly string[]): Promise<void> {
  const found = new Set((await repo.findRaceKeys(db, pact.id, keys)).map((r) => r.key));
  const missing = keys.find((key) => !found.has(key));
  if (missing !== undefined) {
    throw notFound('pact.race_not_found', `No race "${missing}" in this pact.`, { race: missing });
  }
}

export function requireMember(pact: Pact, organizationId: string): StoredMember {
  const member = pact.members.find((m) => m.organizationId === organizationId);
  if (!member) {
    throw invalid('pact.not_a_member', 'That organization is not a member of this pact.', { organizationId });
  }
  return member;
}

export interface NewRule {
  race: string;
  kind: 'lock' | 'veto';
  member: StoredMember;
  origin: 'manual' | 'swap';
  note: string;
}

/** Stores a rule (a lock first replaces the race's earlier lock) and returns it with the one it replaced. */
export async function addRule(db: Db, actor: Actor, pact: Pact, rule: NewRule, now: Date) {
  const replaced =
    rule.kind === 'lock' ? await repo.deleteRules(db, pact.id, { raceKeys: [rule.race], kind: 'lock' }) : [];
  const row = await repo.insertRule(db, {
    coalition_id: pact.coalitionId,
    pact_id: pact.id,
    race_key: rule.race,
    kind: rule.kind,
    organization_id: rule.member.organizationId,
    origin: rule.origin,
    note: rule.note,
    created_by: actor.userId,
    created_at: now,
  });
  return {
    view: {
      race: row.race_key,
      kind: row.kind,
      member: memberRef(rule.member),
      origin: row.origin,
      note: row.note,
      createdAt: iso(row.created_at),
    },
    replaced: replaced[0]?.organization_id ?? null,
  };
}

/**
 * Moves the pact's revision (versions made before the change are now stale) and appends the
 * change to the audit log; returns the pact as it now stands.
 */
export async function recordRuleChange(
  db: Db,
  actor: Actor,
  pact: Pact,
  change: { action: string; payload: Record<string, unknown> },
  now: Date,
): Promise<Pact> {
  const updated = toPact(await repo.updatePact(db, pact.coalitionId, pact.id, { updated_at: now }));
  await appendAudit(db, {
    coalitionId: pact.coalitionId,
    actor,
    action: change.action,
    subject: { type: 'pact', id: pact.id },
    payload: { ...change.payload, revision: updated.revision },
  });
  return updated;
}

/** The rules of one race for one member. */
async function rulesOf(db: Db, pact: Pact, race: string, member: StoredMember) {
  return (await repo.listRules(db, pact.id)).filter(
    (rule) => rule.race_key === race && rule.organization_id === member.organizationId,
  );
}

export async function lockRace(db: Db, actor: Actor, pactId: string, input: RuleInput, now = new Date()) {
  const pact = await loadDraftForEdit(db, actor, pactId, 'lock a race');
  await requireRaces(db, pact, [input.race]);
  const member = requireMember(pact, input.organizationId);
  if ((await rulesOf(db, pact, input.race, member)).some((rule) => rule.kind === 'veto')) {
    throw conflict(
      'pact.lock_vetoed',
      `${member.name} is vetoed in race ${input.race}: lift the veto first.`,
      {
        race: input.race,
        organizationId: member.organizationId,
      },
    );
  }
  const note = input.note ?? '';
  const { view, replaced } = await addRule(
    db,
    actor,
    pact,
    { race: input.race, kind: 'lock', member, origin: 'manual', note },
    now,
  );
  await recordRuleChange(
    db,
    actor,
    pact,
    {
      action: 'pact.locked',
      payload: { race: input.race, organizationId: member.organizationId, note, replaced },
    },
    now,
  );
  return view;
}

export async function unlockRace(db: Db, actor: Actor, pactId: string, race: string, now = new Date()) {
  const pact = await loadDraftForEdit(db, actor, pactId, 'unlock a race');
  const [removed] = await repo.deleteRules(db, pact.id, { raceKeys: [race], kind: 'lock' });
  if (!removed) throw notFound('pact.lock_not_found', `Race "${race}" is not locked.`, { race });
  await recordRuleChange(
    db,
    actor,
    pact,
    { action: 'pact.unlocked', payload: { race, organizationId: removed.organization_id } },
    now,
  );
}

export async function vetoRace(db: Db, actor: Actor, pactId: string, input: RuleInput, now = new Date()) {
  const pact = await loadDraftForEdit(db, actor, pactId, 'veto a member in a race');
  await requireRaces(db, pact, [input.race]);
  const member = requireMember(pact, input.organizationId);
  const existing = await rulesOf(db, pact, input.race, member);
  const details = { race: input.race, organizationId: member.organizationId };
  if (existing.some((rule) => rule.kind === 'lock')) {
    throw conflict(
      'pact.veto_locked',
      `Race ${input.race} is locked to ${member.name}: unlock it first.`,
      details,
    );
  }
  if (existing.some((rule) => rule.kind === 'veto')) {
    throw conflict('pact.veto_exists', `${member.name} is already vetoed in race ${input.race}.`, details);
  }
  const note = input.note ?? '';
  const { view } = await addRule(
    db,
    actor,
    pact,
    { race: input.race, kind: 'veto', member, origin: 'manual', note },
    now,
  );
  await recordRuleChange(db, actor, pact, { action: 'pact.vetoed', payload: { ...details, note } }, now);
  return view;
}

export async function liftVeto(
  db: Db,
  actor: Actor,
  pactId: string,
  race: string,
  organizationId: string,
  now = new Date(),
) {
  const pact = await loadDraftForEdit(db, actor, pactId, 'lift a veto');
  const [removed] = await repo.deleteRules(db, pact.id, { raceKeys: [race], kind: 'veto', organizationId });
  if (!removed)
    throw notFound('pact.veto_not_found', `No such veto in race "${race}".`, { race, organizationId });
  await recordRuleChange(
    db,
    actor,
    pact,
    { action: 'pact.veto_lifted', payload: { race, organizationId } },
    now,
  );
}
