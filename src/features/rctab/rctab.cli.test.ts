import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runConcord } from '../../../test/helpers/run-concord.ts';
import { registerRctabCommands } from './rctab.cli.ts';

const cases = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'rctab', 'cases');
const dir = mkdtempSync(join(tmpdir(), 'concord-rctab-cli-'));

/** Runs `concord rctab …` in this process; returns what it printed and its exit code. */
async function run(...args: string[]) {
  const { stdout, stderr, exitCode } = await runConcord(registerRctabCommands, 'rctab', ...args);
  return { stdout, stderr, code: exitCode };
}

afterEach(() => {
  process.exitCode = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('concord rctab', () => {
  it('writes the reports to --out and prints the winners and files with --json', async () => {
    const out = join(dir, 'hart');
    const { stdout, code } = await run(
      join(cases, 'hart_travis_county_officers', 'hart_travis_county_officers_config.json'),
      '--out',
      out,
      '--json',
    );
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed.winners).toHaveLength(1);
    expect(printed.files).toContain(join(out, 'detailed_report.csv'));
    expect(existsSync(join(out, 'detailed_report.json'))).toBe(true);
    expect(existsSync(join(out, 'rctab_cvr.csv'))).toBe(true);
  });

  it('exits 2 on an invalid config and names every bad key, writing nothing', async () => {
    const out = join(dir, 'invalid');
    const { stderr, code } = await run(
      join(cases, 'invalid_params_test', 'invalid_params_test_config.json'),
      '--out',
      out,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('rules.tiebreakMode');
    expect(stderr).toContain('rules.maxSkippedRanksAllowed');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 naming the file and the unknown name when a CVR holds an undeclared candidate', async () => {
    const source = join(cases, 'test_set_allow_only_one_winner_per_round');
    const config = JSON.parse(
      readFileSync(join(source, 'test_set_allow_only_one_winner_per_round_config.json'), 'utf8'),
    );
    config.candidates = config.candidates.filter((candidate: { name: string }) => candidate.name !== 'D');
    config.cvrFileSources[0].filePath = join(source, 'test_set_allow_only_one_winner_per_round_cvr.xlsx');
    const path = join(dir, 'missing-candidate.json');
    writeFileSync(path, JSON.stringify(config));
    const { stderr, code } = await run(path, '--out', join(dir, 'missing-candidate'));
    expect(code).toBe(2);
    expect(stderr).toContain('unrecognized candidate "D"');
    expect(stderr).toContain('test_set_allow_only_one_winner_per_round_cvr.xlsx');
  });

  it('stops with exit 3 at a tie the config leaves to the operator, and counts with --tiebreak-answers', async () => {
    const config = join(cases, 'sample_interactive_tiebreak', 'sample_interactive_tiebreak_config.json');
    const stopped = await run(config, '--out', join(dir, 'tie-stopped'));
    expect(stopped.code).toBe(3);
    expect(stopped.stderr).toContain('--tiebreak-answers');
    // Answer each tie as it comes (the first tied name), as a script replaying an operator's decisions.
    const answers: string[] = [];
    let attempt = stopped;
    for (let i = 0; i < 10 && attempt.code === 3; i++) {
      const tied = /among (.+): the config/.exec(attempt.stderr)?.[1]?.split(', ') ?? [];
      expect(tied.length).toBeGreaterThan(1);
      answers.push(tied[0] as string);
      process.exitCode = undefined;
      attempt = await run(
        config,
        '--out',
        join(dir, 'tie-answered'),
        '--json',
        '--tiebreak-answers',
        ...answers,
      );
    }
    expect(attempt.code, attempt.stderr).toBe(0);
    expect(JSON.parse(attempt.stdout).winners).toHaveLength(1);
  });

  it('converts the CVRs to CDF JSON without counting', async () => {
    const out = join(dir, 'cdf');
    const { code, stdout } = await run(
      join(cases, 'conversions_from_ess', 'conversions_from_ess_config.json'),
      '--convert-to-cdf',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('cdf_cvr.json');
    expect(JSON.parse(readFileSync(join(out, 'cdf_cvr.json'), 'utf8'))['@type']).toBe(
      'CVR.CastVoteRecordReport',
    );
    expect(existsSync(join(out, 'detailed_report.json'))).toBe(false);
  });
});
