/**
 * One RCTab run: read the config and every cast vote record source it names, tabulate (once, or once
 * per seat for multi-pass IRV), and write RCTab's detailed reports. The steps follow RCTab's
 * TabulatorSession so that its regression cases come out the same.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { type CdfOutputInput, cdfCvrReport } from '../../core/rctab/cdf-output.ts';
import { jacksonPretty } from '../../core/rctab/jackson-json.ts';
import { JavaRandom, javaShuffle } from '../../core/rctab/java-collections.ts';
import { type CvrCsvSource, rctabCvrCsv } from '../../core/rctab/rctab-cvr-csv.ts';
import { type ContestInfo, detailedCsv, detailedJson, type ReportScope } from '../../core/rctab/reports.ts';
import { type TabulationResult, tabulate } from '../../core/rctab/tabulator.ts';
import { compareJavaStrings } from '../../core/rctab/tiebreak.ts';
import {
  OVERVOTE_LABEL,
  type RctabContest,
  type RctabCvr,
  type TiebreakQuestion,
  UWI_LABEL,
} from '../../core/rctab/types.ts';
import { type RctabConfig, validateRctabConfig } from './rctab.config.ts';
import { readSource } from './readers/read-source.ts';
import { CvrReadError, sanitizeForOutput } from './readers/reader.ts';

export const GENERATED_BY = 'Concord 0.1.0 (RCTab 2.0.0 reports)';

export interface RctabRunOptions {
  /** Where reports go; defaults to the config's outputDirectory, relative to the config. */
  outDir?: string;
  /** RCTab's "convert to CDF": write the ballots as CDF JSON without tabulating. */
  convertToCdf?: boolean;
  /** Answers for interactive tiebreaks, used in order. */
  askTiebreak?: (question: TiebreakQuestion) => string;
}

export interface RctabRun {
  config: RctabConfig;
  outDir: string;
  /** The CVR export RCTab writes before every tabulation. */
  rctabCvr?: string;
  /** The CDF JSON of a conversion run. */
  converted?: string;
  /** One per pass: a single pass, or one per seat for multi-pass IRV. */
  passes: Array<{ winners: string[]; result: TabulationResult; files: string[] }>;
}

export async function loadRctabConfig(configPath: string): Promise<RctabConfig> {
  const text = await readFile(configPath, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CvrReadError(configPath, [`not valid JSON: ${(error as Error).message}`]);
  }
  const base = dirname(resolve(configPath));
  return validateRctabConfig(configPath, raw, (path) => existsSync(resolvePath(base, path)));
}

export async function runRctab(configPath: string, options: RctabRunOptions = {}): Promise<RctabRun> {
  const config = await loadRctabConfig(configPath);
  const base = dirname(resolve(configPath));
  const outDir = options.outDir
    ? resolve(options.outDir)
    : resolvePath(base, config.outputDirectory || 'output');
  const sources = await readAllSources(config, base);
  const cvrs = sources.flatMap((source) => source.cvrs);
  const info: ContestInfo = {
    name: config.contestName,
    jurisdiction: config.contestJurisdiction,
    office: config.contestOffice,
    date: config.contestDate,
    generatedBy: GENERATED_BY,
  };
  const run: RctabRun = { config, outDir, passes: [] };
  await mkdir(outDir, { recursive: true });
  const baseContest = buildContest(config, { askTiebreak: options.askTiebreak, random: null });
  if (options.convertToCdf) {
    const file = join(outDir, 'cdf_cvr.json');
    await writeFile(file, jacksonPretty(cdfCvrReport(cdfInput(config, baseContest, cvrs, null, 0, null))));
    run.converted = file;
    return run;
  }
  run.rctabCvr = join(outDir, 'rctab_cvr.csv');
  await writeFile(run.rctabCvr, rctabCvrCsv(sources, maxRankColumns(config), baseContest.nameForAlias));
  if (config.rules.winnerMode === 'multiPassIrv') {
    const seats = config.rules.numberOfWinners;
    const winners: string[] = [];
    while (winners.length < seats) {
      // RCTab seeds a new java.util.Random at the start of every pass.
      const random = randomFor(config);
      const contest = buildContest(config, {
        numberOfWinners: 1,
        alsoExcluded: winners,
        askTiebreak: options.askTiebreak,
        random,
      });
      const result = tabulate(contest, cvrs, random, { recordSnapshots: config.generateCdfJson });
      if (result.winners.length !== 1) {
        throw new CvrReadError(configPath, [
          `pass ${winners.length + 1} found ${result.winners.length} winners, not one`,
        ]);
      }
      const files = await writeReports(outDir, `${winners.length + 1}_`, info, contest, result, cvrs, config);
      winners.push(result.winners[0] as string);
      run.passes.push({ winners: [...winners], result, files });
    }
    return run;
  }
  const random = randomFor(config);
  const contest = buildContest(config, { askTiebreak: options.askTiebreak, random });
  const result = tabulate(contest, cvrs, random, { recordSnapshots: config.generateCdfJson });
  const files = await writeReports(outDir, '', info, contest, result, cvrs, config);
  run.passes.push({ winners: result.winners, result, files });
  return run;
}

