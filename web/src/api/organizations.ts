import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { registryContract as registry } from '../../../src/features/registry/registry.contract.ts';
import { call } from './client.ts';
import { type PageReader, readAllPages, usePagedList } from './pages.ts';
import { keys } from './queries.ts';
import type {
  CreateOrganizationInput,
  EvidenceInput,
  Organization,
  OrganizationsFilter,
  UpdateOrganizationInput,
} from './types.ts';

/** One page of the organizations that pass the filter, in name order (the server's keyset pages). */
const readOrganizations =
  (filter: OrganizationsFilter, limit: number): PageReader<Organization> =>
  (cursor) =>
    call(registry.organizations, { query: { ...filter, limit, cursor } }).then((r) => ({
      items: r.organizations,
      nextCursor: r.nextCursor,
    }));

/** The members directory: 50 at a time, with "Load more"; every filter applied by the server. */
export function useOrganizationPages(filter: OrganizationsFilter) {
  return usePagedList([...keys.organizationList(filter), 'pages'], readOrganizations(filter, 50));
}

/**
 * Every organization that passes the filter, following the pages (500 at a time): for a picker or
 * a panel that needs them all at once (a coalition has dozens of members, not thousands).
 */
export function useOrganizations(filter: OrganizationsFilter = {}) {
  return useQuery({
    queryKey: [...keys.organizationList(filter), 'all'],
    queryFn: () => readAllPages(readOrganizations(filter, 500)),
  });
}

export function useOrganization(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.organization(id),
    queryFn: () => call(registry.organization, { params: { id } }),
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
      queryFn: () => call(registry.organization, { params: { id } }),
    })),
  });
}

export function useAdmissionCheck(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.admissionCheck(id),
    queryFn: () => call(registry.admissionCheck, { params: { id } }),
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
    mutationFn: (input: CreateOrganizationInput) => call(registry.createOrganization, { body: input }),
    onSuccess: invalidate,
  });
}

export function useSubmitEvidence(organizationId: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (input: EvidenceInput) =>
      call(registry.submitEvidence, { params: { id: organizationId }, body: input }),
    onSuccess: invalidate,
  });
}

export function useVerifyEvidence(organizationId: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (evidenceId: string) =>
      call(registry.verifyEvidence, { params: { id: organizationId, evidenceId } }),
    onSuccess: invalidate,
  });
}

export function useRatifyCharter(organizationId: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: () => call(registry.ratify, { params: { id: organizationId } }),
    onSuccess: invalidate,
  });
}

export function useUpdateOrganization(organizationId: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (patch: UpdateOrganizationInput) =>
      call(registry.updateOrganization, { params: { id: organizationId }, body: patch }),
    onSuccess: invalidate,
  });
}

export function useWithdrawOrganization(organizationId: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (note: string) => call(registry.withdraw, { params: { id: organizationId }, body: { note } }),
    onSuccess: invalidate,
  });
}

export function useAssignDelegate(organizationId: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (email: string) =>
      call(registry.assignDelegate, { params: { id: organizationId }, body: { email } }),
    onSuccess: invalidate,
  });
}

export function useRemoveDelegate(organizationId: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (userId: string) => call(registry.removeDelegate, { params: { id: organizationId, userId } }),
    onSuccess: invalidate,
  });
}
