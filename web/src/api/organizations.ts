import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys, queryString } from './queries.ts';
import type {
  AdmissionCheck,
  CreateOrganizationInput,
  Delegate,
  Evidence,
  EvidenceInput,
  Organization,
  OrganizationDetail,
  OrganizationsFilter,
  UpdateOrganizationInput,
} from './types.ts';

export function useOrganizations(filter: OrganizationsFilter = {}) {
  return useQuery({
    queryKey: keys.organizationList(filter),
    queryFn: () =>
      api<{ organizations: Organization[] }>(`/api/organizations${queryString(filter)}`).then(
        (r) => r.organizations,
      ),
  });
}

export function useOrganization(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.organization(id),
    queryFn: () => api<OrganizationDetail>(`/api/organizations/${id}`),
    enabled: enabled && id !== '',
  });
}

/**
 * Details of several organizations at once. The list API carries no strength figures, so the
 * dashboard reads them from each detail (one request per member: fine for a coalition's dozens).
 */
export function useOrganizationDetails(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: keys.organization(id),
      queryFn: () => api<OrganizationDetail>(`/api/organizations/${id}`),
    })),
  });
}

export function useAdmissionCheck(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.admissionCheck(id),
    queryFn: () => api<AdmissionCheck>(`/api/organizations/${id}/admission-check`),
    enabled,
  });
}

function useInvalidateOrganizations() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: keys.organizations });
    void queryClient.invalidateQueries({ queryKey: keys.coalition });
    void queryClient.invalidateQueries({ queryKey: keys.charter });
    void queryClient.invalidateQueries({ queryKey: keys.audit });
  };
}

export function useCreateOrganization() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (input: CreateOrganizationInput) =>
      api<Organization>('/api/organizations', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useSubmitEvidence(organizationId: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (input: EvidenceInput) =>
      api<Evidence>(`/api/organizations/${organizationId}/evidence`, { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useVerifyEvidence(organizationId: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (evidenceId: string) =>
      api<Evidence>(`/api/organizations/${organizationId}/evidence/${evidenceId}/verification`, {
        method: 'POST',
      }),
    onSuccess: invalidate,
  });
}

export function useRatifyCharter(organizationId: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: () => api<unknown>(`/api/organizations/${organizationId}/ratification`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useUpdateOrganization(organizationId: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (patch: UpdateOrganizationInput) =>
      api<Organization>(`/api/organizations/${organizationId}`, { method: 'PATCH', body: patch }),
    onSuccess: invalidate,
  });
}

export function useWithdrawOrganization(organizationId: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (note: string) =>
      api<unknown>(`/api/organizations/${organizationId}/withdrawal`, { method: 'POST', body: { note } }),
    onSuccess: invalidate,
  });
}

export function useAssignDelegate(organizationId: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (email: string) =>
      api<{ delegates: Delegate[] }>(`/api/organizations/${organizationId}/delegates`, {
        method: 'POST',
        body: { email },
      }),
    onSuccess: invalidate,
  });
}

export function useRemoveDelegate(organizationId: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (userId: string) =>
      api<{ delegates: Delegate[] }>(`/api/organizations/${organizationId}/delegates/${userId}`, {
        method: 'DELETE',
      }),
    onSuccess: invalidate,
  });
}
