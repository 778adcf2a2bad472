import { z } from 'zod';

/**
 * The maximum length a zod string schema allows, for a field's `maxLength`: forms take their limits
 * from the schema the server parses with, never a copied number. Optional, nullable and defaulted
 * wrappers are looked through.
 */
export function maxLengthOf(schema: z.ZodType): number {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault) {
    inner = inner.unwrap() as z.ZodType;
  }
  if (!(inner instanceof z.ZodString) || inner.maxLength === null) {
    throw new Error('maxLengthOf: the schema is not a string with a maximum length');
  }
  return inner.maxLength;
}
