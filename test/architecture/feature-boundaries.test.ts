import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const fixtures = 'test/architecture/fixtures/boundaries';

/**
 * The repository's own biome.json on probe files laid out as in the repository: the config skips
 * `fixtures/` folders, so the probes are linted from a temporary copy.
 */
describe('feature boundaries (biome.json noRestrictedImports)', () => {
  let dir: string;
  let report: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'concord-boundaries-'));
    cpSync(fixtures, dir, { recursive: true });
    cpSync('biome.json', join(dir, 'biome.json'));
    const biome = join(process.cwd(), 'node_modules/.bin/biome');
    const result = await run(biome, ['lint', '--vcs-enabled=false', '--max-diagnostics=50', '.'], {
      cwd: dir,
    }).catch((error: { stdout: string; stderr: string }) => error);
    report = `${result.stdout}\n${result.stderr}`;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("fails an import of another feature's internal file", () => {
    expect(report).toContain('src/features/pacts/internal-import.ts');
    expect(report).toContain('Import registry through its public entry ../registry/index.ts');
  });

  it('fails a reverse edge in the feature order', () => {
    expect(report).toContain('src/features/registry/reverse-edge.ts');
    expect(report).toContain('Feature order: registry may import only accounts, audit, tabulation');
  });

  it('fails server code in a schema module, and in the web app', () => {
    expect(report).toContain('src/features/decisions/server-in.schema.ts');
    expect(report).toContain('Schema and contract modules are shared with the web app');
    expect(report).toContain('web/src/pages/server-import.ts');
    expect(report).toContain("The web app imports a feature's <name>.contract.ts and <name>.schema.ts only");
  });

  it("passes an import of a feature's index.ts from a sub-folder, and of src/core", () => {
    expect(report).not.toContain('src/features/pacts/runs/public-import.ts');
  });
});
