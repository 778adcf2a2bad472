/**
 * What `concord pact …` does, loaded only when a pact command runs (src/cli.ts registers every
 * command, and this module pulls in the database, the services and the engine).
 */
import { writeFile } from 'node:fs/promises';
import {
  type CommonOptions,
  parseWith,
  printJson,
  resolveCliActor,
  resolveOrganizationId,
  resolveReader,
  runWrite,
} from '../../../cli/context.ts';
import { withDatabase } from '../../../cli/database.ts';
import { pageLimitSchema } from '../../../contract/cursor.ts';
import type { Actor } from '../../../core/actor.ts';
import { DomainError, invalid, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/database.ts';
import { catalog, jurisdictionKindSchema } from '../../map/index.ts';
import { createPact, loadPact, resolvePactId } from '../drafting/pacts.service.ts';
import { liftVeto, lockRace, unlockRace, vetoRace } from '../drafting/rules.service.ts';
import { swapRaces } from '../drafting/swap.service.ts';
import { consentInputSchema, createPactSchema, ratifyInputSchema, runInputSchema } from '../pacts.schema.ts';
import { recordConsent } from '../ratification/consent.service.ts';
import { sendToRatification } from '../ratification/ratification.service.ts';
import { getPactView, listPactPage, listPactViews } from '../read.service.ts';
import { type EngineProgress, runEngine } from '../runs/run-engine.ts';
import { runProgressBar } from '../runs/run-progress.ts';
import { requestRun } from '../runs/runs.service.ts';
import { type ExportFormat, exportVersion } from '../versions/export.ts';
import { compareVersionNumbers, getVersion, listVersions } from '../versions/versions.service.ts';
import {
  formatComparison,
  formatPact,
  formatPactList,
  formatRun,
  formatVersionLine,
} from './pacts.cli-format.ts';
import { explainLocked, runAsJob } from './pacts.cli-run.ts';

const out = (text: string): void => {
  process.stdout.write(text);
};
const tx = <T>(db: Db, work: (trx: Db) => Promise<T>) => db.transaction().execute(work);

/** "name=value", split at the last "=" (a name may hold one). */
function pair(text: string, option: string): [string, string] {
  const at = text.lastIndexOf('=');
  if (at <= 0) throw invalid('cli.invalid', `${option} takes "<organization>=<value>", not "${text}".`);
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

async function electionId(db: Db, actor: Actor, ref: string): Promise<string> {
  const election = (await catalog.listElections(db, actor)).find((e) => e.id === ref || e.slug === ref);
  if (!election) throw notFound('map.election_not_found', `No election "${ref}" (give its id or slug).`);
  return election.id;
}

/** `state:26`, `department:75`: a jurisdiction by kind and code. */
async function jurisdictionId(db: Db, actor: Actor, ref: string): Promise<string> {
  const [kindText, code] = ref.split(':');
  const kind = jurisdictionKindSchema.safeParse(kindText);
  const { items } =
    kind.success && code
      ? await catalog.listJurisdictions(db, actor, { kind: kind.data, code, limit: 1, offset: 0 })
      : { items: [] };
  const [found] = items;
  if (!found)
    throw notFound('map.jurisdiction_not_found', `No jurisdiction "${ref}" (give kind:code, e.g. state:26).`);
  return found.id;
}

/** A pact member by key (`green-left`), name or organization id. */
async function memberId(db: Db, actor: Actor, pactId: string, ref: string): Promise<string> {
  const pact = await loadPact(db, actor, pactId);
  const lower = ref.toLowerCase();
  const member = pact.members.find(
    (m) => m.key === ref || m.organizationId === ref || m.name.toLowerCase() === lower,
  );
  if (!member) throw notFound('pact.member_not_found', `No member "${ref}" in this pact.`);
  return member.organizationId;
}

export interface CreateOptions extends CommonOptions {
  name: string;
  member: string[];
  weight?: string[];
  weightMetric?: string;
  election?: string;
  office?: string;
  stage?: string;
  within?: string[];
  resultsFrom?: string;
  resultsOffice?: string;
  resultsStage?: string;
  in?: string;
  zoneKind?: string;
  results?: string;
  apportionment?: string;
  apportionBy?: string;
  transfer?: string;
  uncertainty?: string;
  entitlement?: string;
  tierBalance?: boolean;
  tierMargin?: string;
  preset?: string[];
}

const number = (text: string | undefined) => (text === undefined ? undefined : Number(text));

function settingsFrom(o: CreateOptions) {
  const [sameSide, crossSide] = (o.transfer ?? '').split(',').map(Number);
  return {
    apportionment: o.apportionment,
    apportionBy: o.apportionBy,
    transfer: o.transfer === undefined ? undefined : { sameSide, crossSide },
    uncertainty: number(o.uncertainty),
    entitlement: o.entitlement,
    tierBalance: o.tierBalance,
    tierMargin: number(o.tierMargin),
    presets: o.preset,
  };
}

export async function create(o: CreateOptions, kind: 'races' | 'zones'): Promise<void> {
  const view = await withDatabase(async ({ db }) => {
    const actor = await resolveCliActor(db, o.coalition, o.as);
    const weights = new Map<string, number>();
    for (const text of o.weight ?? []) {
      const [org, value] = pair(text, '--weight');
      weights.set(await resolveOrganizationId(db, actor.coalitionId, org), Number(value));
    }
    const members = [];
    for (const text of o.member) {
      const [org, codes] = pair(text, '--member');
      const organizationId = await resolveOrganizationId(db, actor.coalitionId, org);
      const weight = weights.get(organizationId);
      members.push({
        organizationId,
        parties: codes.split(',').filter(Boolean),
        ...(weight ? { weight } : {}),
      });
    }
    const source =
      kind === 'races'
        ? {
            kind,
            electionId: await electionId(db, actor, o.election ?? ''),
            office: o.office,
            stage: o.stage,
            within: o.within
              ? await Promise.all(o.within.map((ref) => jurisdictionId(db, actor, ref)))
              : undefined,
            resultsFrom: o.resultsFrom
              ? {
                  electionId: await electionId(db, actor, o.resultsFrom),
                  office: o.resultsOffice,
                  stage: o.resultsStage,
                }
              : undefined,
          }
        : {
            kind,
            parentJurisdictionId: await jurisdictionId(db, actor, o.in ?? ''),
            zoneKind: o.zoneKind,
            resultSet: o.results,
          };
    const input = parseWith(createPactSchema, {
      name: o.name,
      source,
      members,
      weightMetric: o.weightMetric,
      settings: settingsFrom(o),
    });
    return runWrite(db, o.dryRun === true, async (trx) => {
      const pact = await createPact(trx, actor, input);
      return getPactView(trx, actor, pact.id);
    });
  });
  if (o.json) printJson(view);
  else out(formatPact(view));
}

/** Every pact (the service reads them all at once: no pages to follow), or the newest `--limit`. */
export async function list(o: CommonOptions & { limit?: string }): Promise<void> {
  const limit = o.limit === undefined ? undefined : pageLimitSchema.safeParse(o.limit);
  if (limit && !limit.success)
    throw invalid('cli.invalid', `--limit takes a whole number from 1 to 500, not "${o.limit}".`);
  const pacts = await withDatabase(async ({ db }) => {
    const actor = await resolveReader(db, o.coalition, o.as);
    if (!limit) return tx(db, (trx) => listPactViews(trx, actor));
    return tx(db, async (trx) => (await listPactPage(trx, actor, { limit: limit.data })).pacts);
  });
  if (o.json) printJson(pacts);
  else out(formatPactList(pacts));
}

export async function show(ref: string, o: CommonOptions): Promise<void> {
  const view = await withDatabase(async ({ db }) => {
    const actor = await resolveReader(db, o.coalition, o.as);
    return tx(db, async (trx) => getPactView(trx, actor, await resolvePactId(trx, actor, ref)));
  });
  if (o.json) printJson(view);
  else out(formatPact(view));
}

/**
 * Runs the engine as a durable job (pacts.cli-run.ts): waits for it with a progress bar, or with
 * --no-wait prints the queued run. With --dry-run the engine runs here on the pact as it stands and
 * nothing is stored.
 */
export async function run(
  ref: string,
  o: CommonOptions & { exact?: boolean; note?: string; wait?: boolean },
): Promise<void> {
  const mode = o.exact ? ('exact' as const) : ('heuristic' as const);
  const wait = o.wait !== false;
  if (o.dryRun) {
    const report = await withDatabase(async ({ db }) => {
      const actor = await resolveCliActor(db, o.coalition, o.as);
      const pactId = await resolvePactId(db, actor, ref);
      const requested = await runWrite(db, true, (trx) =>
        requestRun(trx, actor, pactId, { mode, note: o.note }),
      );
      const bar = o.json ? undefined : runProgressBar();
      try {
        return await runEngine(requested.job.input, mode, (progress) => bar?.update(progress));
      } finally {
        bar?.stop();
      }
    });
    if (o.json) return printJson(report);
    const { formatReport } = await import('./allocate.format.ts');
    return out(formatReport(report));
  }
  const config = (await import('../../../config.ts')).loadConfig();
  const done = await withDatabase(async (handle) => {
    const actor = await resolveCliActor(handle.db, o.coalition, o.as);
    const pactId = await resolvePactId(handle.db, actor, ref);
    const bar = o.json || !wait ? undefined : runProgressBar();
    try {
      return await runAsJob(handle, actor, pactId, runInputSchema.parse({ mode, note: o.note }), {
        wait,
        ...(bar ? { onProgress: (progress: EngineProgress) => bar.update(progress) } : {}),
        log: (error, message) => process.stderr.write(`${message}: ${String(error)}\n`),
      });
    } finally {
      bar?.stop();
    }
  }).catch((error: unknown) => {
    throw explainLocked(error, config.DATABASE_URL ? undefined : config.CONCORD_DATA_DIR, ref);
  });
  if (o.json) printJson(done);
  else if (!wait) out(`${formatRun(done)}a running server takes the job; follow it in the web app\n`);
  else out(formatRun(done));
  if (!wait) return;
  const { status, error } = done;
  if (status !== 'succeeded') {
    throw new DomainError(
      error?.code === 'pact.infeasible' ? 'unprocessable' : 'conflict',
      (error?.code ?? 'pact.run_failed') as `${string}.${string}`,
      error?.message ?? `the run ended ${status}`,
      error?.details,
    );
  }
}

type RuleOptions = CommonOptions & { note?: string; remove?: boolean };

export async function rule(kind: 'lock' | 'veto', ref: string, race: string, member: string, o: RuleOptions) {
  const result = await withDatabase(async ({ db }) => {
    const actor = await resolveCliActor(db, o.coalition, o.as);
    const pactId = await resolvePactId(db, actor, ref);
    const organizationId = await memberId(db, actor, pactId, member);
    return runWrite(db, o.dryRun === true, async (trx) => {
      if (o.remove) {
        if (kind === 'lock') await unlockRace(trx, actor, pactId, race);
        else await liftVeto(trx, actor, pactId, race, organizationId);
        return { removed: { kind, race, organizationId } };
      }
      const input = { race, organizationId, ...(o.note ? { note: o.note } : {}) };
      return kind === 'lock' ? lockRace(trx, actor, pactId, input) : vetoRace(trx, actor, pactId, input);
    });
  });
  if (o.json) return printJson(result);
  if ('removed' in result) out(`${kind} removed in race ${race}\n`);
  else
    out(
      `${kind === 'lock' ? 'locked' : 'vetoed'} ${result.member.name} in race ${result.race}; rerun the pact to apply it\n`,
    );
}

export async function swap(ref: string, a: string, b: string, o: CommonOptions & { note?: string }) {
  const version = await withDatabase(async ({ db }) => {
    const actor = await resolveCliActor(db, o.coalition, o.as);
    const pactId = await resolvePactId(db, actor, ref);
    return runWrite(db, o.dryRun === true, (trx) =>
      swapRaces(trx, actor, pactId, { races: [a, b], ...(o.note ? { note: o.note } : {}) }),
    );
  });
  if (o.json) printJson(version);
  else out(`${formatVersionLine(version)}\n`);
}

export async function versions(ref: string, o: CommonOptions & { show?: string }) {
  const result = await withDatabase(async ({ db }) => {
    const actor = await resolveReader(db, o.coalition, o.as);
    return tx(db, async (trx) => {
      const pactId = await resolvePactId(trx, actor, ref);
      return o.show ? getVersion(trx, actor, pactId, Number(o.show)) : listVersions(trx, actor, pactId);
    });
  });
  if (o.json) return printJson(result);
  if (!Array.isArray(result)) {
    const { formatReport } = await import('./allocate.format.ts');
    return out(`${formatVersionLine(result)}\n\n${formatReport(result.result)}`);
  }
  out(result.length === 0 ? 'no version yet\n' : `${result.map(formatVersionLine).join('\n')}\n`);
}

export async function compare(ref: string, from: string, to: string, o: CommonOptions) {
  const comparison = await withDatabase(async ({ db }) => {
    const actor = await resolveReader(db, o.coalition, o.as);
    return tx(db, async (trx) =>
      compareVersionNumbers(trx, actor, await resolvePactId(trx, actor, ref), Number(from), Number(to)),
    );
  });
  if (o.json) printJson(comparison);
  else out(formatComparison(comparison));
}

export async function consent(
  ref: string,
  race: string,
  o: CommonOptions & { stance: string; note?: string },
) {
  const stance = await withDatabase(async ({ db }) => {
    const actor = await resolveCliActor(db, o.coalition, o.as);
    const pactId = await resolvePactId(db, actor, ref);
    const input = parseWith(consentInputSchema, { stance: o.stance, note: o.note });
    return runWrite(db, o.dryRun === true, (trx) => recordConsent(trx, actor, pactId, race, input));
  });
  if (o.json) printJson(stance);
  else
    out(
      `${stance.organization.name} ${stance.stance === 'object' ? 'objects to' : 'consents to'} race ${race}\n`,
    );
}

export async function ratify(ref: string, o: CommonOptions & Record<string, string | boolean | undefined>) {
  const sent = await withDatabase(async ({ db }) => {
    const actor = await resolveCliActor(db, o.coalition, o.as);
    const pactId = await resolvePactId(db, actor, ref);
    const input = parseWith(ratifyInputSchema, {
      version: number(o.version as string | undefined),
      title: o.title,
      method: o.method,
      weighting: o.weighting,
      closesAt: o.closesAt,
    });
    return runWrite(db, o.dryRun === true, (trx) => sendToRatification(trx, actor, pactId, input));
  });
  if (o.json) printJson(sent);
  else
    out(
      `version ${sent.version} sent to ratification: decision ${sent.decisionId}, closes ${sent.closesAt}\n`,
    );
}

export async function exportFile(
  ref: string,
  o: CommonOptions & { version?: string; format?: string; output?: string },
) {
  const format = (o.format ?? 'pact') as ExportFormat;
  if (!['pact', 'report', 'csv'].includes(format))
    throw invalid('cli.invalid', '--format is pact, report or csv.');
  const file = await withDatabase(async ({ db }) => {
    const actor = await resolveReader(db, o.coalition, o.as);
    const version = await tx(db, async (trx) =>
      getVersion(trx, actor, await resolvePactId(trx, actor, ref), number(o.version)),
    );
    return exportVersion(version, format);
  });
  if (o.output) {
    await writeFile(o.output, file.body);
    process.stderr.write(`wrote ${o.output}\n`);
  } else out(file.body);
}
