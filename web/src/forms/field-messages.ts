import { z } from 'zod';

/** The bits of a zod issue the plain-words messages read (zod's own issue union, loosely). */
interface IssueLike {
  code?: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  expected?: string;
  input?: unknown;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A field error in plain words for the schema rules that carry no message of their own: zod's
 * defaults ("Too small: expected number to be >0") read as a developer's note beside a field.
 * Undefined leaves zod's default in place; a schema's own message always wins over this.
 */
export function fieldMessage(issue: IssueLike): string | undefined {
  const { code, origin } = issue;
  if (code === 'invalid_type') {
    if (issue.input === undefined || issue.input === null || issue.input === '') return 'Required';
    if (issue.expected === 'number') return 'Enter a number';
    return undefined;
  }
  if (code === 'too_small') {
    const min = Number(issue.minimum);
    if (origin === 'number')
      return issue.inclusive === false ? `Must be more than ${min}` : `Must be ${min} or more`;
    if (origin === 'string') return min === 1 ? 'Required' : `At least ${plural(min, 'character')}`;
    if (origin === 'array' || origin === 'set') return `Choose at least ${min}`;
  }
  if (code === 'too_big') {
    const max = Number(issue.maximum);
    if (origin === 'number')
      return issue.inclusive === false ? `Must be less than ${max}` : `Must be ${max} or less`;
    if (origin === 'string') return `At most ${plural(max, 'character')}`;
    if (origin === 'array' || origin === 'set') return `At most ${max}`;
  }
  return undefined;
}

/** Installed once by the web app's entry point (the server keeps zod's wording for its API errors). */
export function installFieldMessages(): void {
  z.config({ customError: (issue) => fieldMessage(issue as IssueLike) });
}
