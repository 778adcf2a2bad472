import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFailure } from '../src/cli/run-command.ts';
import { runCli } from './helpers/server-process.ts';

describe('the CLI never prints a stack trace', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-cli-errors-'));
  const env = { CONCORD_DATA_DIR: dataDir, DATABASE_URL: undefined };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers a foreign-key error with one line and exit 2', async () => {
    expect((await runCli(['coalition', 'create', '--slug', 'fk-test', '--name', 'FK'], env)).code).toBe(0);
    const run = await runCli(
      [
        'user',
        'create',
        '--email',
        'fk@test.example',
        '--coalition',
        'fk-test',
        '--role',
        'delegate',
        '--organization',
        '7d1f0000-0000-4000-8000-000000000000',
        '--password',
        'a long enough password',
      ],
      env,
    );
    expect(run.code).toBe(2);
    const lines = run.stderr
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('database: '));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: a referenced row does not exist \(.*\) \[database\.foreign_key\]$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('maps each kind of failure to its line and exit code, at the one mapper', () => {
    const sqlError = (code: string, message: string) =>
      Object.assign(new Error(message), { code, table: 'ballots', constraint: 'ballots_fk' });
    expect(describeFailure(sqlError('23503', 'insert or update violates foreign key'))).toEqual({
      line: 'error: a referenced row does not exist (table ballots, constraint ballots_fk) [database.foreign_key]',
      exitCode: 2,
    });
    expect(describeFailure(sqlError('23505', 'duplicate key')).exitCode).toBe(3);
    expect(describeFailure(sqlError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'))).toEqual({
      line: 'error: invalid byte sequence for encoding "UTF8": 0x00 [database.invalid_value]',
      exitCode: 2,
    });
    expect(describeFailure(new TypeError('boom'))).toEqual({ line: 'error: boom', exitCode: 1 });
  });
});
