import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Slate, SlateEntry } from '../../../src/features/tickets/slate.schema.ts';
import type {
  alertSchema,
  CandidateView,
  CheckInput,
  LineInput,
  NationalTicketView,
  ProposeCandidateInput,
  RaceRef,
  RuleCheck,
  TicketSettings,
  TransitionInput,
} from '../../../src/features/tickets/tickets.schema.ts';
import { api } from './client.ts';
import { queryString } from './queries.ts';

/** Every web call of the tickets feature (docs/tickets.md). */

export type {
  CandidateView,
  CheckInput,
  LineInput,
  NationalTicketView,
  RaceRef,
  RuleCheck,
  Slate,
  SlateEntry,
  TicketSettings,
};
export type Alert = z.infer<typeof alertSchema>;

export interface CandidateFilter {
  status?: string;
  organizationId?: string;
  state?: string;
  q?: string;
  dissident?: string;
}

export interface ResultsReport {
  pacts: {
    pactId: string;
    pactName: string;
    version: number;
    members: { organizationId: string; name: string; assigned: number; won: number; expectedWins: number }[];
    costlyLosses: {
      raceKey: string;
      raceName: string;
      assignedToName: string;
      winner: string;
      margin: number;
      taken: number;
      takenBy: { name: string; memberName: string; votes: number; why: string }[];
    }[];
    missingResults: string[];
  }[];
  retention: {
    raceId: string;
    raceName: string;
    statePo: string;
    line: string;
    lineVotes: number;
    verdict: {
      kind: 'keeps' | 'loses' | 'manual';
      threshold: number | null;
      ruleText: string;
      reason?: string;
    };
  }[];
}

const ticketKeys = {
  all: ['tickets'] as const,
  candidates: (filter: object) => ['tickets', 'candidates', filter] as const,
  candidate: (id: string) => ['tickets', 'candidate', id] as const,
};

export function useCandidates(filter: CandidateFilter) {
  return useQuery({
    queryKey: ticketKeys.candidates(filter),
    queryFn: () => api<CandidateView[]>(`/api/candidates${queryString({ ...filter })}`),
  });
}

export function useCandidate(id: string) {
  return useQuery({
    queryKey: ticketKeys.candidate(id),
    queryFn: () => api<CandidateView>(`/api/candidates/${id}`),
  });
}

export function useNominationRaces() {
  return useQuery({
    queryKey: ['tickets', 'races'],
    queryFn: () => api<RaceRef[]>('/api/candidates/races'),
    staleTime: 60_000,
  });
}

/** The ticket builder's live check: asked again whenever the draft changes. */
export function useRuleCheck(input: CheckInput | null) {
  return useQuery({
    queryKey: ['tickets', 'check', input],
    queryFn: () => api<RuleCheck>('/api/candidates/check', { method: 'POST', body: input }),
    enabled: input !== null,
  });
}

export function useAlerts() {
  return useQuery({ queryKey: ['tickets', 'alerts'], queryFn: () => api<Alert[]>('/api/compliance/alerts') });
}

export function useResultsReport() {
  return useQuery({
    queryKey: ['tickets', 'report'],
    queryFn: () => api<ResultsReport>('/api/results/report'),
  });
}

export function useNationalTickets() {
  return useQuery({
    queryKey: ['tickets', 'national'],
    queryFn: () => api<NationalTicketView[]>('/api/tickets/national'),
  });
}

function useTicketsMutation<I, O>(call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => client.invalidateQueries({ queryKey: ticketKeys.all }),
  });
}

export const useProposeCandidate = () =>
  useTicketsMutation((input: ProposeCandidateInput) =>
    api<CandidateView>('/api/candidates', { method: 'POST', body: input }),
  );
export const useAddLine = (id: string) =>
  useTicketsMutation((input: LineInput) =>
    api<CandidateView>(`/api/candidates/${id}/lines`, { method: 'POST', body: input }),
  );
export const useEndorse = (id: string) =>
  useTicketsMutation(() =>
    api<CandidateView>(`/api/candidates/${id}/endorsement`, { method: 'POST', body: {} }),
  );
export const useTransition = (id: string) =>
  useTicketsMutation((input: TransitionInput) =>
    api<CandidateView>(`/api/candidates/${id}/transitions`, { method: 'POST', body: input }),
  );
export const useOpenDispute = (id: string) =>
  useTicketsMutation(() => api<CandidateView>(`/api/candidates/${id}/dispute`, { method: 'POST', body: {} }));
export const useResolveDispute = (id: string) =>
  useTicketsMutation(() =>
    api<CandidateView>(`/api/candidates/${id}/dispute/resolution`, { method: 'POST' }),
  );

/** The public slate for a place (no session). */
export function useSlate(slug: string, jurisdiction: string | undefined) {
  return useQuery({
    queryKey: ['public', slug, 'slate', jurisdiction ?? ''],
    queryFn: () =>
      api<Slate>(`/api/public/coalitions/${encodeURIComponent(slug)}/slate${queryString({ jurisdiction })}`),
    enabled: jurisdiction !== undefined && jurisdiction !== '',
  });
}

export const slateFileUrl = (slug: string, jurisdiction: string, extension: 'pdf' | 'ics') =>
  `/api/public/coalitions/${encodeURIComponent(slug)}/slate.${extension}${queryString({ jurisdiction })}`;

export interface HistoryEvent {
  seq: number;
  at: string;
  action: string;
  message: string | null;
}

/** The candidate's audit trail, refused fusion attempts included. */
export function useCandidateHistory(id: string) {
  return useQuery({
    queryKey: ['tickets', 'candidate', id, 'history'],
    queryFn: () => api<HistoryEvent[]>(`/api/candidates/${id}/history`),
  });
}
