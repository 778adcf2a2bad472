import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldMessage, installFieldMessages } from './field-messages.ts';

describe('field messages in plain words', () => {
  afterAll(() => z.config({ customError: undefined }));

  it('words the number, text and list limits a schema sets without a message', () => {
    installFieldMessages();
    const message = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;
    expect(message(z.number().positive(), -3)).toBe('Must be more than 0');
    expect(message(z.number().max(1), 7)).toBe('Must be 1 or less');
    expect(message(z.number().min(0), -1)).toBe('Must be 0 or more');
    expect(message(z.number(), 'abc')).toBe('Enter a number');
    expect(message(z.number(), undefined)).toBe('Required');
    expect(message(z.string().min(1), '')).toBe('Required');
    expect(message(z.string().max(200), 'x'.repeat(201))).toBe('At most 200 characters');
    expect(message(z.array(z.string()).min(1), [])).toBe('Choose at least 1');
  });

  it('keeps a schema’s own message', () => {
    installFieldMessages();
    expect(z.number().max(1, 'A share is at most 1').safeParse(2).error?.issues[0]?.message).toBe(
      'A share is at most 1',
    );
  });

  it('leaves other issues to zod', () => {
    expect(fieldMessage({ code: 'invalid_format', origin: 'string' })).toBeUndefined();
  });
});
