import type { Actor } from '../../../core/actor.ts';
import { requireStaff } from '../../../core/authorize.ts';
import { conflict, notFound, unprocessable } from '../../../core/errors.ts';
import type { Db } from '../../../db/database.ts';
import { appendAudit } from '../../audit/index.ts';
import { getSettings } from '../../registry/index.ts';
import { pactLimits } from '../allocate.schema.ts';
import * as repo from '../pacts.repository.ts';
import type {
  CreatePactInput,
  MemberInput,
  PactSettings,
  StoredMember,
  UpdatePactInput,
} from '../pacts.schema.ts';
import * as consentRepo from '../ratification/consent.repository.ts';
import { type PactStanding, pactStanding, requireDraft } from '../standing.service.ts';
import { type Pact, toPact, toPactRace, toPactRule } from '../views.ts';
import { resolveMembers } from './members.service.ts';
import type { PactParts } from './pact-input.ts';
import { readSource } from './sources.service.ts';

/** Zones default to a wider uncertainty: organizing changes outcomes more than a pact's arithmetic (docs/pacts.md). */
const zoneDefaults: PactSettings = { uncertainty: 0.15 };

/** The pact, scoped to the actor's coalition: another coalition's pact is simply not found. */
export async function loadPact(db: Db, actor: Actor, id: string, options: { forUpdate?: boolean } = {}) {
  const row = await repo.findPact(db, actor.coalitionId, id, options);
  if (!row) throw notFound('pact.not_found', 'No such pact.', { pactId: id });
  return toPact(row);
}

export async function standingOf(db: Db, actor: Actor, pactId: string): Promise<PactStanding> {
  return pactStanding(db, actor, await consentRepo.listRatifications(db, [pactId]));
}

/** A staff edit of a draft: the pact row locked for the rest of the transaction. */
export async function loadDraftForEdit(db: Db, actor: Actor, id: string, action: string) {
  requireStaff(actor, action);
  const pact = await loadPact(db, actor, id, { forUpdate: true });
  requireDraft(await standingOf(db, actor, pact.id), pact.name);
  return pact;
}

/** Everything the engine reads: members, races, rules and settings. */
export async function pactParts(db: Db, pact: Pact): Promise<PactParts> {
  const [races, rules] = await Promise.all([repo.listRaces(db, pact.id), repo.listRules(db, pact.id)]);
  return {
    kind: pact.kind,
    members: pact.members,
    races: races.map(toPactRace),
    rules: rules.map(toPactRule),
    settings: pact.settings,
  };
}

async function requireFreeName(db: Db, actor: Actor, name: string, except?: string) {
  const existing = await repo.findPactIdByName(db, actor.coalitionId, name);
  if (existing && existing.id !== except) {
    const message = `A pact named "${name}" already exists.`;
    // `issues` names the field, as a schema refusal does, so a form shows it beside the name.
    throw conflict('pact.name_taken', message, {
      pactId: existing.id,
      issues: [{ path: 'body.name', message }],
    });
  }
}

function unusedParties(members: readonly StoredMember[], lines: Iterable<{ party: string }>): string[] {
  const seen = new Set<string>();
  for (const line of lines) seen.add(line.party);
  return members.flatMap((member) => member.parties.filter((party) => !seen.has(party)));
}

/**
 * Creates a pact from the map and the registry (staff): the races or zones and their past votes
 * are copied in, so the pact does not move when the map is reloaded.
 */
