import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { registryContract as registry } from '../../../src/features/registry/registry.contract.ts';
import type { BrandingInput } from '../../../src/features/registry/registry.schema.ts';
import { call } from './client.ts';
import { keys } from './queries.ts';

export function useCoalition() {
  return useQuery({ queryKey: keys.coalition, queryFn: () => call(registry.coalition) });
}

export function useCharter() {
  return useQuery({ queryKey: keys.charter, queryFn: () => call(registry.charter) });
}

/** The public page of a coalition: no session needed. */
export function usePublicCoalition(slug: string) {
  return useQuery({
    queryKey: keys.publicCoalition(slug),
    queryFn: () => call(registry.publicCoalition, { params: { slug } }),
    staleTime: 5 * 60_000,
  });
}

/** Every charter version, newest first. */
export function useCharterVersions() {
  return useQuery({
    queryKey: [...keys.charter, 'versions'],
    queryFn: () => call(registry.charterVersions).then((r) => r.versions),
  });
}

/** Every coalition with a public site, for the index at /public. */
export function usePublicCoalitions() {
  return useQuery({
    queryKey: ['public', 'coalitions'],
    queryFn: () => call(registry.publicCoalitions).then((r) => r.coalitions),
    staleTime: 5 * 60_000,
  });
}

export function useBranding() {
  return useQuery({ queryKey: ['branding'], queryFn: () => call(registry.branding) });
}

export function useUpdateBranding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BrandingInput) => call(registry.updateBranding, { body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['branding'] });
      void queryClient.invalidateQueries({ queryKey: ['public'] });
      void queryClient.invalidateQueries({ queryKey: keys.audit });
    },
  });
}
