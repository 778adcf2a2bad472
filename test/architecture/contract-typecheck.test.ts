import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const fixtures = resolve('test/architecture/fixtures/contract');
const dir = mkdtempSync(join(tmpdir(), 'concord-contract-tsc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `tsc` with the repository's options on one fixture file (the fixtures are outside the main typecheck). */
async function typecheck(file: string): Promise<{ ok: boolean; output: string }> {
  const config = join(dir, `${file}.tsconfig.json`);
  writeFileSync(
    config,
    JSON.stringify({
      extends: resolve('tsconfig.json'),
      compilerOptions: { types: [] },
      include: [],
      // vite-env.d.ts: web components import their CSS, which only Vite's types declare.
      files: [join(fixtures, file), resolve('web/src/vite-env.d.ts')],
    }),
  );
  const tsc = resolve('node_modules/.bin/tsc');
  try {
    const { stdout } = await run(tsc, ['--noEmit', '-p', config]);
    return { ok: true, output: stdout };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { ok: false, output: `${stdout}${stderr}` };
  }
}

/**
 * The contract is the single source of a payload's shape: the typecheck of a page breaks when the
 * contract changes under it. Each case runs `tsc` on a fixture that must pass or must fail.
 */
describe('contracts in the typecheck', () => {
  it('accepts a page that reads the response as the contract declares it', async () => {
    const result = await typecheck('page-reads-field.ts');
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('fails a page that reads a response field the contract renamed', async () => {
    const result = await typecheck('page-after-rename.ts');
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(
      /page-after-rename\.ts.*error TS2339: Property 'nextAfterSeq' does not exist/,
    );
  });

  it('fails a call with the wrong path parameter', async () => {
    const result = await typecheck('path-param-missing.ts');
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/path-param-missing\.ts.*error TS2353:.*'widgetId'/);
  });

  it('fails a switch over error codes that leaves one of the contract out', async () => {
    const result = await typecheck('switch-misses-code.ts');
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(
      /switch-misses-code\.ts.*error TS2345: Argument of type '"auth\.rate_limited"'/,
    );
  });

  it('accepts a form whose fields are keys of the contract body schema', async () => {
    const result = await typecheck('form-field-in-schema.tsx');
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('fails a form field named outside the contract body schema', async () => {
    const result = await typecheck('form-field-not-in-schema.tsx');
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(
      /form-field-not-in-schema\.tsx.*error TS2322: Type '"reason"' is not assignable/,
    );
  });
});
