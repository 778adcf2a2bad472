/**
 * What `concord people …` does, loaded only when a people command runs. Each action is a function
 * of (database, actor, arguments) that returns the text to print, so the isolation matrix test
 * drives exactly what the command runs, for every role.
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { parseWith, resolveCliActor, resolveOrganizationId, runWrite } from '../../cli/context.ts';
import { withDatabase } from '../../cli/database.ts';
import type { Actor } from '../../core/actor.ts';
import { invalid } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { supporterAggregates } from './aggregates.service.ts';
import { exportPeopleCsv } from './export.service.ts';
import { importTargetSchema, presetNameSchema } from './import/import.schema.ts';
import { type ImportReport, importPeople } from './import/import.service.ts';
import { mergeChoicesSchema } from './merge/merge.schema.ts';
import { findDuplicates, mergePeople, undoMerge } from './merge/merge.service.ts';
import {
  approveOverlap,
  declineOverlap,
  listOverlapRuns,
  requestOverlap,
} from './overlap/overlap.service.ts';
import {
  createPerson,
  erasePerson,
  exportPersonData,
  getPerson,
  listPeople,
  totalCap,
} from './people.service.ts';
import { advancePipeline, pipelineView } from './pipeline/pipeline.service.ts';
import { recordConsent, withdrawConsent } from './records.service.ts';
import { segmentFilterSchema } from './segment-filter.ts';
import { createSegment, listSegments, resolveSegmentId } from './segments.service.ts';
import {
  consentInputSchema,
  type PersonView,
  peopleQuerySchema,
  personInputSchema,
  withdrawalInputSchema,
} from './supporters.schema.ts';

export interface PeopleCliOptions {
  coalition: string;
  as?: string;
  json?: boolean;
  dryRun?: boolean;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function formatPerson(p: PersonView): string {
  const lines = [
    `${p.firstName} ${p.lastName}  ${p.id}`,
    `emails: ${p.emails.join(', ') || '-'}   phones: ${p.phones.join(', ') || '-'}`,
    `address: ${[p.address.line1, p.address.city, p.address.state, p.address.postalCode].filter(Boolean).join(', ') || '-'}  county ${p.address.countyFips ?? '-'}`,
    `tags: ${p.tags.join(', ') || '-'}   stage: ${p.stage ?? '-'}`,
    `consent: ${Object.entries(p.consent)
      .map(([c, ok]) => `${c} ${ok ? 'yes' : 'no'}`)
      .join(', ')}`,
  ];
  for (const a of p.activities)
    lines.push(
      `  ${a.occurredOn} ${a.kind} ${a.label}${a.amountCents !== null ? ` ${(a.amountCents / 100).toFixed(2)}` : ''}`,
    );
  for (const l of p.links)
    lines.push(`  linked with ${l.organizationName}'s record (${l.basis}, ${l.source})`);
  return `${lines.join('\n')}\n`;
}

export const peopleActions = {
  async list(
    db: Db,
    actor: Actor,
    o: PeopleCliOptions & {
      q?: string;
      tag?: string;
      county?: string;
      segment?: string;
      limit?: string;
      cursor?: string;
    },
  ) {
    const segment = o.segment ? await resolveSegmentId(db, actor, o.segment) : undefined;
    const query = parseWith(peopleQuerySchema, {
      q: o.q,
      tag: o.tag,
      county: o.county,
      segment,
      limit: o.limit,
      cursor: o.cursor,
    });
    const page = await db.transaction().execute((trx) => listPeople(trx, actor, query));
    if (o.json) return json(page);
    const rows = page.people.map(
      (p) =>
        `${p.id}  ${`${p.lastName}, ${p.firstName}`.padEnd(32)} ${(p.email ?? '').padEnd(32)} ${p.countyFips ?? '     '} ${p.tags.join(', ')}`,
    );
    const more = page.nextCursor ? `next page: --cursor ${page.nextCursor}\n` : '';
    return `${rows.join('\n')}${rows.length ? '\n' : ''}${page.total >= totalCap ? '1,000+' : page.total} matching\n${more}`;
  },
  async show(db: Db, actor: Actor, o: PeopleCliOptions & { id: string }) {
    const person = await getPerson(db, actor, o.id);
    return o.json ? json(person) : formatPerson(person);
  },
  async add(
    db: Db,
    actor: Actor,
    o: PeopleCliOptions & {
      first?: string;
      last?: string;
      email?: string[];
      phone?: string[];
      county?: string;
      tag?: string[];
    },
  ) {
    const input = parseWith(personInputSchema, {
      firstName: o.first,
      lastName: o.last,
      emails: o.email ?? [],
      phones: o.phone ?? [],
      address: { countyFips: o.county ?? null },
      tags: o.tag ?? [],
    });
    const person = await runWrite(db, o.dryRun ?? false, (trx) => createPerson(trx, actor, input));
    return o.json ? json(person) : formatPerson(person);
  },
  async erase(db: Db, actor: Actor, o: PeopleCliOptions & { id: string }) {
    await runWrite(db, o.dryRun ?? false, (trx) => erasePerson(trx, actor, o.id));
    return `erased ${o.id} (the audit log records the erasure, without personal data)\n`;
  },
  async exportPerson(db: Db, actor: Actor, o: PeopleCliOptions & { id: string }) {
    return json(await db.transaction().execute((trx) => exportPersonData(trx, actor, o.id)));
  },
  async consent(
    db: Db,
    actor: Actor,
    o: PeopleCliOptions & { id: string; channel?: string; denied?: boolean; basis?: string; source?: string },
  ) {
    const input = parseWith(consentInputSchema, {
      channel: o.channel,
      granted: !o.denied,
      basis: o.basis ?? 'consent',
      source: o.source,
    });
    const person = await runWrite(db, o.dryRun ?? false, (trx) => recordConsent(trx, actor, o.id, input));
    return o.json ? json(person) : formatPerson(person);
  },
  async withdraw(
    db: Db,
    actor: Actor,
    o: PeopleCliOptions & { id: string; channel?: string; source?: string },
  ) {
    const input = parseWith(withdrawalInputSchema, { channel: o.channel, source: o.source });
    const person = await runWrite(db, o.dryRun ?? false, (trx) => withdrawConsent(trx, actor, o.id, input));
    return o.json ? json(person) : formatPerson(person);
  },
  async aggregates(db: Db, actor: Actor, o: PeopleCliOptions) {
    const counts = await supporterAggregates(db, actor);
    if (o.json) return json(counts);
    const lines = [`total ${counts.total}`];
    for (const c of counts.byCounty) lines.push(`county ${c.countyFips}  ${c.count}`);
    for (const t of counts.byTag) lines.push(`tag ${t.tag}  ${t.count}`);
    for (const m of counts.byMonth) lines.push(`month ${m.month}  ${m.count}`);
    return `${lines.join('\n')}\n`;
  },
  async segments(db: Db, actor: Actor, o: PeopleCliOptions) {
    const segments = await listSegments(db, actor);
    if (o.json) return json(segments);
    return segments.map((s) => `${s.id}  ${String(s.count).padStart(8)}  ${s.name}\n`).join('');
  },
  async segmentCreate(db: Db, actor: Actor, o: PeopleCliOptions & { name: string; filter: string }) {
    let filter: unknown;
    try {
      filter = JSON.parse(o.filter);
    } catch {
      filter = undefined;
    }
    const parsed = parseWith(segmentFilterSchema, filter);
    const segment = await runWrite(db, o.dryRun ?? false, (trx) =>
      createSegment(trx, actor, { name: o.name, filter: parsed }),
    );
    return o.json ? json(segment) : `${segment.id}  ${segment.count} people  ${segment.name}\n`;
  },
};

/** A progress bar on stderr over the file's bytes, only on a terminal. */
function byteProgress(total: number) {
  if (!process.stderr.isTTY) return { update: (_bytes: number, _rows: number) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'importing {bar} {percentage}% | {rows} rows | {eta}s left',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rows: 0 });
  return { update: (bytes: number, rows: number) => bar.update(bytes, { rows }), stop: () => bar.stop() };
}

