import { zodResolver } from '@hookform/resolvers/zod';
import { type FieldValues, type UseFormProps, type UseFormReturn, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerError } from './apply-server-issues.ts';

/**
 * A react-hook-form form bound to one zod schema (normally the contract's body schema): the resolver
 * validates with it, the field components read their limits and options from it, and a failed write
 * is placed on its fields by `onServerError`.
 */
export type SchemaForm<In extends FieldValues, Out = In> = UseFormReturn<In, unknown, Out> & {
  schema: z.ZodType<Out, In>;
  /** Shows a failed write on the form: field issues beside their fields, the rest in `FormAlert`. */
  onServerError: (error: unknown) => void;
};

/**
 * The values as the request will carry them: a key whose value is undefined (an optional input
 * left empty, a hidden field react-hook-form kept) is left out, as JSON leaves it out of the body.
 * A strict body schema would otherwise refuse such a key as unknown though it is never sent.
 */
export function asSent<T>(values: T): T {
  if (Array.isArray(values)) return values.map(asSent) as T;
  if (values === null || typeof values !== 'object' || Object.getPrototypeOf(values) !== Object.prototype) {
    return values;
  }
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, asSent(value)]),
  ) as T;
}

export function useSchemaForm<In extends FieldValues, Out>(
  schema: z.ZodType<Out, In>,
  {
    serverPath = '',
    ...options
  }: Omit<UseFormProps<In, unknown, Out>, 'resolver'> & {
    /** Where the values sit in the request: one item of a batch body (`packets.0`), or `params`. */
    serverPath?: string;
  } = {},
): SchemaForm<In, Out> {
  const resolve = zodResolver(schema);
  const methods = useForm<In, unknown, Out>({
    ...options,
    resolver: (values, context, resolverOptions) => resolve(asSent(values), context, resolverOptions),
  });
  return {
    ...methods,
    schema,
    onServerError: (error) => {
      applyServerError(methods.setError, schema, error, serverPath);
    },
  };
}
