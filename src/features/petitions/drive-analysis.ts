import { driveDeadlines } from '../../core/petitions/calendar.ts';
import { duplicateSigners } from '../../core/petitions/duplicates.ts';
import { projectDrive } from '../../core/petitions/projection.ts';
import { signatureTarget } from '../../core/petitions/target.ts';
import {
  type CheckFact,
  outlierCirculators,
  overallValidity,
  type ValidityFigure,
  validityBy,
} from '../../core/petitions/validity.ts';
import { defaultRuleFor, verificationRuleByKey } from '../../core/petitions/verification-rules.ts';
import type { Db } from '../../db/database.ts';
import * as repo from './petitions.repository.ts';
import type { DriveDetail, DriveSummary } from './petitions.schema.ts';

export type DriveRow = NonNullable<Awaited<ReturnType<typeof repo.findDrive>>>;

/** Everything recorded for one drive, read in one place so summaries and details agree. */
export async function loadDriveFacts(db: Db, drive: DriveRow) {
  const scope = { coalitionId: drive.coalition_id, organizationId: drive.organization_id, driveId: drive.id };
  const [circulators, packets, checks, lines] = await Promise.all([
    repo.listCirculators(db, scope),
    repo.listPackets(db, scope),
    repo.listChecks(db, scope),
    repo.listSignerLines(db, scope),
  ]);
  return { circulators, packets, checks, lines };
}
export type DriveFacts = Awaited<ReturnType<typeof loadDriveFacts>>;
/** What a drive's summary is computed from: its packets and checks. */
export type SummaryFacts = Pick<DriveFacts, 'packets' | 'checks'>;

/** Drives per statement in `loadSummaryFacts` (bound parameters stay well under PostgreSQL's limit). */
const drivesPerRead = 1_000;

/**
 * The summary facts of many drives of one coalition in two statements per thousand drives (the
 * drives list), instead of four per drive: each drive gets exactly the rows, in the order, that
 * `loadDriveFacts` reads for it (its coalition, member and id), so summaries equal the drive pages'.
 */
export async function loadSummaryFacts(
  db: Db,
  coalitionId: string,
  drives: readonly DriveRow[],
): Promise<Map<string, SummaryFacts>> {
  const facts = new Map<string, SummaryFacts>(drives.map((d) => [d.id, { packets: [], checks: [] }]));
  const memberOf = new Map(drives.map((d) => [d.id, d.organization_id]));
  for (let start = 0; start < drives.length; start += drivesPerRead) {
    const ids = drives.slice(start, start + drivesPerRead).map((d) => d.id);
    const [packets, checks] = await Promise.all([
      repo.listPacketsOfDrives(db, coalitionId, ids),
      repo.listChecksOfDrives(db, coalitionId, ids),
    ]);
    for (const { drive_id, organization_id, ...packet } of packets) {
      if (memberOf.get(drive_id) === organization_id) facts.get(drive_id)?.packets.push(packet);
    }
    for (const check of checks) {
      if (memberOf.get(check.drive_id) === check.organization_id)
        facts.get(check.drive_id)?.checks.push(check);
    }
  }
  return facts;
}

export const ruleOf = (drive: DriveRow) =>
  verificationRuleByKey(drive.verification_rule) ?? defaultRuleFor('*');

function checkFacts(facts: SummaryFacts): CheckFact[] {
  const packets = new Map(facts.packets.map((p) => [p.id, p]));
  return facts.checks.map((c) => ({
    packetId: c.packet_id,
    circulatorId: packets.get(c.packet_id)?.circulator_id ?? null,
    county: packets.get(c.packet_id)?.county ?? null,
    linesChecked: c.lines_checked,
    linesValid: c.lines_valid,
    reasons: {
      not_registered: c.not_registered,
      wrong_jurisdiction: c.wrong_jurisdiction,
      duplicate: c.duplicate,
      illegible: c.illegible,
      address_mismatch: c.address_mismatch,
    },
  }));
}

export function analyseDrive(drive: DriveRow, facts: SummaryFacts, today: string) {
  const checks = checkFacts(facts);
  const overall = overallValidity(checks);
  const duplicates = checks.reduce((s, c) => s + (c.reasons.duplicate ?? 0), 0);
  const projection = projectDrive({
    required: drive.required,
    startDay: drive.start_day,
    asOfDay: today < drive.start_day ? drive.start_day : today,
    deadlineDay: drive.due_day,
    daily: facts.packets.map((p) => ({ day: p.collected_on, raw: p.raw_count })),
    checked: overall.checked,
    valid: overall.valid,
    duplicates,
    expectedValidity: drive.expected_validity,
    rule: ruleOf(drive),
  });
  const target = signatureTarget({
    required: drive.required,
    expectedValidity: drive.expected_validity,
    safetyMargin: drive.safety_margin,
  });
  return { checks, overall, projection, target };
}

