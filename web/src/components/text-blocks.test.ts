import { describe, expect, it } from 'vitest';
import { textBlocks } from './text-blocks.ts';

describe('textBlocks', () => {
  it('keeps a pact summary as a paragraph, a list and a paragraph with its line breaks', () => {
    const summary = [
      'Seat-sharing pact "Michigan", version 2 (exact).',
      '',
      '- Harbor Greens: 5 races (entitled to 4.67), 2.10 expected wins',
      '- Civic Renewal: 4 races (entitled to 4.33), 1.90 expected wins',
      '',
      '14 races, 0 left open.',
      'Entitlement within ±1: yes. WEF1: yes.',
    ].join('\n');
    expect(textBlocks(summary)).toEqual([
      { kind: 'paragraph', lines: ['Seat-sharing pact "Michigan", version 2 (exact).'] },
      {
        kind: 'list',
        items: [
          'Harbor Greens: 5 races (entitled to 4.67), 2.10 expected wins',
          'Civic Renewal: 4 races (entitled to 4.33), 1.90 expected wins',
        ],
      },
      { kind: 'paragraph', lines: ['14 races, 0 left open.', 'Entitlement within ±1: yes. WEF1: yes.'] },
    ]);
  });

  it('splits a list from the text around it without a blank line, and never reads markup', () => {
    expect(textBlocks('Intro\n- a\n- b\nAfter <b>x</b>')).toEqual([
      { kind: 'paragraph', lines: ['Intro'] },
      { kind: 'list', items: ['a', 'b'] },
      { kind: 'paragraph', lines: ['After <b>x</b>'] },
    ]);
    expect(textBlocks('')).toEqual([]);
  });
});
