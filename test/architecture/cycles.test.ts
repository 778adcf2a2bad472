import { describe, expect, it } from 'vitest';
import { findCycles, importGraph } from '../../scripts/check-cycles.ts';

describe('import-cycle check (npm run lint:cycles)', () => {
  it('finds a run-time cycle and ignores type-only imports', async () => {
    const graph = await importGraph(['test/architecture/fixtures/cycle']);
    expect(findCycles(graph)).toEqual([
      [
        'test/architecture/fixtures/cycle/a.ts',
        'test/architecture/fixtures/cycle/b.ts',
        'test/architecture/fixtures/cycle/c.ts',
      ],
    ]);
  });
});
