import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys } from './queries.ts';
import type { CharterStatus, CharterVersion, CoalitionOverview, PublicCoalition } from './types.ts';

export function useCoalition() {
  return useQuery({ queryKey: keys.coalition, queryFn: () => api<CoalitionOverview>('/api/coalition') });
}

export function useCharter() {
  return useQuery({ queryKey: keys.charter, queryFn: () => api<CharterStatus>('/api/charter') });
}

/** The public page of a coalition: no session needed. */
export function usePublicCoalition(slug: string) {
  return useQuery({
    queryKey: keys.publicCoalition(slug),
    queryFn: () => api<PublicCoalition>(`/api/public/coalitions/${encodeURIComponent(slug)}`),
    staleTime: 5 * 60_000,
  });
}

/** Every charter version, newest first. */
export function useCharterVersions() {
  return useQuery({
    queryKey: [...keys.charter, 'versions'],
    queryFn: () => api<{ versions: CharterVersion[] }>('/api/charter/versions').then((r) => r.versions),
  });
}
