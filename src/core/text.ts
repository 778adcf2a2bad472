/**
 * What text Concord stores. PostgreSQL refuses NUL in text and `\u0000` in jsonb, and a lone UTF-16
 * surrogate cannot be encoded as UTF-8 at all: either would reach the database and fail there. So
 * every string from outside is checked once, at the edge, with this one predicate.
 */
// With the u flag a surrogate pair reads as one code point; only an unpaired half matches Cs.
const loneSurrogate = /\p{Cs}/u;

export function textProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (loneSurrogate.test(value)) return 'contains a lone UTF-16 surrogate (not valid Unicode)';
  return undefined;
}

export interface TextIssue {
  path: string;
  message: string;
}

/** Deepest nesting of arrays and objects accepted in a request (a real document needs under 20). */
export const maxJsonDepth = 64;

/**
 * The first string (key or value) in a parsed JSON value that `textProblem` refuses, with its dotted
 * path; also refuses nesting deeper than `maxJsonDepth`. Walks plain data only.
 */
export function findTextIssue(value: unknown, path: string, depth = 0): TextIssue | undefined {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path, message: problem } : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= maxJsonDepth) return { path, message: `nested deeper than ${maxJsonDepth} levels` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const issue = findTextIssue(value[i], `${path}.${i}`, depth + 1);
      if (issue) return issue;
    }
    return undefined;
  }
  // Plain records only: Object.prototype, no prototype, or a null-prototype class (Fastify's params).
  // A stream or a Buffer (an upload route's body) is someone else's to read.
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== null && Object.getPrototypeOf(prototype) !== null) return undefined;
  for (const [key, entry] of Object.entries(value)) {
    const keyProblem = textProblem(key);
    if (keyProblem)
      return { path: `${path}.${JSON.stringify(key).slice(1, -1)}`, message: `key ${keyProblem}` };
    const issue = findTextIssue(entry, `${path}.${key}`, depth + 1);
    if (issue) return issue;
  }
  return undefined;
}

/**
 * How deeply a JSON text nests, found by scanning it once without parsing (strings skipped), so a
 * 5,000-level document is refused before anything recursive touches it. Stops counting at `limit`.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
