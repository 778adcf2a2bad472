import { useEffect, useRef } from 'react';
import { type DefaultValues, type FieldValues, get } from 'react-hook-form';
import type { z } from 'zod';
import { type SchemaForm, useSchemaForm } from './use-schema-form.ts';

/** A filter bar's values as its inputs show them: '' for none. */
const shown = (values: FieldValues) =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value ?? '']));

/**
 * A filter bar on an endpoint's query schema: the schema fields (`ui/fields.tsx`) take their enum
 * options and length limits from it, and each change a person makes is passed to `onChange` at
 * once as `{ field: value }` (undefined when cleared). Nothing is submitted. When `values` (where
 * the filters live: the address bar) move without the form, back in history, the form follows;
 * it is not reset after its own edits, which would fight the input being used.
 */
export function useFilterForm<In extends FieldValues, Out>(
  schema: z.ZodType<Out, In>,
  values: In,
  onChange: (patch: Partial<In>) => void,
): SchemaForm<In, Out> {
  const form = useSchemaForm(schema, { defaultValues: values as DefaultValues<In> });
  const latest = useRef(onChange);
  latest.current = onChange;
  const { watch, getValues, reset } = form;
  useEffect(() => {
    const subscription = watch((all, { name, type }) => {
      // A filter bar's fields are the query's top-level keys, so the path is the key.
      if (type === 'change' && name) latest.current({ [name]: get(all, name) } as Partial<In>);
    });
    return () => subscription.unsubscribe();
  }, [watch]);
  // Compared and reset with '' for a filter not set: reset() leaves an input alone whose value is
  // undefined, so a select would keep showing a filter the address no longer has.
  const wanted = JSON.stringify(shown(values));
  useEffect(() => {
    if (JSON.stringify(shown(getValues())) !== wanted) reset(JSON.parse(wanted) as In);
  }, [wanted, getValues, reset]);
  return form;
}

/** A patch with '' for a cleared filter, for pages that keep their filters as strings. */
export function orEmpty<P extends Record<string, unknown>>(
  patch: P,
): { [K in keyof P]: NonNullable<P[K]> | '' } {
  return Object.fromEntries(Object.entries(patch).map(([key, value]) => [key, value ?? ''])) as {
    [K in keyof P]: NonNullable<P[K]> | '';
  };
}
