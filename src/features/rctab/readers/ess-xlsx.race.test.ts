/**
 * exceljs 4.4.0's streaming reader could let xl/sharedStrings.xml slip past unread, so text cells
 * came out as `{ sharedString: n }` (exceljs#683; docs/decisions/0018). About one read in 200 of
 * this small workbook went wrong that way, three reads at a time; 600 reads catch it with a
 * probability of about 97%. Every read must equal the first, name for name and row for row.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CvrSourceConfig } from '../rctab.config.ts';
import { readEssXlsx } from './ess-xlsx.ts';

const workbook = join(
  import.meta.dirname,
  '../../../../test/fixtures/rctab/cases/test_set_overvote_delimiter/test_set_overvote_delimiter_cvr.xlsx',
);

const source: CvrSourceConfig = {
  filePath: workbook,
  provider: 'ess',
  contestId: '',
  firstVoteColumnIndex: 2,
  firstVoteRowIndex: 2,
  idColumnIndex: 1,
  batchColumnIndex: null,
  precinctColumnIndex: null,
  overvoteDelimiter: '|',
  overvoteLabel: '',
  skippedRankLabel: '',
  undeclaredWriteInLabel: '',
  treatBlankAsUndeclaredWriteIn: false,
};

describe('reading an ES&S workbook as a stream', () => {
  it('reads every text cell and every row the same way, 600 times, three at a time', async () => {
    const read = () => readEssXlsx(workbook, source, { maxRankingsAllowed: Number.POSITIVE_INFINITY });
    const first = await read();
    const candidates = new Set(first.flatMap((cvr) => cvr.rankings.flatMap(([, names]) => names)));
    expect([...candidates].sort()).toEqual(['A', 'B', 'C', 'D']);
    let differing = 0;
    for (let round = 0; round < 200; round++) {
      const reads = await Promise.all([read(), read(), read()]);
      differing += reads.filter((cvrs) => JSON.stringify(cvrs) !== JSON.stringify(first)).length;
    }
    expect(differing).toBe(0);
  }, 60_000);
});
