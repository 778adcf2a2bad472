import type { Actor } from '../../core/actor.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import { readCsv } from '../map/index.ts';
import { getPerson } from '../supporters/index.ts';
import { requireManageDrive } from './authorize.ts';
import { findDriveOr404 } from './drives.service.ts';
import * as repo from './petitions.repository.ts';
import type { CreateCheckInput, CreatePacketInput } from './petitions.schema.ts';

export interface RowError {
  file: string;
  row: number;
  field: string;
  reason: string;
}

/** A batch refused as a whole: every bad row named, nothing written. */
function rejected(file: string, errors: RowError[]) {
  return invalid('petitions.rows_rejected', `${file}: ${errors.length} problem(s); nothing was saved.`, {
    file,
    errors: errors.slice(0, 200),
    more: Math.max(0, errors.length - 200),
  });
}

const isDay = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
const wholeNumber = (text: string | undefined): number | null =>
  text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;

async function manageableDrive(db: Db, actor: Actor, driveId: string, action: string) {
  const drive = await findDriveOr404(db, actor, driveId);
  requireManageDrive(actor, drive, action);
  return {
    drive,
    scope: { coalitionId: drive.coalition_id, organizationId: drive.organization_id, driveId: drive.id },
  };
}

/**
 * A circulator by plain name, or one of the drive's member's own people (supporters): picked by
 * id through the supporters feature, which answers only for the actor's own member's people (a
 * person of another member is simply not found; staff see people as aggregates only).
 */
export async function addCirculator(
  db: Db,
  actor: Actor,
  driveId: string,
  input: { name?: string | undefined; personId?: string | undefined },
) {
  const { scope } = await manageableDrive(db, actor, driveId, 'add circulators');
  let name = input.name ?? '';
  let personId: string | null = null;
  if (input.personId !== undefined) {
    const person = await getPerson(db, actor, input.personId);
    // Held by the actor's own member, which manageableDrive just checked is the drive's.
    if (actor.organizationId !== scope.organizationId) throw personNotYours();
    name = `${person.firstName} ${person.lastName}`.trim() || (input.name ?? 'Unnamed person');
    personId = person.id;
  }
  const existing = await repo.listCirculators(db, scope);
  if (existing.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
    throw conflict('petitions.circulator_exists', `${name} is already a circulator of this drive.`);
  }
  const row = await repo.insertCirculator(db, scope, name, personId);
  return { id: row.id, name: row.name, personId: row.person_id };
}

const personNotYours = () => notFound('person.not_found', 'No such person in your organization.');

interface Located<T> {
  row: number;
  value: T;
}

/** Packets (raw counts, dates, county, circulator by name: a new name becomes a circulator). */
export async function addPackets(
  db: Db,
  actor: Actor,
  driveId: string,
  packets: Located<CreatePacketInput>[],
  file: string,
) {
  const { drive, scope } = await manageableDrive(db, actor, driveId, 'enter packets');
  const errors: RowError[] = [];
  const labels = new Set((await repo.listPackets(db, scope)).map((p) => p.label.toLowerCase()));
  for (const { row, value } of packets) {
    const label = value.label.toLowerCase();
    if (labels.has(label))
      errors.push({ file, row, field: 'packet', reason: `packet "${value.label}" is already entered` });
    labels.add(label);
    if (value.collectedOn < drive.start_day || value.collectedOn > drive.due_day) {
      errors.push({
        file,
        row,
        field: 'collected_on',
        reason: `${value.collectedOn} is outside the drive (${drive.start_day} to ${drive.due_day})`,
      });
    }
  }
  if (errors.length > 0) throw rejected(file, errors);
  const circulators = new Map(
    (await repo.listCirculators(db, scope)).map((c) => [c.name.toLowerCase(), c.id]),
  );
  for (const { value } of packets) {
    const name = value.circulatorName?.trim();
    if (name && !circulators.has(name.toLowerCase())) {
      circulators.set(name.toLowerCase(), (await repo.insertCirculator(db, scope, name)).id);
    }
  }
  const inserted = await repo.insertPackets(
    db,
    packets.map(({ value }) => ({
      coalition_id: scope.coalitionId,
      organization_id: scope.organizationId,
      drive_id: scope.driveId,
      circulator_id: value.circulatorName
        ? (circulators.get(value.circulatorName.trim().toLowerCase()) ?? null)
        : null,
      label: value.label,
      county: value.county?.trim() || null,
      collected_on: value.collectedOn,
      raw_count: value.rawCount,
    })),
  );
  if (inserted.length > 0)
    await appendAudit(db, {
      coalitionId: actor.coalitionId,
      actor,
      action: 'petitions.packets_entered',
      subject: { type: 'petition_drive', id: scope.driveId },
      rows: inserted.map((p) => ({ table: 'petition_packets', id: p.id })),
      // Counts and labels only: circulators are people, named on their own rows, not in the chain.
      payload: {
        file,
        packets: inserted.length,
        rawCount: packets.reduce((sum, { value }) => sum + value.rawCount, 0),
      },
    });
  return packets.length;
}

