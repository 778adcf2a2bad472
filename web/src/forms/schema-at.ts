import { z } from 'zod';

/** Looks through the wrappers that do not change what a field holds (optional, nullable, default, pipe). */
export function unwrapField(schema: z.ZodType): z.ZodType {
  let inner: z.ZodType = schema;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault) {
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodPipe) {
      inner = inner.in as z.ZodType;
    } else {
      return inner;
    }
  }
}

/**
 * The schema of one field of a form, by its react-hook-form path (`name`, `options.2.label`):
 * object keys and array items are followed; undefined when the path leaves the schema.
 */
export function schemaAt(schema: z.ZodType, path: string): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const part of path.split('.')) {
    if (!current) return undefined;
    const inner = unwrapField(current);
    if (inner instanceof z.ZodUnion) {
      // A union (a drive's target by kind): the first option that has the key.
      current = (inner.options as z.ZodType[])
        .map((option) => schemaAt(option, part))
        .find((found) => found !== undefined);
    } else if (inner instanceof z.ZodObject) current = (inner.shape as Record<string, z.ZodType>)[part];
    else if (inner instanceof z.ZodArray && /^\d+$/.test(part)) current = inner.element as z.ZodType;
    else return undefined;
  }
  return current;
}

/** What an input can say about a field before it is sent: its length and range limits, and its options. */
export interface FieldLimits {
  required: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  /** Whole numbers only (`.int()`). */
  integer?: boolean;
  /** The values an enum allows, in the schema's order. */
  options?: readonly string[];
}

/** The limits of a field, read from its schema (none when the path is not in it). */
export function fieldLimits(schema: z.ZodType, path: string): FieldLimits {
  const field = schemaAt(schema, path);
  if (!field) return { required: false };
  // A field the schema lets be left out or null is optional to the person filling the form.
  const required = !field.safeParse(undefined).success && !field.safeParse(null).success;
  const inner = unwrapField(field);
  if (inner instanceof z.ZodString) {
    return {
      required,
      ...(inner.minLength === null ? {} : { minLength: inner.minLength }),
      ...(inner.maxLength === null ? {} : { maxLength: inner.maxLength }),
    };
  }
  if (inner instanceof z.ZodNumber) {
    return {
      required,
      ...(Number.isFinite(inner.minValue ?? Number.NaN) ? { min: inner.minValue ?? undefined } : {}),
      ...(Number.isFinite(inner.maxValue ?? Number.NaN) ? { max: inner.maxValue ?? undefined } : {}),
      integer: inner.isInt,
    };
  }
  if (inner instanceof z.ZodEnum) return { required, options: inner.options.map(String) };
  return { required };
}
