import { pageOf } from '../../contract/cursor.ts';
import { type Actor, isStaff } from '../../core/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { requireOwnCursor } from '../../core/list-cursor.ts';
import { defaultExpectedValidity, defaultSafetyMargin } from '../../core/petitions/target.ts';
import { verificationRuleByKey } from '../../core/petitions/verification-rules.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import { findCandidateRef } from '../tickets/index.ts';
import { canManageDrive, requireContributor, requireManageDrive } from './authorize.ts';
import {
  type DriveRow,
  loadDriveFacts,
  loadSummaryFacts,
  ruleOf,
  toDetail,
  toSummary,
} from './drive-analysis.ts';
import * as repo from './petitions.repository.ts';
import type {
  CreateDriveInput,
  DriveDetail,
  DriveListQuery,
  DriveSummary,
  UpdateDriveInput,
} from './petitions.schema.ts';
import { findRequirementOr404 } from './requirements.service.ts';
import { toRequirementView, toRuleView } from './views.ts';

export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);

export async function findDriveOr404(db: Db, actor: Actor, id: string): Promise<DriveRow> {
  const drive = await repo.findDrive(db, actor.coalitionId, id);
  if (!drive) throw notFound('petitions.drive_not_found', 'No such petition drive.');
  return drive;
}

/**
 * The tickets feature's candidate a drive is for, when picked there: it must be a candidate of the
 * drive's member (proposed by it, or on a line or endorsement of it). A candidate given by name
 * only is not looked up.
 */
async function pickedCandidate(
  db: Db,
  actor: Actor,
  target: CreateDriveInput['target'],
  org: { id: string; name: string },
) {
  if (target.kind !== 'candidate' || target.candidateId === undefined) return undefined;
  const candidate = await findCandidateRef(db, actor.coalitionId, target.candidateId);
  if (!candidate) throw notFound('candidate.not_found', 'No such candidate in this coalition.');
  if (!candidate.memberIds.includes(org.id))
    throw forbidden('petitions.not_your_candidate', `${candidate.name} is not a candidate of ${org.name}.`, {
      candidateId: candidate.id,
    });
  return candidate;
}

/** Starts a drive for a member: toward a requirement, for the member itself, a candidate (picked in tickets, or by name) or an initiative. */
export async function createDrive(db: Db, actor: Actor, input: CreateDriveInput): Promise<DriveSummary> {
  requireContributor(actor, 'start a petition drive');
  const organizationId = isStaff(actor)
    ? input.organizationId
    : (input.organizationId ?? actor.organizationId);
  if (!organizationId)
    throw invalid('petitions.member_required', 'Say which member runs the drive (organizationId).', {
      field: 'organizationId',
    });
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'status'])
    .where('coalition_id', '=', actor.coalitionId)
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!org) throw notFound('organization.not_found', 'No such organization in this coalition.');
  requireManageDrive(actor, { organization_id: org.id, name: input.name }, 'start a drive for this member');
  if (org.status !== 'member' && org.status !== 'applicant') {
    throw conflict('petitions.member_inactive', `${org.name} is ${org.status}: it cannot start a drive.`);
  }
  const requirement = await findRequirementOr404(db, actor, input.requirementId);
  const required = input.required ?? requirement.signatures;
  if (!required) {
    throw invalid(
      'petitions.required_missing',
      `"${requirement.title}" has no signature number (${requirement.computation}): give the number the drive must reach.`,
      { field: 'required' },
    );
  }
  const rule = input.verificationRule ?? requirement.verification_rule;
  if (!verificationRuleByKey(rule))
    throw invalid('petitions.unknown_rule', `No verification rule "${rule}".`, { field: 'verificationRule' });
  if (input.dueDay < input.startDay)
    throw invalid('petitions.days', 'The due day is before the start day.', { field: 'dueDay' });
  const candidate = await pickedCandidate(db, actor, input.target, org);
  const { id } = await repo.insertDrive(db, {
    coalition_id: actor.coalitionId,
    organization_id: org.id,
    requirement_id: requirement.id,
    name: input.name,
    target_kind: input.target.kind,
    target_name: input.target.kind === 'member' ? org.name : (candidate?.name ?? input.target.name ?? ''),
    target_candidate_id: candidate?.id ?? null,
    required,
    expected_validity: input.expectedValidity ?? defaultExpectedValidity,
    safety_margin: input.safetyMargin ?? defaultSafetyMargin,
    start_day: input.startDay,
    due_day: input.dueDay,
    filing_day: input.filingDay ?? null,
    cure_days: input.cureDays ?? null,
    verification_rule: rule,
    created_by: actor.userId,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'petitions.drive_started',
    subject: { type: 'petition_drive', id },
    rows: [{ table: 'petition_drives', id }],
    payload: { name: input.name, organizationId: org.id, requirementId: requirement.id, required },
  });
  const drive = await findDriveOr404(db, actor, id);
  return toSummary(drive, await loadDriveFacts(db, drive), todayUtc(), true);
}