/** Validity checks on packets: lines checked, valid, and each rejection reason. */
export async function addChecks(
  db: Db,
  actor: Actor,
  driveId: string,
  checks: Located<CreateCheckInput>[],
  file: string,
) {
  const { scope } = await manageableDrive(db, actor, driveId, 'enter validity checks');
  const packets = new Map((await repo.listPackets(db, scope)).map((p) => [p.label.toLowerCase(), p]));
  const checkedSoFar = new Map<string, number>();
  for (const c of await repo.listChecks(db, scope))
    checkedSoFar.set(c.packet_id, (checkedSoFar.get(c.packet_id) ?? 0) + c.lines_checked);
  const errors: RowError[] = [];
  const rows: Parameters<typeof repo.insertChecks>[1] = [];
  for (const { row, value: c } of checks) {
    const packet = packets.get(c.packetLabel.toLowerCase());
    if (!packet) {
      errors.push({ file, row, field: 'packet', reason: `no packet "${c.packetLabel}" in this drive` });
      continue;
    }
    const reasons =
      (c.notRegistered ?? 0) +
      (c.wrongJurisdiction ?? 0) +
      (c.duplicate ?? 0) +
      (c.illegible ?? 0) +
      (c.addressMismatch ?? 0);
    if (c.linesValid > c.linesChecked) {
      errors.push({
        file,
        row,
        field: 'lines_valid',
        reason: `${c.linesValid} valid of ${c.linesChecked} checked`,
      });
    } else if (c.linesValid + reasons > c.linesChecked) {
      errors.push({
        file,
        row,
        field: 'reasons',
        reason: `${c.linesValid} valid + ${reasons} rejected is more than ${c.linesChecked} checked`,
      });
    }
    const total = (checkedSoFar.get(packet.id) ?? 0) + c.linesChecked;
    if (total > packet.raw_count) {
      errors.push({
        file,
        row,
        field: 'lines_checked',
        reason: `${total} lines checked in packet "${packet.label}", which holds ${packet.raw_count}`,
      });
    }
    checkedSoFar.set(packet.id, total);
    rows.push({
      coalition_id: scope.coalitionId,
      organization_id: scope.organizationId,
      drive_id: scope.driveId,
      packet_id: packet.id,
      checked_on: c.checkedOn,
      lines_checked: c.linesChecked,
      lines_valid: c.linesValid,
      not_registered: c.notRegistered ?? 0,
      wrong_jurisdiction: c.wrongJurisdiction ?? 0,
      duplicate: c.duplicate ?? 0,
      illegible: c.illegible ?? 0,
      address_mismatch: c.addressMismatch ?? 0,
    });
  }
  if (errors.length > 0) throw rejected(file, errors);
  const inserted = await repo.insertChecks(db, rows);
  if (inserted.length > 0)
    await appendAudit(db, {
      coalitionId: actor.coalitionId,
      actor,
      action: 'petitions.checks_entered',
      subject: { type: 'petition_drive', id: scope.driveId },
      rows: inserted.map((c) => ({ table: 'petition_checks', id: c.id })),
      payload: {
        file,
        checks: rows.length,
        linesChecked: rows.reduce((sum, c) => sum + c.lines_checked, 0),
        linesValid: rows.reduce((sum, c) => sum + c.lines_valid, 0),
      },
    });
  return rows.length;
}

/** Signer lines (name and address) for the duplicate-signer check across packets. */
export async function addSignerLines(
  db: Db,
  actor: Actor,
  driveId: string,
  lines: Located<{ packetLabel: string; line: number; name: string; address: string }>[],
  file: string,
) {
  const { scope } = await manageableDrive(db, actor, driveId, 'enter signer lines');
  const packets = new Map((await repo.listPackets(db, scope)).map((p) => [p.label.toLowerCase(), p]));
  const seen = new Set((await repo.listSignerLines(db, scope)).map((l) => `${l.packet_id}:${l.line}`));
  const errors: RowError[] = [];
  const rows: Parameters<typeof repo.insertSignerLines>[1] = [];
  for (const { row, value } of lines) {
    const packet = packets.get(value.packetLabel.toLowerCase());
    if (!packet) {
      errors.push({ file, row, field: 'packet', reason: `no packet "${value.packetLabel}" in this drive` });
      continue;
    }
    if (value.line > packet.raw_count)
      errors.push({
        file,
        row,
        field: 'line',
        reason: `packet "${packet.label}" holds ${packet.raw_count} lines`,
      });
    if (seen.has(`${packet.id}:${value.line}`))
      errors.push({
        file,
        row,
        field: 'line',
        reason: `line ${value.line} of "${packet.label}" is already entered`,
      });
    seen.add(`${packet.id}:${value.line}`);
    rows.push({
      coalition_id: scope.coalitionId,
      organization_id: scope.organizationId,
      drive_id: scope.driveId,
      packet_id: packet.id,
      line: value.line,
      name: value.name,
      address: value.address,
    });
  }
  if (errors.length > 0) throw rejected(file, errors);
  await repo.insertSignerLines(db, rows);
  return rows.length;
}