function parseMapping(pairs: readonly string[]) {
  const mapping: Record<string, `custom:${string}` | (typeof importTargetSchema)['_output']> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw invalid('cli.invalid', `--map takes "Header=target", got "${pair}"`);
    mapping[pair.slice(0, at)] = parseWith(importTargetSchema, pair.slice(at + 1));
  }
  return mapping;
}

export function formatImportReport(report: ImportReport): string {
  const lines = [
    `${report.file}: ${report.rows} rows, preset ${report.preset ?? 'none (mapping only)'}`,
    ...report.errors.map((e) => `  error  ${e.file} row ${e.row}, ${e.field}: ${e.reason}`),
    ...(report.errorCount > report.errors.length
      ? [`  … ${report.errorCount - report.errors.length} more errors`]
      : []),
    ...report.duplicates
      .slice(0, 50)
      .map((d) =>
        d.kind === 'in_file'
          ? `  duplicate  row ${d.row}: same ${d.field} as row ${d.matchesRow}`
          : `  duplicate  row ${d.row}: ${d.field} already held`,
      ),
    ...(report.duplicateCount > 50 ? [`  … ${report.duplicateCount - 50} more duplicates`] : []),
    ...report.skipped.slice(0, 20).map((s) => `  skipped  row ${s.row}: ${s.reason}`),
    report.errorCount > 0
      ? `nothing imported: ${report.errorCount} errors (fix them and run again)`
      : report.committed
        ? `imported ${report.imported} people (${report.duplicateCount} possible duplicates to review)`
        : `dry run: ${report.imported} people would be imported, nothing saved`,
  ];
  return `${lines.join('\n')}\n`;
}