async function readAllSources(config: RctabConfig, base: string): Promise<CvrCsvSource[]> {
  const all: CvrCsvSource[] = [];
  const nameForAlias = aliasMap(config);
  for (const source of config.sources) {
    const path = resolvePath(base, source.filePath);
    const cvrs = await readSource(path, source, { maxRankingsAllowed: config.rules.maxRankingsAllowed });
    const unknown = new Map<string, number>();
    for (const cvr of cvrs) {
      for (const [, candidates] of cvr.rankings) {
        for (const candidate of candidates) {
          if (candidate === UWI_LABEL || candidate === OVERVOTE_LABEL || nameForAlias.has(candidate))
            continue;
          unknown.set(candidate, (unknown.get(candidate) ?? 0) + 1);
        }
      }
    }
    if (unknown.size > 0) {
      throw new CvrReadError(path, [
        ...[...unknown].map(([name, count]) => `unrecognized candidate "${name}" appears ${count} time(s)`),
        'check the candidate names and aliases, firstVoteRowIndex, firstVoteColumnIndex and precinctColumnIndex',
      ]);
    }
    for (const cvr of cvrs) {
      const maxRank = cvr.rankings.at(-1)?.[0];
      if (maxRank !== undefined && maxRank > config.rules.maxRankingsAllowed) {
        throw new CvrReadError(path, [
          `CVR "${cvr.id}" has a ranking ${maxRank}, but the contest allows ${config.rules.maxRankingsAllowed}`,
        ]);
      }
    }
    all.push({
      filePath: source.filePath,
      provider: source.provider,
      undeclaredWriteInLabel: source.undeclaredWriteInLabel,
      cvrs,
    });
  }
  return all;
}

function aliasMap(config: RctabConfig): Map<string, string> {
  const map = new Map<string, string>();
  for (const candidate of config.candidates) {
    map.set(candidate.name, candidate.name);
    for (const alias of candidate.aliases) map.set(alias, candidate.name);
  }
  if (usesUndeclaredWriteIns(config)) map.set(UWI_LABEL, UWI_LABEL);
  return map;
}

function usesUndeclaredWriteIns(config: RctabConfig): boolean {
  return config.sources.some(
    (source) => source.undeclaredWriteInLabel !== '' || source.treatBlankAsUndeclaredWriteIn,
  );
}

function randomFor(config: RctabConfig): JavaRandom | null {
  const mode = config.rules.tiebreakMode;
  const needsSeed =
    mode === 'random' || mode === 'previousRoundCountsThenRandom' || mode === 'generatePermutation';
  return needsSeed && config.rules.randomSeed !== null ? new JavaRandom(config.rules.randomSeed) : null;
}

interface ContestOptions {
  numberOfWinners?: number;
  alsoExcluded?: readonly string[];
  askTiebreak: ((question: TiebreakQuestion) => string) | undefined;
  random: JavaRandom | null;
}