export async function createPact(
  db: Db,
  actor: Actor,
  input: CreatePactInput,
  now = new Date(),
): Promise<Pact> {
  requireStaff(actor, 'create a pact');
  await requireFreeName(db, actor, input.name);
  const metric = input.weightMetric ?? (await getSettings(db, actor.coalitionId)).strengthMetric;
  const members = await resolveMembers(db, actor, input.members, {
    kind: input.source.kind,
    metric,
    previous: [],
    now,
    at: 'body.members',
  });
  const { source, races } = await readSource(db, actor, input.source);
  if (races.length === 0) throw unprocessable('pact.no_races', 'The source gives no race or zone to share.');
  if (races.length > pactLimits.races) {
    throw unprocessable('pact.too_many_races', `At most ${pactLimits.races} races per pact.`, {
      races: races.length,
    });
  }
  const unused = unusedParties(
    members,
    races.flatMap((race) => race.lines),
  );
  const warnings = [...source.warnings];
  if (unused.length > 0) warnings.push(`party codes found in no race: ${unused.join(', ')}`);
  const settings =
    input.source.kind === 'zones' ? { ...zoneDefaults, ...input.settings } : (input.settings ?? {});
  const row = await repo.insertPact(db, {
    coalition_id: actor.coalitionId,
    name: input.name,
    kind: input.source.kind,
    source: JSON.stringify({ ...source, weightMetric: metric, warnings }),
    settings: JSON.stringify(settings),
    members: JSON.stringify(members),
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  });
  await repo.insertRaces(
    db,
    races.map((race, ordinal) => ({
      coalition_id: actor.coalitionId,
      pact_id: row.id,
      key: race.key,
      ordinal,
      name: race.name,
      jurisdiction_id: race.jurisdictionId,
      map_race_id: race.mapRaceId,
      seats: race.seats,
      total_votes: race.totalVotes,
      lines: JSON.stringify(race.lines),
      jurisdiction_keys: JSON.stringify(race.jurisdictionKeys),
      incumbent_party: race.incumbentParty,
    })),
  );
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'pact.created',
    subject: { type: 'pact', id: row.id },
    rows: [{ table: 'pacts', id: row.id }],
    payload: {
      name: input.name,
      source: { ...source, weightMetric: metric, warnings },
      races: races.length,
      members: members.map(auditMember),
      settings,
    },
  });
  return toPact(row);
}

const auditMember = (member: StoredMember) => ({
  organizationId: member.organizationId,
  key: member.key,
  parties: member.parties,
  weight: member.weight,
  weightSource: member.weightSource,
});

/** Members as they were given: overrides stay overrides, the rest is weighed from evidence again. */
const asInputs = (members: readonly StoredMember[]): MemberInput[] =>
  members.map((member) => ({
    organizationId: member.organizationId,
    parties: member.parties,
    ...(member.weightSource.kind === 'override' ? { weight: member.weight } : {}),
  }));

/** Renames, changes members (weights, party codes) or settings of a draft (staff). */
export async function updatePact(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdatePactInput,
  now = new Date(),
): Promise<Pact> {
  const pact = await loadDraftForEdit(db, actor, id, 'change a pact');
  if (input.name !== undefined) await requireFreeName(db, actor, input.name, pact.id);
  const metric = input.weightMetric ?? pact.source.weightMetric;
  const reweigh = input.members !== undefined || input.weightMetric !== undefined;
  const members = reweigh
    ? await resolveMembers(db, actor, input.members ?? asInputs(pact.members), {
        kind: pact.kind,
        metric,
        previous: pact.members,
        now,
        at: input.members === undefined ? null : 'body.members',
      })
    : pact.members;
  const dropped = reweigh
    ? await repo.deleteRulesOutside(
        db,
        pact.id,
        members.map((member) => member.organizationId),
      )
    : [];
  const row = await repo.updatePact(db, actor.coalitionId, pact.id, {
    name: input.name ?? pact.name,
    source: JSON.stringify({ ...pact.source, weightMetric: metric }),
    settings: JSON.stringify(input.settings ?? pact.settings),
    members: JSON.stringify(members),
    updated_at: now,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'pact.updated',
    subject: { type: 'pact', id: pact.id },
    rows: [{ table: 'pacts', id: pact.id }],
    payload: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(reweigh ? { members: members.map(auditMember), weightMetric: metric } : {}),
      ...(input.settings !== undefined ? { settings: input.settings } : {}),
      rulesDropped: dropped.map((rule) => ({
        race: rule.race_key,
        kind: rule.kind,
        organizationId: rule.organization_id,
      })),
      revision: row.revision,
    },
  });
  return toPact(row);
}

/** A pact by id or by exact name (case does not matter), for the CLI. */
export async function resolvePactId(db: Db, actor: Actor, ref: string): Promise<string> {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref)) return ref;
  const row = await repo.findPactIdByName(db, actor.coalitionId, ref);
  if (!row) throw notFound('pact.not_found', `No pact "${ref}" in this coalition.`);
  return row.id;
}
