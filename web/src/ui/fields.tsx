import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import { type FieldPath, type FieldValues, get, useFormState } from 'react-hook-form';
import { fieldLimits } from '../forms/schema-at.ts';
import type { SchemaForm } from '../forms/use-schema-form.ts';
import './fields.css';

/**
 * Form fields bound to a schema form: `name` must be a path of the schema's input (a misspelt or
 * removed field fails the typecheck), and the limits (length, range, options, required) come from
 * the schema, never a copied number. Each has a label, an optional hint and its error, tied to the
 * input with aria-describedby and aria-invalid.
 */
interface FieldProps<In extends FieldValues, Out> {
  form: SchemaForm<In, Out>;
  name: FieldPath<In>;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
  /**
   * The label is read by assistive technology only, for a field in a table whose column header
   * already names it on screen ("Party codes" above "Party codes of Riverside Greens").
   */
  labelHidden?: boolean;
}

type InputExtras = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'autoComplete' | 'placeholder' | 'inputMode' | 'disabled' | 'autoFocus' | 'list'
>;

/** The label, hint and error around one input; gives the ids the input points at. */
function Shell({
  id,
  label,
  hint,
  error,
  required,
  className,
  labelHidden,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required: boolean;
  className?: string;
  labelHidden?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      {labelHidden ? (
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
      ) : (
        // The marker sits beside the label, not in it: the field's name stays the label itself.
        <span className="field-label">
          <label htmlFor={id}>{label}</label>
          {/* The space lets "optional" wrap under a label that fills a narrow column. */}
          {required ? null : (
            <>
              {' '}
              <span className="field-optional">optional</span>
            </>
          )}
        </span>
      )}
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function splitParts(text: string, separator: string): string[] {
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A field's message, or the first of its items' (a list typed in one box: `homeJurisdictions.2`). */
function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { message } = error as { message?: unknown };
  if (typeof message === 'string') return message;
  for (const item of Array.isArray(error) ? error : []) {
    const found = firstMessage(item);
    if (found) return found;
  }
  return undefined;
}

/** What every field needs: its id, limits, error and the aria attributes that point at them. */
function useField<In extends FieldValues, Out>(
  form: SchemaForm<In, Out>,
  name: FieldPath<In>,
  hint: ReactNode,
) {
  const id = useId();
  const { errors } = useFormState({ control: form.control, name });
  const error = firstMessage(get(errors, name));
  const limits = fieldLimits(form.schema, name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const aria = {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    'aria-required': limits.required || undefined,
  } as const;
  return { id, error, limits, aria };
}

export function TextField<In extends FieldValues, Out>({
  form,
  name,
  label,
  hint,
  className,
  labelHidden,
  type = 'text',
  splitOn,
  parse,
  ...input
}: FieldProps<In, Out> &
  InputExtras & {
    type?: 'text' | 'email' | 'url' | 'date' | 'datetime-local' | 'search' | 'tel' | 'color';
    /** A list typed in one box ("06, 06037"): the value is its trimmed, non-empty parts. */
    splitOn?: string;
    /** The value as the schema takes it, from the text typed (a local time → an ISO instant). */
    parse?: (text: string) => unknown;
  }) {
  const { id, error, limits, aria } = useField(form, name, hint);
  const asValue = (value: unknown) => {
    if (typeof value !== 'string') return value;
    if (parse) return parse(value);
    if (splitOn !== undefined) return splitParts(value, splitOn);
    return value === '' && !limits.required ? undefined : value;
  };
  return (
    <Shell
      id={id}
      label={label}
      hint={hint}
      error={error}
      required={limits.required}
      className={className}
      labelHidden={labelHidden}
    >
      <input
        id={id}
        type={type}
        maxLength={limits.maxLength}
        {...input}
        {...aria}
        {...form.register(name, { setValueAs: asValue })}
      />
    </Shell>
  );
}

export function TextareaField<In extends FieldValues, Out>({
  form,
  name,
  label,
  hint,
  className,
  rows = 3,
  placeholder,
  splitOn,
}: FieldProps<In, Out> & {
  rows?: number;
  placeholder?: string;
  /** A list typed one item a line (`'\n'`): the value is its trimmed, non-empty lines. */
  splitOn?: string;
}) {
  const { id, error, limits, aria } = useField(form, name, hint);
  return (
    <Shell id={id} label={label} hint={hint} error={error} required={limits.required} className={className}>
      <textarea
        id={id}
        rows={rows}
        placeholder={placeholder}
        maxLength={limits.maxLength}
        {...aria}
        {...form.register(name, {
          setValueAs: (value: unknown) =>
            splitOn !== undefined && typeof value === 'string'
              ? splitParts(value, splitOn)
              : value === '' && !limits.required
                ? undefined
                : value,
        })}
      />
    </Shell>
  );
}

export function NumberField<In extends FieldValues, Out>({
  form,
  name,
  label,
  hint,
  className,
  labelHidden,
  step,
  emptyAs,
  ...input
}: FieldProps<In, Out> &
  Pick<InputExtras, 'placeholder' | 'disabled'> & {
    /** The step between values; whole numbers step by 1 when the schema says `.int()`. */
    step?: number | 'any';
    /** What an empty input sends: nothing (default), or null for a nullable field. */
    emptyAs?: null;
  }) {
  const { id, error, limits, aria } = useField(form, name, hint);
  return (
    <Shell
      id={id}
      label={label}
      hint={hint}
      error={error}
      required={limits.required}
      className={className}
      labelHidden={labelHidden}
    >
      <input
        id={id}
        type="number"
        inputMode={limits.integer ? 'numeric' : 'decimal'}
        min={limits.min}
        max={limits.max}
        step={step ?? (limits.integer ? 1 : 'any')}
        {...input}
        {...aria}
        {...form.register(name, {
          // An empty box is no number (not 0); anything else goes to the schema as typed, so a
          // word is refused by it with its own message.
          setValueAs: (value: unknown) =>
            value === '' || value === null || value === undefined
              ? (emptyAs ?? undefined)
              : typeof value === 'number'
                ? value
                : Number(value),
        })}
      />
    </Shell>
  );
}

export function SelectField<In extends FieldValues, Out>({
  form,
  name,
  label,
  hint,
  className,
  labels,
  options,
  placeholder,
  disabled,
  parse,
}: FieldProps<In, Out> & {
  /** The value as the schema takes it, from the option chosen (a version number). */
  parse?: (value: string) => unknown;
  /** Labels of the schema enum's values (its order is kept); a value without one shows as is. */
  labels?: Readonly<Record<string, string>>;
  /** The choices when the schema has no enum (an organization's id, say). */
  options?: readonly { value: string; label: string }[];
  /** The empty first choice ("Choose a member"); it sends nothing. */
  placeholder?: string;
  disabled?: boolean;
}) {
  const { id, error, limits, aria } = useField(form, name, hint);
  const choices =
    options ??
    (limits.options ?? Object.keys(labels ?? {})).map((value) => ({
      value,
      label: labels?.[value] ?? value,
    }));
  return (
    <Shell id={id} label={label} hint={hint} error={error} required={limits.required} className={className}>
      <select
        id={id}
        disabled={disabled}
        {...aria}
        {...form.register(name, {
          setValueAs: (value: unknown) =>
            value === '' ? undefined : parse && typeof value === 'string' ? parse(value) : value,
        })}
      >
        {placeholder === undefined ? null : <option value="">{placeholder}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function CheckboxField<In extends FieldValues, Out>({
  form,
  name,
  label,
  hint,
  className,
}: FieldProps<In, Out>) {
  const { id, error, aria } = useField(form, name, hint);
  return (
    <div className={className ? `field checkbox ${className}` : 'field checkbox'}>
      <input
        id={id}
        type="checkbox"
        aria-invalid={aria['aria-invalid']}
        aria-describedby={aria['aria-describedby']}
        {...form.register(name)}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The form's own alert: what the server refused that no field can show (a conflict, a lost
 * connection), with its code for support. Empty until there is one.
 */
export function FormAlert<In extends FieldValues, Out>({ form }: { form: SchemaForm<In, Out> }) {
  const { errors } = useFormState({ control: form.control });
  const server = errors.root?.server;
  if (!server?.message) return null;
  const code = typeof server.type === 'string' && server.type !== 'server' ? server.type : undefined;
  return (
    <div className="error" role="alert">
      <p>{server.message}</p>
      {code ? <p className="muted">Code: {code}</p> : null}
    </div>
  );
}

/** Radio buttons over the schema enum's values (in its order), in a fieldset named by `label`. */
export function RadioField<In extends FieldValues, Out>({
  form,
  name,
  label,
  hint,
  labels,
}: FieldProps<In, Out> & { labels: Readonly<Record<string, string>> }) {
  const { id, error, limits, aria } = useField(form, name, hint);
  return (
    <fieldset aria-invalid={aria['aria-invalid']} aria-describedby={aria['aria-describedby']}>
      <legend>{label}</legend>
      {(limits.options ?? Object.keys(labels)).map((value) => (
        <div className="field checkbox" key={value}>
          <input id={`${id}-${value}`} type="radio" value={value} {...form.register(name)} />
          <label htmlFor={`${id}-${value}`}>{labels[value] ?? value}</label>
        </div>
      ))}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
