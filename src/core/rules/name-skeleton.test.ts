import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLookalike, nameSkeleton } from './name-skeleton.ts';

describe('organization name skeletons', () => {
  const registered = [{ id: '1', name: 'Harbor Greens' }];

  it.each([
    ['the same name in another case', 'harbor GREENS'],
    ['a zero-width space', 'Harbor\u200B Greens'],
    ['a zero-width joiner inside a word', 'Har\u200Dbor Greens'],
    ['a Cyrillic е', 'Harbor Gr\u0435\u0435ns'],
    ['a Greek ο', 'Harb\u03BFr Greens'],
    ['full-width letters', 'Ｈａｒｂｏｒ Ｇｒｅｅｎｓ'],
    ['a non-breaking space and a double space', 'Harbor\u00A0 Greens'],
    ['a soft hyphen', 'Harbor Gre\u00ADens'],
  ])('treats %s as the same name', (_, name) => {
    expect(findLookalike(name, registered)?.id).toBe('1');
  });

  it.each(['Harbor Greens League', 'Harbour Greens', 'Valley Greens', 'Гавань Зелёных'])(
    'tells %s apart',
    (name) => {
      expect(findLookalike(name, registered)).toBeUndefined();
    },
  );

  it('is stable: the skeleton of a skeleton is itself, and adding invisible characters changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.nat(30), (name, at) => {
        const skeleton = nameSkeleton(name);
        expect(nameSkeleton(skeleton)).toBe(skeleton);
        const position = Math.min(at, name.length);
        expect(nameSkeleton(`${name.slice(0, position)}\u200B${name.slice(position)}`)).toBe(skeleton);
      }),
      { numRuns: 500 },
    );
  });
});
