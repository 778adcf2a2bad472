import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { decisionsContract as decisions } from '../../../src/features/decisions/decisions.contract.ts';
import { call } from './client.ts';
import { type PageReader, usePagedList } from './pages.ts';
import { keys } from './queries.ts';
import type { BallotInput, CreateDecisionInput, DecisionKind, DecisionSummary } from './types.ts';

export interface DecisionsFilter {
  phase?: DecisionSummary['phase'];
  kind?: DecisionKind;
}

export function useDecisions(filter: DecisionsFilter = {}) {
  return useQuery({
    queryKey: keys.decisionList(filter),
    queryFn: () => call(decisions.list, { query: filter }).then((r) => r.decisions),
  });
}

/** One page of the decisions that pass the filter, latest closing first (the server's keyset pages). */
const readDecisions =
  (filter: DecisionsFilter, limit: number): PageReader<DecisionSummary> =>
  (cursor) =>
    call(decisions.list, { query: { ...filter, limit, cursor } }).then((r) => ({
      items: r.decisions,
      nextCursor: r.nextCursor,
    }));

/** The decisions page: 20 at a time, with "Load more". */
export function useDecisionPages(filter: DecisionsFilter = {}) {
  return usePagedList([...keys.decisionList(filter), 'pages'], readDecisions(filter, 20));
}

export function useDecision(id: string) {
  return useQuery({ queryKey: keys.decision(id), queryFn: () => call(decisions.get, { params: { id } }) });
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
      call(decisions.castBallot, { params: { id: decisionId, organizationId }, body: ballot }),
    onSuccess: invalidate,
  });
}

export function useCloseDecision(decisionId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateDecisions();
  return useMutation({
    mutationFn: () => call(decisions.close, { params: { id: decisionId } }),
    onSuccess: (decision) => {
      queryClient.setQueryData(keys.decision(decisionId), decision);
      invalidate();
    },
  });
}

export function useCreateDecision() {
  const invalidate = useInvalidateDecisions();
  return useMutation({
    mutationFn: (input: CreateDecisionInput) => call(decisions.create, { body: input }),
    onSuccess: invalidate,
  });
}

/** Looks one receipt up in the published ballots of a closed decision. */
export function useReceiptLookup(decisionId: string) {
  return useMutation({
    mutationFn: (receipt: string) =>
      call(decisions.receipt, { params: { id: decisionId, receipt: receipt.trim().toUpperCase() } }),
  });
}
