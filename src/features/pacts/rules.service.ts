import type { Actor } from '../../core/actor.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import * as repo from './pacts.repository.ts';
import type { RuleInput } from './pacts.schema.ts';
import { loadDraftForEdit } from './pacts.service.ts';
import { iso, memberRef, type Pact } from './views.ts';

/** Locks and vetoes: hard rules the next run must keep (staff, drafts only; every change audited). */

export async function requireRaces(db: Db, pact: Pact, keys: readonly string[]): Promise<void> {
  const found = new Set((await repo.findRaceKeys(db, pact.id, keys)).map((r) => r.key));
  const missing = keys.find((key) => !found.has(key));
  if (missing !== undefined) {
    throw notFound('pact.race_not_found', `No race "${missing}" in this pact.`, { race: missing });
  }
}

export function requireMember(pact: Pact, organizationId: string) {
  const member = pact.members.find((m) => m.organizationId === organizationId);
  if (!member) {
    throw invalid('pact.not_a_member', 'That organization is not a member of this pact.', { organizationId });
  }
  return member;
}

/** The pact's revision moves with every rule change: versions made before it are stale. */
const touch = (db: Db, pact: Pact, now: Date) =>
  repo.updatePact(db, pact.coalitionId, pact.id, { updated_at: now });

function ruleView(pact: Pact, row: repo.PactRuleRow) {
  return {
    race: row.race_key,
    kind: row.kind,
    member: memberRef(requireMember(pact, row.organization_id)),
    origin: row.origin,
    note: row.note,
    createdAt: iso(row.created_at),
  };
}

export async function lockRace(db: Db, actor: Actor, pactId: string, input: RuleInput, now = new Date()) {
  const pact = await loadDraftForEdit(db, actor, pactId, 'lock a race');
  await requireRaces(db, pact, [input.race]);
  const member = requireMember(pact, input.organizationId);
  const rules = (await repo.listRules(db, pact.id)).filter((rule) => rule.race_key === input.race);
  if (rules.some((rule) => rule.kind === 'veto' && rule.organization_id === member.organizationId)) {
    throw conflict(
      'pact.lock_vetoed',
      `${member.name} is vetoed in race ${input.race}: lift the veto first.`,
      {
        race: input.race,
        organizationId: member.organizationId,
      },
    );
  }
  const replaced = await repo.deleteRules(db, pact.id, { raceKeys: [input.race], kind: 'lock' });
  const row = await repo.insertRule(db, {
    coalition_id: pact.coalitionId,
    pact_id: pact.id,
    race_key: input.race,
    kind: 'lock',
    organization_id: member.organizationId,
    origin: 'manual',
    note: input.note ?? '',
    created_by: actor.userId,
    created_at: now,
  });
  await touch(db, pact, now);
  await appendAudit(db, {
    coalitionId: pact.coalitionId,
    actor,
    action: 'pact.locked',
    subject: { type: 'pact', id: pact.id },
    payload: {
      race: input.race,
      organizationId: member.organizationId,
      note: row.note,
      replaced: replaced[0]?.organization_id ?? null,
    },
  });
  return ruleView(pact, row);
}

export async function unlockRace(db: Db, actor: Actor, pactId: string, race: string, now = new Date()) {
  const pact = await loadDraftForEdit(db, actor, pactId, 'unlock a race');
  const [removed] = await repo.deleteRules(db, pact.id, { raceKeys: [race], kind: 'lock' });
  if (!removed) throw notFound('pact.lock_not_found', `Race "${race}" is not locked.`, { race });
  await touch(db, pact, now);
  await appendAudit(db, {
    coalitionId: pact.coalitionId,
    actor,
    action: 'pact.unlocked',
    subject: { type: 'pact', id: pact.id },
    payload: { race, organizationId: removed.organization_id },
  });
}

export async function vetoRace(db: Db, actor: Actor, pactId: string, input: RuleInput, now = new Date()) {
  const pact = await loadDraftForEdit(db, actor, pactId, 'veto a member in a race');
  await requireRaces(db, pact, [input.race]);
  const member = requireMember(pact, input.organizationId);
  const rules = (await repo.listRules(db, pact.id)).filter(
    (rule) => rule.race_key === input.race && rule.organization_id === member.organizationId,
  );
  if (rules.some((rule) => rule.kind === 'lock')) {
    throw conflict('pact.veto_locked', `Race ${input.race} is locked to ${member.name}: unlock it first.`, {
      race: input.race,
      organizationId: member.organizationId,
    });
  }
  if (rules.some((rule) => rule.kind === 'veto')) {
    throw conflict('pact.veto_exists', `${member.name} is already vetoed in race ${input.race}.`, {
      race: input.race,
      organizationId: member.organizationId,
    });
  }
  const row = await repo.insertRule(db, {
    coalition_id: pact.coalitionId,
    pact_id: pact.id,
    race_key: input.race,
    kind: 'veto',
    organization_id: member.organizationId,
    origin: 'manual',
    note: input.note ?? '',
    created_by: actor.userId,
    created_at: now,
  });
  await touch(db, pact, now);
  await appendAudit(db, {
    coalitionId: pact.coalitionId,
    actor,
    action: 'pact.vetoed',
    subject: { type: 'pact', id: pact.id },
    payload: { race: input.race, organizationId: member.organizationId, note: row.note },
  });
  return ruleView(pact, row);
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
  await touch(db, pact, now);
  await appendAudit(db, {
    coalitionId: pact.coalitionId,
    actor,
    action: 'pact.veto_lifted',
    subject: { type: 'pact', id: pact.id },
    payload: { race, organizationId },
  });
}
