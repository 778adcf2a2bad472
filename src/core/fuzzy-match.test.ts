import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from './fuzzy-match.ts';

describe('fuzzy matching for the command palette', () => {
  it('matches a subsequence, ignoring case and accents, and refuses what is not one', () => {
    expect(fuzzyScore('hg', 'Harbor Greens')).not.toBeNull();
    expect(fuzzyScore('dona ana', 'Doña Ana County')).not.toBeNull();
    expect(fuzzyScore('gh', 'Harbor Greens')).toBeNull();
    expect(fuzzyScore('xyz', 'Harbor Greens')).toBeNull();
  });

  it('ranks a prefix above a word inside, and that above scattered letters', () => {
    const labels = ['Delaware Yankee Network', 'Greater Wayne Alliance', 'Wayne County'];
    expect(fuzzyFilter('wayne', labels, (l) => l)).toEqual([
      'Wayne County',
      'Greater Wayne Alliance',
      'Delaware Yankee Network',
    ]);
    expect(fuzzyFilter('wyn', labels, (l) => l)[0]).toBe('Wayne County');
  });

  it('every result holds the query as a subsequence; the empty query keeps every item in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 20 }),
        fc.string({ maxLength: 4 }),
        (labels, query) => {
          const found = fuzzyFilter(query, labels, (l) => l, 100);
          for (const label of found) expect(fuzzyScore(query, label)).not.toBeNull();
          if (query.trim() === '') expect(found).toEqual(labels);
        },
      ),
    );
  });
});
