import { useSearchParams } from 'react-router';

/**
 * Filters kept in the address (so a filtered list can be bookmarked and shared): the current
 * values, '' when absent, and a setter that drops empty ones. Values are not checked against
 * their enums: the API answers 400 to a forged one, which the page shows.
 */
export function useSearchFilters<K extends string, V extends Record<K, string>>(
  keys: readonly K[],
): [V, (patch: Partial<V>) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as V;
  const update = (patch: Partial<V>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (typeof value === 'string' && value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return [values, update];
}
