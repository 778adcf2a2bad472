import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import tennessee from '../../core/tabulate/golden/tennessee.golden.json' with { type: 'json' };
import { registerTabulationCommands } from './tabulation.cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'concord-tabulate-'));
const ballots = join(dir, 'tennessee.csv');
writeFileSync(ballots, tennessee.ballots.join('\n'));
const broken = join(dir, 'broken.csv');
writeFileSync(broken, 'rank1,rank2\nMemphis,Memphis=\n');

/** Runs `concord tabulate …` in this process; returns what it printed and its exit code. */
async function run(...args: string[]) {
  const program = new Command('concord').exitOverride();
  registerTabulationCommands(program);
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  await program.parseAsync(['node', 'concord', 'tabulate', ...args]);
  const printed = {
    stdout: out.mock.calls.join(''),
    stderr: err.mock.calls.join(''),
    code: process.exitCode ?? 0,
  };
  out.mockRestore();
  err.mockRestore();
  return printed;
}

afterEach(() => {
  process.exitCode = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('concord tabulate', () => {
  it('prints the DESIGN JSON with --json', async () => {
    const { stdout, code } = await run(ballots, '--json');
    const result = JSON.parse(stdout);
    expect(code).toBe(0);
    expect(result).toMatchObject({
      method: 'irv',
      seats: 1,
      winners: ['Knoxville'],
      condorcetWinner: 'Nashville',
    });
    expect(result.rounds[2].tallies).toEqual({ Knoxville: 58, Memphis: 42 });
  });

  it('prints a round table by default and takes every documented flag', async () => {
    const { stdout } = await run(
      ballots,
      '--method',
      'bottoms-up',
      '--seats',
      '2',
      '--overvote',
      'skip',
      '--max-skipped',
      '1',
      '--duplicate',
      'exhaust',
      '--tiebreak',
      'random',
      '--seed',
      '42',
      '--batch-elimination',
    );
    expect(stdout).toContain('Bottoms-up IRV: 2 seats, 4 candidates');
    expect(stdout).toMatch(/Chattanooga\s+15 x/);
    expect(stdout).toContain('Winners: Knoxville, Memphis');
  });

  it('reports a bad file on stderr with row, column and reason, exit code 2, nothing on stdout', async () => {
    const { stdout, stderr, code } = await run(broken, '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('row 2, column rank2: malformed overvote');
    expect(stderr).toContain('[ballot.malformed_overvote]');
  });

  it('exits 3 when the count stops on a tie', async () => {
    const tie = join(dir, 'tie.csv');
    writeFileSync(tie, 'rank1\nA\nB\n');
    const { stdout, code } = await run(tie, '--tiebreak', 'stop');
    expect(code).toBe(3);
    expect(stdout).toContain('unbroken tie between A, B');
  });
});