export const fileActions = {
  async importFile(
    db: Db,
    actor: Actor,
    o: PeopleCliOptions & {
      file: string;
      preset?: string;
      map?: string[];
      errors?: string;
      delimiter?: string;
    },
  ) {
    const size = statSync(o.file).size;
    const progress = byteProgress(size);
    const report = await importPeople(db, actor, createReadStream(o.file), {
      fileName: basename(o.file),
      preset: o.preset ? parseWith(presetNameSchema, o.preset) : null,
      mapping: parseMapping(o.map ?? []),
      dryRun: o.dryRun ?? false,
      ...(o.delimiter ? { delimiter: o.delimiter === 'tab' ? '\t' : o.delimiter } : {}),
      onProgress: (p) => progress.update(p.bytes, p.rows),
    });
    progress.stop();
    if (o.errors && report.errorCount > 0) {
      const out = createWriteStream(o.errors);
      out.write('file,row,field,reason\n');
      for (const e of report.errors)
        out.write(
          `${[e.file, String(e.row), e.field, e.reason].map((v) => `"${v.replaceAll('"', '""')}"`).join(',')}\n`,
        );
      await new Promise((resolve) => out.end(resolve));
    }
    if (report.errorCount > 0) process.exitCode = 2;
    return o.json ? json(report) : formatImportReport(report);
  },
  async exportCsv(db: Db, actor: Actor, o: PeopleCliOptions & { segment?: string; out?: string }) {
    const segmentId = o.segment ? await resolveSegmentId(db, actor, o.segment) : undefined;
    const out = o.out ? createWriteStream(o.out) : null;
    let text = '';
    let rows = -1;
    await db.transaction().execute(async (trx) => {
      for await (const line of exportPeopleCsv(trx, actor, { segmentId })) {
        rows += 1;
        if (out) out.write(line);
        else text += line;
      }
    });
    if (out) {
      await new Promise((resolve) => out.end(resolve));
      return `exported ${rows} people to ${o.out} (audited)\n`;
    }
    return text;
  },
};

