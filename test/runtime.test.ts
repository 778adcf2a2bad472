import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// decision 0009: npm scripts run on the `node` package from the registry, never the machine's Node 20.
describe('runtime', () => {
  it('runs on the Node.js LTS line that package.json declares', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      engines: { node: string };
      dependencies: Record<string, string>;
    };
    const declared = Number(/(\d+)/.exec(pkg.engines.node)?.[1]);
    const installed = Number(/(\d+)/.exec(pkg.dependencies.node ?? '')?.[1]);
    const running = Number(process.versions.node.split('.')[0]);
    expect(declared).toBeGreaterThanOrEqual(24);
    expect(installed).toBe(declared);
    expect(running).toBe(installed);
  });
});