/** The tabulator's view of a config (RCTab's processCandidateData plus the permutation shuffle). */
export function buildContest(config: RctabConfig, options: ContestOptions): RctabContest {
  const names = config.candidates.map((candidate) => candidate.name);
  const candidateNames = usesUndeclaredWriteIns(config) ? [...names, UWI_LABEL] : names;
  const excluded = new Set([
    ...config.candidates.filter((candidate) => candidate.excluded).map((candidate) => candidate.name),
    ...(options.alsoExcluded ?? []),
  ]);
  let permutation = [...names];
  if (config.rules.tiebreakMode === 'generatePermutation' && options.random) {
    permutation = [...names].sort(compareJavaStrings);
    javaShuffle(permutation, options.random);
  }
  return {
    candidateNames,
    excluded,
    nameForAlias: aliasMap(config),
    candidatePermutation: permutation,
    slices: config.slices,
    rules: { ...config.rules, numberOfWinners: options.numberOfWinners ?? config.rules.numberOfWinners },
    ...(options.askTiebreak ? { askTiebreak: options.askTiebreak } : {}),
  };
}

async function writeReports(
  outDir: string,
  prefix: string,
  info: ContestInfo,
  contest: RctabContest,
  result: TabulationResult,
  cvrs: readonly RctabCvr[],
  config: RctabConfig,
): Promise<string[]> {
  const files: string[] = [];
  if (config.generateCdfJson) {
    const precincts = result.slices.get('precinct');
    const file = join(outDir, `${prefix}cdf_cvr.json`);
    await writeFile(
      file,
      jacksonPretty(
        cdfCvrReport(
          cdfInput(
            config,
            contest,
            cvrs,
            result,
            result.rounds.length,
            precincts ? [...precincts.keys()] : null,
          ),
        ),
      ),
    );
    files.push(file);
  }
  const write = async (dir: string, name: string, scope: ReportScope) => {
    await mkdir(dir, { recursive: true });
    const json = join(dir, `${prefix}${name}detailed_report.json`);
    const csv = join(dir, `${prefix}${name}detailed_report.csv`);
    await writeFile(json, detailedJson(info, contest, result, scope));
    await writeFile(csv, detailedCsv(info, contest, result, scope));
    files.push(json, csv);
  };
  await write(outDir, '', { rounds: result.rounds, transfers: result.transfers });
  for (const [slice, byId] of result.slices) {
    const used = new Set<string>();
    for (const [id, sliceResult] of byId) {
      let fileId = sanitizeForOutput(id);
      for (let n = 1; used.has(fileId); n++) fileId = `${sanitizeForOutput(id)}_${n}`;
      used.add(fileId);
      await write(
        join(outDir, `Tabulate by ${slice === 'precinct' ? 'Precinct' : 'Batch'}`),
        `${fileId}_${slice}_`,
        {
          slice: { kind: slice, id },
          rounds: sliceResult.rounds,
          transfers: sliceResult.transfers,
        },
      );
    }
  }
  return files;
}

function cdfInput(
  config: RctabConfig,
  contest: RctabContest,
  cvrs: readonly RctabCvr[],
  result: TabulationResult | null,
  numRounds: number,
  precincts: string[] | null,
): CdfOutputInput {
  return {
    cvrs,
    snapshots: result?.snapshots ?? null,
    numRounds,
    contestName: config.contestName,
    jurisdiction: config.contestJurisdiction,
    candidateNames: contest.candidateNames,
    includeOvervoteCandidate: config.sources.some((source) => source.overvoteLabel !== ''),
    precincts,
    generatedDate: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

/** The rank columns of the CVR export: maxRankingsAllowed, or every declared candidate for "max". */
function maxRankColumns(config: RctabConfig): number {
  return Number.isFinite(config.rules.maxRankingsAllowed)
    ? config.rules.maxRankingsAllowed
    : config.candidates.length;
}

function resolvePath(base: string, path: string): string {
  return isAbsolute(path) ? path : join(base, path);
}
