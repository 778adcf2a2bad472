import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('writes numbers in the ECMAScript shortest form, as RFC 8785 does', () => {
    expect(canonicalJson([0, -0, 1e21, 1e-7, 0.1, 333333333.3333333, -1.5])).toBe(
      '[0,0,1e+21,1e-7,0.1,333333333.3333333,-1.5]',
    );
  });

  it('sorts keys by UTF-16 code units and escapes like JSON', () => {
    expect(canonicalJson({ é: 1, z: 2, '\u20ac': 3, '\ud83d\ude00': 4, a: 'line\n"q"' })).toBe(
      '{"a":"line\\n\\"q\\"","z":2,"é":1,"€":3,"😀":4}',
    );
  });

  it('leaves out undefined properties and refuses what JSON cannot carry', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
  });

  it('is the same for equal values whatever the key order, and parses back to the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 200 },
    );
  });
});