export function toSummary(
  drive: DriveRow,
  facts: SummaryFacts,
  today: string,
  canManage: boolean,
): DriveSummary {
  const { projection, target } = analyseDrive(drive, facts, today);
  return {
    id: drive.id,
    name: drive.name,
    organizationId: drive.organization_id,
    organizationName: drive.organization_name,
    requirementId: drive.requirement_id,
    requirementTitle: drive.requirement_title,
    jurisdiction: drive.jurisdiction,
    target: { kind: drive.target_kind, name: drive.target_name, candidateId: drive.target_candidate_id },
    required: drive.required,
    expectedValidity: drive.expected_validity,
    safetyMargin: drive.safety_margin,
    targetRaw: target.raw,
    targetArithmetic: target.arithmetic,
    startDay: drive.start_day,
    dueDay: drive.due_day,
    filingDay: drive.filing_day,
    cureDays: drive.cure_days,
    verificationRule: drive.verification_rule,
    collectedRaw: projection.collectedRaw,
    projectedValid: projection.validAtDeadline.mean,
    projectedInterval: { low: projection.validAtDeadline.low, high: projection.validAtDeadline.high },
    probabilityQualifying: projection.probabilityQualifying,
    canManage,
  };
}

const labelled = (figure: ValidityFigure, label: string) => ({ ...figure, label });

/** The drive page: projection, validity, and (for its member and staff) circulators, packets, checks and duplicates. */
export function toDetail(
  drive: DriveRow,
  facts: DriveFacts,
  today: string,
  canManage: boolean,
): Omit<DriveDetail, 'requirement' | 'rule'> {
  const { checks, overall, projection } = analyseDrive(drive, facts, today);
  const summary = toSummary(drive, facts, today, canManage);
  const packetLabel = new Map(facts.packets.map((p) => [p.id, p.label]));
  const circulatorName = new Map(facts.circulators.map((c) => [c.id, c.name]));
  const byCirculator = validityBy(checks, (c) => c.circulatorId);
  const verdicts = new Map(
    outlierCirculators(byCirculator.filter((f) => f.key !== '(none)')).map((v) => [v.key, v]),
  );
  const byPacket = new Map(validityBy(checks, (c) => c.packetId).map((f) => [f.key, f]));
  const empty = labelled(overallValidity([]), '');
  return {
    drive: summary,
    projection: {
      asOfDay: today,
      daysElapsed: projection.daysElapsed,
      daysRemaining: projection.daysRemaining,
      pacePerDay: projection.pacePerDay,
      validity: projection.validity,
      rawAtDeadline: projection.rawAtDeadline,
      validAtDeadline: projection.validAtDeadline,
      probabilityQualifying: projection.probabilityQualifying,
      verdict: projection.verdict,
      burnUp: projection.burnUp,
    },
    validity: {
      overall: labelled(overall, 'All checked lines'),
      byCounty: validityBy(checks, (c) => c.county).map((f) => labelled(f, f.key)),
    },
    circulators: canManage
      ? facts.circulators.map((c) => {
          const own = facts.packets.filter((p) => p.circulator_id === c.id);
          const figure = byCirculator.find((f) => f.key === c.id);
          const verdict = verdicts.get(c.id);
          return {
            id: c.id,
            name: c.name,
            personId: c.person_id,
            packets: own.length,
            raw: own.reduce((s, p) => s + p.raw_count, 0),
            validity: figure ? labelled(figure, c.name) : { ...empty, key: c.id, label: c.name },
            outlier: {
              flagged: verdict?.flagged ?? false,
              z: verdict?.z ?? null,
              pValue: verdict?.pValue ?? null,
              othersRate: verdict?.othersRate ?? null,
              reason: verdict?.reason ?? 'no checks yet',
            },
          };
        })
      : null,
    packets: canManage
      ? facts.packets.map((p) => ({
          id: p.id,
          label: p.label,
          circulatorId: p.circulator_id,
          circulatorName: p.circulator_id ? (circulatorName.get(p.circulator_id) ?? null) : null,
          county: p.county,
          collectedOn: p.collected_on,
          rawCount: p.raw_count,
          checked: byPacket.get(p.id)?.checked ?? 0,
          valid: byPacket.get(p.id)?.valid ?? 0,
        }))
      : null,
    checks: canManage
      ? facts.checks.map((c) => ({
          id: c.id,
          packetId: c.packet_id,
          packetLabel: packetLabel.get(c.packet_id) ?? '?',
          checkedOn: c.checked_on,
          linesChecked: c.lines_checked,
          linesValid: c.lines_valid,
          reasons: {
            not_registered: c.not_registered,
            wrong_jurisdiction: c.wrong_jurisdiction,
            duplicate: c.duplicate,
            illegible: c.illegible,
            address_mismatch: c.address_mismatch,
          },
        }))
      : null,
    duplicates: canManage
      ? duplicateSigners(
          facts.lines.map((l) => ({ packetId: l.packet_id, line: l.line, name: l.name, address: l.address })),
        ).map((g) => ({
          key: g.key,
          lines: g.lines.map((l) => ({ packetLabel: packetLabel.get(l.packetId) ?? '?', line: l.line })),
        }))
      : null,
    deadlines: driveDeadlines({
      id: drive.id,
      name: drive.name,
      dueDay: drive.due_day,
      filingDay: drive.filing_day,
      cureDays: drive.cure_days ?? ruleOf(drive).cureDays,
    }).map(({ day, kind, title }) => ({ day, kind, title })),
  };
}
