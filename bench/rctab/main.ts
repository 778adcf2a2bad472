/**
 * `npm run bench -- rctab`: `concord rctab` on official-style cast vote records (issue 15).
 * - the 2013 Minneapolis mayor scale case (13 ES&S .xlsx files, 1.04M ballots, RCTab's own QA case),
 *   when ../shared/rctab/cases is present;
 * - a generated 1M-ballot ES&S-style .xlsx (seeded), and the same ballots as NIST CDF JSON.
 * For each: the whole `concord rctab` process (wall and CPU), and in this process reading the ballots
 * apart from counting them — the baseline the count is measured against, since RCTab itself (Java,
 * built with Gradle from Maven Central) cannot be built on these machines.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JavaRandom } from '../../src/core/rctab/java-collections.ts';
import { tabulate } from '../../src/core/rctab/tabulator.ts';
import type { RctabCvr } from '../../src/core/rctab/types.ts';
import { buildContest, loadRctabConfig } from '../../src/features/rctab/rctab.session.ts';
import { readSource } from '../../src/features/rctab/readers/read-source.ts';
import { writeCdfJson, writeEssXlsx } from './generate.ts';

const root = join(import.meta.dirname, '..', '..');
/** The workspace's shared/ folder: beside the checkout (../shared) or further up. */
function sharedCase(name: string): string {
  let dir = root;
  for (let up = 0; up < 4; up++) {
    dir = join(dir, '..');
    const candidate = join(dir, 'shared', 'rctab', 'cases', name);
    if (existsSync(candidate)) return candidate;
  }
  return join(root, '..', 'shared', 'rctab', 'cases', name);
}
const scaleCase = sharedCase('2013_minneapolis_mayor_scale');
const seconds = (value: number) => `${value.toFixed(2)} s`;
const line = (label: string, text: string) => console.log(`  ${label.padEnd(22)}${text}`);

function wholeProcess(config: string, out: string): { wall: number; cpu: number; winners: string[] } {
  const start = performance.now();
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%U %S %M',
      process.execPath,
      join(root, 'bin', 'concord.js'),
      'rctab',
      config,
      '--out',
      out,
      '--json',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const wall = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`concord rctab failed: ${run.stderr}`);
  const [user, system, maxKb] = run.stderr.trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
  line('peak memory', `${((maxKb ?? 0) / 1024).toFixed(0)} MB`);
  return { wall, cpu: (user ?? 0) + (system ?? 0), winners: JSON.parse(run.stdout).winners };
}

async function inProcess(configPath: string): Promise<{ read: number; count: number; ballots: number }> {
  const config = await loadRctabConfig(configPath);
  const base = join(configPath, '..');
  const readStart = performance.now();
  const cvrs: RctabCvr[] = [];
  for (const source of config.sources) {
    const path = source.filePath.startsWith('/') ? source.filePath : join(base, source.filePath);
    // One at a time: spreading a million records into push() overflows the call stack.
    for (const cvr of await readSource(path, source, { maxRankingsAllowed: config.rules.maxRankingsAllowed }))
      cvrs.push(cvr);
  }
  const read = (performance.now() - readStart) / 1000;
  const random = config.rules.randomSeed === null ? null : new JavaRandom(config.rules.randomSeed);
  const contest = buildContest(config, { askTiebreak: undefined, random });
  const countStart = performance.now();
  const result = tabulate(contest, cvrs, random);
  const count = (performance.now() - countStart) / 1000;
  line('rounds', String(result.rounds.length));
  return { read, count, ballots: cvrs.length };
}

async function benchConfig(label: string, config: string, out: string): Promise<void> {
  console.log(label);
  const whole = wholeProcess(config, out);
  line(
    'whole process',
    `${seconds(whole.wall)} wall, ${seconds(whole.cpu)} CPU; winner(s) ${whole.winners.join(', ')}`,
  );
  const parts = await inProcess(config);
  line('ballots', parts.ballots.toLocaleString('en'));
  line(
    'reading the CVRs',
    `${seconds(parts.read)} (${Math.round(parts.ballots / parts.read).toLocaleString('en')} ballots/s)`,
  );
  line(
    'counting',
    `${seconds(parts.count)} — ${(parts.read / parts.count).toFixed(1)}× faster than reading them`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'concord-bench-rctab-'));
try {
  console.log(
    `load average ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (existsSync(scaleCase)) {
    await benchConfig(
      '2013 Minneapolis mayor, scale case (13 × ES&S .xlsx)',
      join(scaleCase, '2013_minneapolis_mayor_scale_config.json'),
      join(dir, 'scale'),
    );
  } else console.log(`(skipped the Minneapolis scale case: ${scaleCase} is not here)`);

  const spec = { ballots: 1_000_000, candidates: 12, maxRanks: 10, seed: 20261203 };
  const xlsx = join(dir, 'generated_cvr.xlsx');
  const start = performance.now();
  await writeEssXlsx(xlsx, spec);
  console.log(
    `\nGenerated ES&S .xlsx: ${spec.ballots.toLocaleString('en')} ballots, ${spec.candidates} candidates, ≤${spec.maxRanks} ranks, ` +
      `${(statSync(xlsx).size / 1e6).toFixed(1)} MB (written in ${seconds((performance.now() - start) / 1000)})`,
  );
  const essConfig = join(dir, 'ess_config.json');
  writeFileSync(
    essConfig,
    JSON.stringify(
      generatedConfig(spec, {
        filePath: 'generated_cvr.xlsx',
        provider: 'ess',
        firstVoteColumnIndex: '2',
        firstVoteRowIndex: '2',
        idColumnIndex: '1',
        overvoteLabel: 'overvote',
        skippedRankLabel: 'undervote',
      }),
    ),
  );
  await benchConfig('1M ballots, ES&S .xlsx', essConfig, join(dir, 'ess'));

  const cdf = join(dir, 'generated_cvr.json');
  await writeCdfJson(cdf, spec);
  console.log(`\nGenerated NIST CDF JSON: the same ballots, ${(statSync(cdf).size / 1e6).toFixed(1)} MB`);
  const cdfConfig = join(dir, 'cdf_config.json');
  writeFileSync(
    cdfConfig,
    JSON.stringify(
      generatedConfig(spec, {
        filePath: 'generated_cvr.json',
        provider: 'cdf',
        contestId: 'Generated contest',
      }),
    ),
  );
  await benchConfig('1M ballots, CDF JSON', cdfConfig, join(dir, 'cdf'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function generatedConfig(spec: { candidates: number; maxRanks: number }, source: Record<string, string>) {
  return {
    tabulatorVersion: 'TEST',
    outputSettings: {
      contestName: 'Generated contest',
      outputDirectory: 'output',
      contestDate: '',
      contestJurisdiction: '',
      contestOffice: '',
    },
    cvrFileSources: [source],
    candidates: Array.from({ length: spec.candidates }, (_, i) => ({
      name: `C${String(i + 1).padStart(2, '0')}`,
      excluded: false,
    })),
    rules: {
      tiebreakMode: 'random',
      overvoteRule: 'exhaustImmediately',
      winnerElectionMode: 'singleWinnerMajority',
      randomSeed: '1',
      numberOfWinners: '1',
      decimalPlacesForVoteArithmetic: '4',
      maxSkippedRanksAllowed: 'unlimited',
      maxRankingsAllowed: String(spec.maxRanks),
      nonIntegerWinningThreshold: false,
      doesFirstRoundDetermineThreshold: false,
      hareQuota: false,
      batchElimination: false,
      continueUntilTwoCandidatesRemain: false,
      exhaustOnDuplicateCandidate: false,
    },
  };
}
