/**
 * `npm run bench -- tabulate`: the vote tabulation engine against its targets (issue 3).
 * - IRV, 1M ballots × ≤10 ranks × 12 candidates (seeded CSV in a temp dir): the whole
 *   `concord tabulate FILE --json` process (< 2 s), and in this process reading and counting apart
 *   (count < 0.5 s), with a naive per-round rescan measured on the same ballots for the ratio;
 * - Meek STV, 100k ballots, 20 candidates, 5 seats (< 2 s), against a ballot-by-ballot Meek.
 * Times are wall clock, best and median of a few runs; the machine may be shared.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBallotText } from '../../src/core/tabulate/index.ts';
import {
  countBallots,
  parseTabulationOptions,
  readBallotSource,
} from '../../src/features/tabulation/index.ts';
import { candidateName, syntheticRankings, writeBallotCsv } from './generate.ts';
import { naiveIrv, naiveMeek, parseNaively } from './naive.ts';

const root = join(import.meta.dirname, '..', '..');
const runs = 3;

function timed<T>(work: () => T): { value: T; seconds: number } {
  const start = performance.now();
  const value = work();
  return { value, seconds: (performance.now() - start) / 1000 };
}

async function timedAsync<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - start) / 1000 };
}

const best = (times: number[]) => Math.min(...times);
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
const seconds = (value: number) => `${value.toFixed(3)} s`;
const verdict = (value: number, target: number) =>
  value < target ? `✓ < ${target} s` : `✗ target ${target} s`;
const line = (label: string, text: string) => console.log(`  ${label.padEnd(16)}${text}`);

async function benchIrv(dir: string): Promise<void> {
  const file = join(dir, 'ballots-1m.csv');
  const spec = { ballots: 1_000_000, candidates: 12, maxRanks: 10, seed: 20261123 };
  const generated = await timedAsync(() => writeBallotCsv(file, spec));
  const megabytes = statSync(file).size / 1e6;
  console.log(
    `IRV: ${spec.ballots.toLocaleString('en')} ballots, ${spec.candidates} candidates, ≤${spec.maxRanks} ranks, ` +
      `${megabytes.toFixed(1)} MB CSV (seed ${spec.seed}, written in ${seconds(generated.seconds)})`,
  );

  const wholeTimes: number[] = [];
  let cliWinners: unknown = null;
  for (let i = 0; i < runs; i++) {
    const run = timed(() =>
      spawnSync(process.execPath, [join(root, 'bin', 'concord.js'), 'tabulate', file, '--json'], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      }),
    );
    if (run.value.status !== 0) throw new Error(`concord tabulate failed: ${run.value.stderr}`);
    cliWinners = JSON.parse(run.value.stdout).winners;
    wholeTimes.push(run.seconds);
  }
  line(
    'whole process',
    `${seconds(best(wholeTimes))} best, ${seconds(median(wholeTimes))} median  ${verdict(best(wholeTimes), 2)}`,
  );

  const settings = parseTabulationOptions({ method: 'irv' });
  const parseTimes: number[] = [];
  const countTimes: number[] = [];
  let result = null;
  let store = null;
  for (let i = 0; i < runs; i++) {
    const read = await timedAsync(() => readBallotSource(createReadStream(file, { highWaterMark: 1 << 20 })));
    store = read.value;
    parseTimes.push(read.seconds);
    const counted = timed(() => countBallots(read.value, settings));
    result = counted.value;
    countTimes.push(counted.seconds);
  }
  if (result === null || store === null) return;
  const storeBytes = store.tokens.byteLength + store.offsets.byteLength + store.weights.byteLength;
  line(
    'parse',
    `${seconds(best(parseTimes))} best, ${seconds(median(parseTimes))} median  ` +
      `(${store.size.toLocaleString('en')} groups of identical ballots, ${(storeBytes / 1e6).toFixed(1)} MB of ballots)`,
  );
  line(
    'count',
    `${seconds(best(countTimes))} best, ${seconds(median(countTimes))} median  ${verdict(best(countTimes), 0.5)}  ` +
      `(${result.rounds.length} rounds, pairwise table included)`,
  );

  const naiveInput = parseNaively(readFileSync(file, 'utf8'));
  const naive = timed(() => naiveIrv(naiveInput));
  const same =
    naive.value.winner === result.winners[0] &&
    naive.value.rounds.every((tallies, r) =>
      [...tallies].every(([name, votes]) => result.rounds[r]?.tallies[name] === votes),
    );
  line(
    'naive count',
    `${seconds(naive.seconds)}  rescanning every ballot each round: the engine counts ` +
      `${(naive.seconds / best(countTimes)).toFixed(1)}× faster; same rounds and winner: ${same ? 'yes' : 'NO'}`,
  );
  line('winner', `${result.winners.join(', ')} (CLI: ${JSON.stringify(cliWinners)})`);
}

function benchMeek(): void {
  const spec = { ballots: 100_000, candidates: 20, maxRanks: 10, seed: 7 };
  const seats = 5;
  const rankings = [...syntheticRankings(spec)];
  const header = Array.from({ length: spec.maxRanks }, (_, i) => `rank${i + 1}`).join(',');
  const pad = (cells: string[]) => [...cells, ...Array<string>(spec.maxRanks - cells.length).fill('')];
  const text = [header, ...rankings.map((ranks) => pad(ranks.map(candidateName)).join(','))].join('\n');
  const store = readBallotText(text);
  console.log(
    `Meek STV: ${spec.ballots.toLocaleString('en')} ballots, ${spec.candidates} candidates, ${seats} seats`,
  );
  const settings = parseTabulationOptions({ method: 'meek', seats });
  const times: number[] = [];
  let result = null;
  for (let i = 0; i < runs; i++) {
    const counted = timed(() => countBallots(store, settings));
    result = counted.value;
    times.push(counted.seconds);
  }
  if (result === null) return;
  const iterations = result.rounds.reduce((sum, round) => sum + (round.iterations ?? 0), 0);
  line(
    'count',
    `${seconds(best(times))} best, ${seconds(median(times))} median  ${verdict(best(times), 2)}  (${result.rounds.length} rounds, ${iterations} iterations)`,
  );
  const naive = timed(() => naiveMeek(rankings, spec.candidates, seats, 9));
  const naiveWinners = naive.value.map(candidateName).sort();
  const same = JSON.stringify(naiveWinners) === JSON.stringify([...result.winners].sort());
  line(
    'naive count',
    `${seconds(naive.seconds)}  walking every ballot at every iteration: the engine counts ` +
      `${(naive.seconds / best(times)).toFixed(1)}× faster; same winners: ${same ? 'yes' : 'NO'}`,
  );
  line('winners', result.winners.join(', '));
}

const dir = mkdtempSync(join(tmpdir(), 'concord-bench-tabulate-'));
try {
  await benchIrv(dir);
  benchMeek();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
