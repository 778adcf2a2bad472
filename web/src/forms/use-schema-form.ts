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
  const methods = useForm<In, unknown, Out>({ ...options, resolver: zodResolver(schema) });
  return {
    ...methods,
    schema,
    onServerError: (error) => {
      applyServerError(methods.setError, schema, error, serverPath);
    },
  };
}
