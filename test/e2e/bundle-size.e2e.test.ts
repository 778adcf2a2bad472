import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

/** The budget for the first load, excluding map data (which loads with the map pages). */
const budgetBytes = 300 * 1024;

/** The JavaScript a first visit downloads: index.html's entry module and the chunks it preloads. */
function firstLoadScripts(indexHtml: string): string[] {
  const entry = [...indexHtml.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const preloads = [...indexHtml.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );
  return [...new Set([...entry, ...preloads])];
}

describe('web bundle (the run builds it: global-setup.ts)', () => {
  const dist = inject('webDist');
  it(`keeps the first load under ${budgetBytes / 1024} KB of gzipped JavaScript`, () => {
    const scripts = firstLoadScripts(readFileSync(join(dist, 'index.html'), 'utf8'));
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((src) => ({
      src,
      gzip: gzipSync(readFileSync(join(dist, src))).length,
    }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    console.log(
      `first load: ${(total / 1024).toFixed(1)} KB gzipped JS in ${sizes.length} files\n` +
        sizes.map((s) => `  ${s.src} ${(s.gzip / 1024).toFixed(1)} KB`).join('\n'),
    );
    expect(total).toBeLessThan(budgetBytes);
  });
});
