import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys, queryString } from './queries.ts';
import type {
  BallotInput,
  CreateDecisionInput,
  Decision,
  DecisionKind,
  DecisionSummary,
  PublishedBallot,
} from './types.ts';

export interface DecisionsFilter {
  phase?: DecisionSummary['phase'];
  kind?: DecisionKind;
}

export function useDecisions(filter: DecisionsFilter = {}) {
  return useQuery({
    queryKey: keys.decisionList(filter),
    queryFn: () =>
      api<{ decisions: DecisionSummary[] }>(`/api/decisions${queryString({ ...filter })}`).then(
        (r) => r.decisions,
      ),
  });
}

export function useDecision(id: string) {
  return useQuery({ queryKey: keys.decision(id), queryFn: () => api<Decision>(`/api/decisions/${id}`) });
}

function useInvalidateDecisions() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: keys.decisions });
    void queryClient.invalidateQueries({ queryKey: keys.organizations });
    void queryClient.invalidateQueries({ queryKey: keys.coalition });
    void queryClient.invalidateQueries({ queryKey: keys.audit });
  };
}

export function useCastBallot(decisionId: string, organizationId: string) {
  const invalidate = useInvalidateDecisions();
  return useMutation({
    mutationFn: (ballot: BallotInput) =>
      api<{ receipt: string; revision: number }>(`/api/decisions/${decisionId}/ballots/${organizationId}`, {
        method: 'PUT',
        body: ballot,
      }),
    onSuccess: invalidate,
  });
}

export function useCloseDecision(decisionId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateDecisions();
  return useMutation({
    mutationFn: () => api<Decision>(`/api/decisions/${decisionId}/close`, { method: 'POST' }),
    onSuccess: (decision) => {
      queryClient.setQueryData(keys.decision(decisionId), decision);
      invalidate();
    },
  });
}

export function useCreateDecision() {
  const invalidate = useInvalidateDecisions();
  return useMutation({
    mutationFn: (input: CreateDecisionInput) =>
      api<Decision>('/api/decisions', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

/** Looks one receipt up in the published ballots of a closed decision. */
export function useReceiptLookup(decisionId: string) {
  return useMutation({
    mutationFn: (receipt: string) =>
      api<PublishedBallot>(
        `/api/decisions/${decisionId}/receipts/${encodeURIComponent(receipt.trim().toUpperCase())}`,
      ),
  });
}
