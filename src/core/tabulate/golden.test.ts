import { describe, expect, it } from 'vitest';
import meekOpavote from './golden/meek-opavote.golden.json' with { type: 'json' };
import schulzeWikipedia from './golden/schulze-wikipedia.golden.json' with { type: 'json' };
import stvFood from './golden/stv-food.golden.json' with { type: 'json' };
import stvTruncation from './golden/stv-truncation.golden.json' with { type: 'json' };
import tennessee from './golden/tennessee.golden.json' with { type: 'json' };
import { readBallotText } from './parse/ballot-reader.ts';
import { tabulate } from './tabulate.ts';
import type { TabulationOptions } from './types.ts';

/**
 * Published elections and their published figures (each file names its source). `expected` is a
 * partial result: every key it lists must match exactly, arrays element by element.
 */
interface GoldenElection {
  election: string;
  source: string;
  ballots: string[];
  cases: { options: Record<string, unknown>; expected: Record<string, unknown> }[];
}

const elections: GoldenElection[] = [tennessee, schulzeWikipedia, stvFood, stvTruncation, meekOpavote];

describe.each(elections)('$election', (election) => {
  const store = readBallotText(election.ballots.join('\n'));
  it.each(election.cases)('$options', ({ options, expected }) => {
    const result = tabulate(store, options as Partial<TabulationOptions>);
    expect(result).toMatchObject(expected);
  });
});
