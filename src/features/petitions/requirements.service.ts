import type { Actor } from '../../core/actor.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { defaultRuleFor, verificationRuleByKey } from '../../core/petitions/verification-rules.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import { requireContributor } from './authorize.ts';
import * as repo from './petitions.repository.ts';
import type { CreateRequirementInput, RequirementView } from './petitions.schema.ts';
import { seedVersion, shippedRequirements } from './shipped-requirements.ts';
import { toRequirementView } from './views.ts';

let shippedCache: Promise<Awaited<ReturnType<typeof shippedRequirements>>> | null = null;

/**
 * Writes the shipped US requirements the first time they are read (and again when the seeding
 * changes): they are computed from files in data/, so there is nothing to load by hand.
 */
export async function ensureShippedRequirements(db: Db): Promise<void> {
  shippedCache ??= shippedRequirements();
  const rows = await shippedCache;
  const { n } = await repo.countShipped(db, seedVersion);
  if (Number(n) >= rows.length) return;
  await repo.upsertShipped(db, rows);
}

export async function listRequirements(
  db: Db,
  actor: Actor,
  filter: { country?: string; kind?: string },
): Promise<RequirementView[]> {
  await ensureShippedRequirements(db);
  return (await repo.listRequirements(db, actor.coalitionId, filter)).map(toRequirementView);
}

export async function findRequirementOr404(db: Db, actor: Actor, idOrKey: string) {
  await ensureShippedRequirements(db);
  const row = await repo.findRequirement(db, actor.coalitionId, idOrKey);
  if (!row) throw notFound('petitions.requirement_not_found', `No requirement "${idOrKey}".`);
  return row;
}

/** A coalition's own requirement: a local initiative, a municipal candidacy, any country. */
export async function createRequirement(
  db: Db,
  actor: Actor,
  input: CreateRequirementInput,
): Promise<RequirementView> {
  requireContributor(actor, 'add a requirement');
  const jurisdiction = input.jurisdiction.toUpperCase();
  const rule = input.verificationRule ?? defaultRuleFor(jurisdiction, input.kind).key;
  if (!verificationRuleByKey(rule)) {
    throw invalid('petitions.unknown_rule', `No verification rule "${rule}".`, { field: 'verificationRule' });
  }
  const row = await repo.insertRequirement(db, {
    coalition_id: actor.coalitionId,
    key: null,
    origin: 'coalition',
    country: input.country.toUpperCase(),
    jurisdiction,
    jurisdiction_name: input.jurisdictionName,
    kind: input.kind,
    title: input.title,
    signatures: input.signatures,
    number_status: input.signatures === null ? 'missing' : 'copied',
    computation:
      input.signatures === null
        ? 'not given'
        : `${input.signatures.toLocaleString('en-US')} as entered by the coalition`,
    rule_text: input.ruleText,
    who_may_sign: input.whoMaySign ?? null,
    distribution: input.distribution ?? null,
    deadline: input.deadline ?? null,
    deadline_text: input.deadlineText ?? input.deadline ?? '',
    verification_rule: rule,
    voters: input.voters ?? null,
    voters_basis: input.voters ? 'as entered by the coalition' : null,
    source: input.source,
    as_of: input.asOf,
    seed_version: null,
    created_by: actor.userId,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'petitions.requirement_added',
    subject: { type: 'petition_requirement', id: row.id },
    rows: [{ table: 'petition_requirements', id: row.id }],
    payload: { title: row.title, jurisdiction: row.jurisdiction, signatures: row.signatures },
  });
  return toRequirementView(row);
}