export const overlapActions = {
  async overlaps(db: Db, actor: Actor, o: PeopleCliOptions) {
    const runs = await listOverlapRuns(db, actor);
    if (o.json) return json(runs);
    return runs
      .map(
        (r) =>
          `${r.id}  ${r.status.padEnd(9)} ${r.requester.name} ↔ ${r.partner.name}  shared: ${r.sharedCount ?? '-'}${r.awaitingYou ? '  (awaiting your approval)' : ''}\n`,
      )
      .join('');
  },
  async overlapRequest(db: Db, actor: Actor, o: PeopleCliOptions & { partner: string }) {
    const partnerId = await resolveOrganizationId(db, actor.coalitionId, o.partner);
    const run = await runWrite(db, o.dryRun ?? false, (trx) => requestOverlap(trx, actor, partnerId));
    return o.json ? json(run) : `requested ${run.id}: ${run.partner.name} must approve\n`;
  },
  async overlapApprove(db: Db, actor: Actor, o: PeopleCliOptions & { id: string }) {
    const run = await runWrite(db, o.dryRun ?? false, (trx) => approveOverlap(trx, actor, o.id));
    return o.json
      ? json(run)
      : `${run.requester.name} and ${run.partner.name} share ${run.sharedCount} supporters\n`;
  },
  async overlapDecline(db: Db, actor: Actor, o: PeopleCliOptions & { id: string }) {
    const run = await runWrite(db, o.dryRun ?? false, (trx) => declineOverlap(trx, actor, o.id));
    return o.json ? json(run) : `declined ${run.id}\n`;
  },
};

export const mergeActions = {
  async duplicates(db: Db, actor: Actor, o: PeopleCliOptions) {
    const found = await findDuplicates(db, actor);
    if (o.json) return json(found);
    return found
      .map(
        (d) =>
          `${d.reason.padEnd(12)} ${d.a.id} ${d.a.firstName} ${d.a.lastName}  ⇄  ${d.b.id} ${d.b.firstName} ${d.b.lastName}\n`,
      )
      .join('');
  },
  async merge(
    db: Db,
    actor: Actor,
    o: PeopleCliOptions & { survivor: string; merged: string; take?: string[] },
  ) {
    const choices = parseWith(
      mergeChoicesSchema,
      Object.fromEntries((o.take ?? []).map((field) => [field, 'merged'])),
    );
    const result = await runWrite(db, o.dryRun ?? false, (trx) =>
      mergePeople(trx, actor, { survivorId: o.survivor, mergedId: o.merged, choices }),
    );
    return o.json
      ? json(result)
      : `merged (undo with: concord people undo-merge ${result.mergeId})\n${formatPerson(result.person)}`;
  },
  async undoMerge(db: Db, actor: Actor, o: PeopleCliOptions & { id: string }) {
    const result = await runWrite(db, o.dryRun ?? false, (trx) => undoMerge(trx, actor, o.id));
    return o.json
      ? json(result)
      : `undone: ${result.survivor.id} and ${result.restored.id} are two records again\n`;
  },
};

export const pipelineActions = {
  async pipeline(db: Db, actor: Actor, o: PeopleCliOptions) {
    const view = await pipelineView(db, actor);
    if (o.json) return json(view);
    return view.stages
      .map(
        (s) =>
          `${s.name.padEnd(14)} ${String(s.people).padStart(7)}  ready to move up: ${s.readyToMoveUp.map((r) => `${r.tag || '(no tag)'} ${r.count}`).join(', ') || '-'}\n`,
      )
      .join('');
  },
  async pipelineAdvance(db: Db, actor: Actor, o: PeopleCliOptions) {
    const result = await runWrite(db, o.dryRun ?? false, (trx) => advancePipeline(trx, actor));
    return o.json ? json(result) : `moved ${result.moved} people up one stage\n`;
  },
};

export type PeopleAction =
  | keyof typeof peopleActions
  | keyof typeof fileActions
  | keyof typeof overlapActions
  | keyof typeof mergeActions
  | keyof typeof pipelineActions;

/** Runs one action as the user named by --as (people are never read anonymously) and prints its output. */
export async function runPeopleAction(
  name: PeopleAction,
  options: PeopleCliOptions & Record<string, unknown>,
): Promise<void> {
  const output = await withDatabase(async ({ db }) => {
    const actor = await resolveCliActor(db, options.coalition, options.as);
    const action = {
      ...peopleActions,
      ...fileActions,
      ...overlapActions,
      ...mergeActions,
      ...pipelineActions,
    }[name] as (db: Db, actor: Actor, o: typeof options) => Promise<string>;
    return action(db, actor, options);
  });
  process.stdout.write(output);
}
