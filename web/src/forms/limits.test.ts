import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withdrawalSchema } from '../../../src/features/registry/registry.schema.ts';
import { maxLengthOf } from './limits.ts';

describe('maxLengthOf', () => {
  it("reads a string schema's maximum through optional and default wrappers", () => {
    expect(maxLengthOf(withdrawalSchema.shape.note)).toBe(2000);
    expect(maxLengthOf(z.string().trim().max(12).optional())).toBe(12);
    expect(maxLengthOf(z.string().max(7).default('x'))).toBe(7);
  });

  it('refuses a schema with no maximum, so a form never silently loses its limit', () => {
    expect(() => maxLengthOf(z.string())).toThrow('not a string with a maximum length');
    expect(() => maxLengthOf(z.number())).toThrow();
  });
});
