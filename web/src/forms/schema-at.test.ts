import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plankSchema } from '../../../src/features/registry/registry.schema.ts';
import { fieldLimits, schemaAt } from './schema-at.ts';

const body = z.object({
  name: z.string().trim().min(2).max(40),
  note: z.string().max(500).optional(),
  seats: z.number().int().min(1).max(99),
  share: z.number().min(0).max(1).nullable(),
  kind: z.enum(['party', 'movement']),
  options: z.array(z.object({ label: z.string().max(80) })),
});

describe('schemaAt', () => {
  it('follows object keys and array items, and stops outside the schema', () => {
    expect(schemaAt(body, 'options.3.label')).toBe(body.shape.options.element.shape.label);
    expect(schemaAt(body, 'missing')).toBeUndefined();
    const target = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('member') }),
      z.object({ kind: z.literal('candidate'), name: z.string().max(9) }),
    ]);
    expect(schemaAt(z.object({ target }), 'target.name')).toBe(target.options[1].shape.name);
    expect(schemaAt(body, 'name.length')).toBeUndefined();
  });
});

describe('fieldLimits', () => {
  it("reads a string's length, a number's range, an enum's options and whether a value is required", () => {
    expect(fieldLimits(body, 'name')).toEqual({ required: true, minLength: 2, maxLength: 40 });
    expect(fieldLimits(body, 'note')).toEqual({ required: false, maxLength: 500 });
    expect(fieldLimits(body, 'seats')).toEqual({ required: true, min: 1, max: 99, integer: true });
    expect(fieldLimits(body, 'share')).toEqual({ required: false, min: 0, max: 1, integer: false });
    expect(fieldLimits(body, 'kind')).toEqual({ required: true, options: ['party', 'movement'] });
    expect(fieldLimits(body, 'options.0.label')).toEqual({ required: true, maxLength: 80 });
  });

  it("reads a contract schema's limits through its trim (a plank's title and text)", () => {
    expect(fieldLimits(plankSchema, 'title')).toEqual({ required: true, minLength: 1, maxLength: 200 });
    expect(fieldLimits(plankSchema, 'text')).toEqual({ required: true, minLength: 1, maxLength: 10_000 });
  });

  it('has nothing to say about a path the schema does not know', () => {
    expect(fieldLimits(body, 'nowhere')).toEqual({ required: false });
  });
});
