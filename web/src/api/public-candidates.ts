import { useQuery } from '@tanstack/react-query';
import type { PublicCandidates, PublicRace } from '../../../src/features/pacts/public/public.schema.ts';
import { api } from './client.ts';
import { keys, queryString } from './queries.ts';

export type { PublicCandidates, PublicRace };

/**
 * The races of the coalition's ratified pacts that cover a place (`county:26163`, `state:26`),
 * with the member carrying its flag in each. No session needed; nothing is asked until a place is.
 */
export function usePublicCandidates(slug: string, jurisdiction: string | undefined) {
  return useQuery({
    queryKey: [...keys.publicCoalition(slug), 'candidates', jurisdiction ?? ''],
    queryFn: () =>
      api<PublicCandidates>(
        `/api/public/coalitions/${encodeURIComponent(slug)}/candidates${queryString({ jurisdiction })}`,
      ),
    enabled: jurisdiction !== undefined,
    staleTime: 5 * 60_000,
  });
}