export async function updateDrive(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateDriveInput,
  now = new Date(),
): Promise<DriveSummary> {
  const drive = await findDriveOr404(db, actor, id);
  requireManageDrive(actor, drive, 'change the drive');
  const set = {
    ...(input.required !== undefined && { required: input.required }),
    ...(input.expectedValidity !== undefined && { expected_validity: input.expectedValidity }),
    ...(input.safetyMargin !== undefined && { safety_margin: input.safetyMargin }),
    ...(input.dueDay !== undefined && { due_day: input.dueDay }),
    ...(input.filingDay !== undefined && { filing_day: input.filingDay }),
    ...(input.cureDays !== undefined && { cure_days: input.cureDays }),
  };
  if (Object.keys(set).length > 0) {
    await repo.updateDrive(db, actor.coalitionId, id, set);
    // The target a member must reach is what rivals rely on: every change is on the record.
    await appendAudit(db, {
      coalitionId: actor.coalitionId,
      actor,
      action: 'petitions.drive_changed',
      subject: { type: 'petition_drive', id },
      rows: [{ table: 'petition_drives', id }],
      payload: { changed: set },
    });
  }
  const updated = await findDriveOr404(db, actor, id);
  return toSummary(updated, await loadDriveFacts(db, updated), todayUtc(now), true);
}

/** Every drive of the coalition with its totals and projection (circulators stay with their member). */
export async function listDrives(db: Db, actor: Actor, now = new Date()): Promise<DriveSummary[]> {
  return summariesOf(db, actor, await repo.listDrives(db, actor.coalitionId), now);
}

/** One keyset page of the list (src/contract/cursor.ts), soonest due first. */
export async function listDrivePage(
  db: Db,
  actor: Actor,
  query: DriveListQuery,
  now = new Date(),
): Promise<{ drives: DriveSummary[]; nextCursor: string | null }> {
  if (query.cursor) requireOwnCursor(actor, query.cursor[1]);
  const rows = await repo.listDrives(db, actor.coalitionId, {
    limit: query.limit,
    after: query.cursor && [query.cursor[2], query.cursor[3], query.cursor[4]],
  });
  const page = pageOf(rows, query.limit, (row) => [
    'drives',
    actor.coalitionId,
    row.due_day,
    row.name,
    row.id,
  ]);
  return { drives: await summariesOf(db, actor, page.items, now), nextCursor: page.nextCursor };
}

async function summariesOf(
  db: Db,
  actor: Actor,
  drives: readonly DriveRow[],
  now: Date,
): Promise<DriveSummary[]> {
  const today = todayUtc(now);
  // The figures of every drive on the page in two statements, not four per drive.
  const facts = await loadSummaryFacts(db, actor.coalitionId, drives);
  return drives.map((drive) =>
    toSummary(drive, facts.get(drive.id) ?? { packets: [], checks: [] }, today, canManageDrive(actor, drive)),
  );
}

export async function getDrive(db: Db, actor: Actor, id: string, now = new Date()): Promise<DriveDetail> {
  const drive = await findDriveOr404(db, actor, id);
  const requirement = await findRequirementOr404(db, actor, drive.requirement_id);
  const detail = toDetail(
    drive,
    await loadDriveFacts(db, drive),
    todayUtc(now),
    canManageDrive(actor, drive),
  );
  return { ...detail, requirement: toRequirementView(requirement), rule: toRuleView(ruleOf(drive)) };
}

/** Circulators with their validity and outlier flags: the drive's member and staff only. */
export async function listCirculators(db: Db, actor: Actor, id: string, now = new Date()) {
  const drive = await findDriveOr404(db, actor, id);
  requireManageDrive(actor, drive, 'see the circulators');
  return toDetail(drive, await loadDriveFacts(db, drive), todayUtc(now), true).circulators ?? [];
}
