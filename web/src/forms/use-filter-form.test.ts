import { describe, expect, it } from 'vitest';
import { orEmpty } from './use-filter-form.ts';

describe('orEmpty', () => {
  it("gives '' for a cleared filter and keeps the others, so a page's string filters stay strings", () => {
    expect(orEmpty({ rule: undefined, text: 'wayne', member: null })).toEqual({
      rule: '',
      text: 'wayne',
      member: '',
    });
    expect(orEmpty({})).toEqual({});
  });
});