const columns = {
  packets: { required: ['packet', 'collected_on', 'raw_count'], optional: ['circulator', 'county'] },
  checks: {
    required: ['packet', 'checked_on', 'lines_checked', 'lines_valid'],
    optional: ['not_registered', 'wrong_jurisdiction', 'duplicate', 'illegible', 'address_mismatch'],
  },
  lines: { required: ['packet', 'line', 'name', 'address'], optional: [] },
} as const;
export type ImportKind = keyof typeof columns;

/**
 * Reads a CSV of packets, checks or signer lines and enters all of it or none: every row's
 * problems are collected (file, row, field, reason) before anything is written. The caller's
 * transaction makes the write all-or-nothing; a dry run rolls it back.
 */
export async function importCsv(
  db: Db,
  actor: Actor,
  driveId: string,
  kind: ImportKind,
  file: string,
  text: string,
): Promise<number> {
  const table = readCsv(text, { file, required: columns[kind].required });
  const errors: RowError[] = [];
  const need = (
    row: number,
    values: Record<string, string>,
    field: string,
    parse: (t: string) => boolean,
    why: string,
  ) => {
    const value = values[field] ?? '';
    if (!parse(value))
      errors.push({ file, row, field, reason: value === '' ? 'missing' : `"${value}" ${why}` });
    return value;
  };
  const number = (row: number, values: Record<string, string>, field: string, optional = false) => {
    const raw = values[field] ?? '';
    if (optional && raw === '') return 0;
    const n = wholeNumber(raw);
    if (n === null)
      errors.push({
        file,
        row,
        field,
        reason: raw === '' ? 'missing' : `"${raw}" is not a whole number ≥ 0`,
      });
    return n ?? 0;
  };
  if (table.rows.length === 0) throw rejected(file, [{ file, row: 2, field: '*', reason: 'no data rows' }]);
  if (kind === 'packets') {
    const packets = table.rows.map(({ row, values }) => ({
      row,
      value: {
        label: need(
          row,
          values,
          'packet',
          (t) => t.length > 0 && t.length <= 60,
          'is not a packet label (1–60 characters)',
        ),
        circulatorName: values.circulator || null,
        county: values.county || null,
        collectedOn: need(row, values, 'collected_on', isDay, 'is not a day (YYYY-MM-DD)'),
        rawCount: number(row, values, 'raw_count'),
      },
    }));
    if (errors.length > 0) throw rejected(file, errors);
    return addPackets(db, actor, driveId, packets, file);
  }
  if (kind === 'checks') {
    const checks = table.rows.map(({ row, values }) => {
      const linesChecked = number(row, values, 'lines_checked');
      if (linesChecked === 0 && wholeNumber(values.lines_checked) === 0) {
        errors.push({ file, row, field: 'lines_checked', reason: 'a check looks at one line or more' });
      }
      return {
        row,
        value: {
          packetLabel: need(row, values, 'packet', (t) => t.length > 0, 'is not a packet label'),
          checkedOn: need(row, values, 'checked_on', isDay, 'is not a day (YYYY-MM-DD)'),
          linesChecked,
          linesValid: number(row, values, 'lines_valid'),
          notRegistered: number(row, values, 'not_registered', true),
          wrongJurisdiction: number(row, values, 'wrong_jurisdiction', true),
          duplicate: number(row, values, 'duplicate', true),
          illegible: number(row, values, 'illegible', true),
          addressMismatch: number(row, values, 'address_mismatch', true),
        },
      };
    });
    if (errors.length > 0) throw rejected(file, errors);
    return addChecks(db, actor, driveId, checks, file);
  }
  const lines = table.rows.map(({ row, values }) => ({
    row,
    value: {
      packetLabel: need(row, values, 'packet', (t) => t.length > 0, 'is not a packet label'),
      line: Math.max(0, number(row, values, 'line')),
      name: need(row, values, 'name', (t) => t.length > 0 && t.length <= 200, 'is not a name'),
      address: need(row, values, 'address', (t) => t.length > 0 && t.length <= 400, 'is not an address'),
    },
  }));
  for (const { row, value } of lines)
    if (value.line === 0 && wholeNumber(table.rows.find((r) => r.row === row)?.values.line) === 0)
      errors.push({ file, row, field: 'line', reason: 'lines are numbered from 1' });
  if (errors.length > 0) throw rejected(file, errors);
  return addSignerLines(db, actor, driveId, lines, file);
}
