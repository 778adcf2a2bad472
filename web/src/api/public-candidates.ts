import { useQuery } from '@tanstack/react-query';
import { pactsContract } from '../../../src/features/pacts/pacts.contract.ts';
import type { PublicCandidates, PublicRace } from '../../../src/features/pacts/public/public.schema.ts';
import { call } from './client.ts';
import { keys } from './queries.ts';

export type { PublicCandidates, PublicRace };

/**
 * The races of the coalition's ratified pacts that cover a place (`county:26163`, `state:26`),
 * with the member carrying its flag in each. No session needed; nothing is asked until a place is.
 */
export function usePublicCandidates(slug: string, jurisdiction: string | undefined) {
  return useQuery({
    queryKey: [...keys.publicCoalition(slug), 'candidates', jurisdiction ?? ''],
    queryFn: () =>
      call(pactsContract.publicCandidates, { params: { slug }, query: { jurisdiction: jurisdiction ?? '' } }),
    enabled: jurisdiction !== undefined,
    staleTime: 5 * 60_000,
  });
}
