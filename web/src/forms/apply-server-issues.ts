import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';
import { schemaAt } from './schema-at.ts';

/** Where a server refusal lands on a form: beside a field, or in the form's own alert. */
export interface PlacedIssues {
  /** Body path (as react-hook-form names it) → the server's message. */
  fields: Record<string, string>;
  /** What no field of the form can show: the refusal's message, with its code for support. */
  form?: { message: string; code?: string };
}

/**
 * Sorts a failed write's error for a form whose fields follow `schema` (the contract's body): each of
 * its `details.issues` (a 400 `request.invalid`, or a domain refusal about one field such as a name
 * taken) whose path (`body.options.2.label`) names a field of the schema goes to that field; the rest, and every other error, go to the form-level alert.
 */
export function placeServerError(schema: z.ZodType, error: unknown, at = ''): PlacedIssues {
  if (!(error instanceof ApiError)) {
    return {
      fields: {},
      form: { message: error instanceof Error ? error.message : 'Something went wrong.' },
    };
  }
  const code =
    error.code === 'unexpected' && typeof error.details?.code === 'string' ? error.details.code : error.code;
  // A schema refusal lists its issues; so may a domain refusal about one field (a name taken).
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return { fields: {}, form: { message: error.message, code } };

  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    if (typeof issue.message !== 'string') continue;
    const full = typeof issue.path === 'string' ? issue.path.replace(/^body\.?/, '') : '';
    // A form for one item of a batch body (`packets.0`) sees the item's own paths.
    const path = at && full.startsWith(`${at}.`) ? full.slice(at.length + 1) : full;
    if (path && schemaAt(schema, path)) fields[path] ??= issue.message;
    else unplaced.push(path ? `${path}: ${issue.message}` : issue.message);
  }
  if (unplaced.length === 0 && Object.keys(fields).length > 0) return { fields };
  return { fields, form: { message: [error.message, ...unplaced].join(' '), code } };
}

/** The form-level error's key in react-hook-form's errors (`errors.root.server`). */
export const serverRoot = 'root.server';

/**
 * Shows a failed write on the form: field issues beside their fields, anything else as
 * `errors.root.server` (rendered by `FormAlert`). The one place every form maps server errors.
 */
export function applyServerError<T extends FieldValues>(
  setError: UseFormSetError<T>,
  schema: z.ZodType,
  error: unknown,
  at = '',
): PlacedIssues {
  const placed = placeServerError(schema, error, at);
  for (const [path, message] of Object.entries(placed.fields)) {
    setError(path as FieldPath<T>, { type: 'server', message }, { shouldFocus: true });
  }
  if (placed.form) {
    setError(serverRoot, { type: placed.form.code ?? 'server', message: placed.form.message });
  }
  return placed;
}
