import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { fillPath } from '../../../src/contract/endpoint.ts';
import { slateContract } from '../../../src/features/tickets/slate.contract.ts';
import type { Slate, SlateEntry } from '../../../src/features/tickets/slate.schema.ts';
import { ticketsContract as c } from '../../../src/features/tickets/tickets.contract.ts';
import type {
  alertSchema,
  CandidateView,
  CheckInput,
  HistoryEvent,
  LineInput,
  NationalTicketView,
  ProposeCandidateInput,
  RaceRef,
  ResultsReport,
  RuleCheck,
  TicketSettings,
  TransitionInput,
} from '../../../src/features/tickets/tickets.schema.ts';
import { type ApiErrorOf, call } from './client.ts';
import { type PageReader, readAllPages, usePagedList } from './pages.ts';
import { queryString } from './queries.ts';

/** Every web call of the tickets feature (docs/tickets.md), typed by its contracts. */

export type {
  CandidateView,
  CheckInput,
  HistoryEvent,
  LineInput,
  NationalTicketView,
  RaceRef,
  ResultsReport,
  RuleCheck,
  Slate,
  SlateEntry,
  TicketSettings,
};
export type Alert = z.infer<typeof alertSchema>;

/** The candidates page's filters, as the list endpoint's query takes them. */
/** The candidates list's filters, as the query schema takes them (`dissident`: 'true' or 'false'). */
export type CandidateFilter = z.input<typeof c.candidates.query>;

const ticketKeys = {
  all: ['tickets'] as const,
  candidates: (filter: object) => ['tickets', 'candidates', filter] as const,
  candidate: (id: string) => ['tickets', 'candidate', id] as const,
};

/** One page of the candidates that pass the filter, oldest first (the server's keyset pages). */
const readCandidates =
  (filter: CandidateFilter, limit: number): PageReader<CandidateView> =>
  (cursor) =>
    call(c.candidates, { query: { ...filter, limit, cursor } }).then((r) => ({
      items: r.candidates,
      nextCursor: r.nextCursor,
    }));

/** The candidates page: 50 at a time, with "Load more". */
export function useCandidatePages(filter: CandidateFilter) {
  return usePagedList([...ticketKeys.candidates(filter), 'pages'], readCandidates(filter, 50));
}

/**
 * Every candidate that passes the filter, following the pages (500 at a time): for a picker or a
 * panel that needs them all, with a narrow filter.
 */
export function useAllCandidates(filter: CandidateFilter) {
  return useQuery({
    queryKey: [...ticketKeys.candidates(filter), 'all'],
    queryFn: () => readAllPages(readCandidates(filter, 500)),
  });
}

export function useCandidate(id: string) {
  return useQuery<CandidateView, ApiErrorOf<typeof c.candidate>>({
    queryKey: ticketKeys.candidate(id),
    queryFn: () => call(c.candidate, { params: { id } }),
  });
}

/**
 * The races a candidate may be proposed for whose name, office or place contains `q`, 10 at a
 * time (the server's keyset pages): the coalition's races grow with every import, so the form
 * searches rather than lists them. Nothing is asked while `q` is empty.
 */
export function useNominationRaceSearch(q: string) {
  const text = q.trim();
  return useInfiniteQuery({
    queryKey: ['tickets', 'races', text] as const,
    queryFn: ({ pageParam }) => call(c.races, { query: { q: text, limit: 10, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The ticket builder's live check: asked again whenever the draft changes. */
export function useRuleCheck(input: CheckInput | null) {
  return useQuery({
    queryKey: ['tickets', 'check', input],
    queryFn: () => call(c.check, { body: input as CheckInput }),
    enabled: input !== null,
  });
}

export function useAlerts() {
  return useQuery({ queryKey: ['tickets', 'alerts'], queryFn: () => call(c.alerts) });
}

export function useResultsReport() {
  return useQuery({ queryKey: ['tickets', 'report'], queryFn: () => call(c.resultsReport) });
}

export function useNationalTickets() {
  return useQuery({ queryKey: ['tickets', 'national'], queryFn: () => call(c.nationalTickets) });
}

/** `E`: the endpoint's typed ApiError, for pages that react to one refusal (ApiErrorOf). */
function useTicketsMutation<I, O, E = Error>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation<O, E, I>({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: ticketKeys.all }),
  });
}

export const useProposeCandidate = () =>
  useTicketsMutation<ProposeCandidateInput, CandidateView, ApiErrorOf<typeof c.propose>>((input) =>
    call(c.propose, { body: input }),
  );
export const useAddLine = (id: string) =>
  useTicketsMutation((input: LineInput) => call(c.addLine, { params: { id }, body: input }));
export const useEndorse = (id: string) =>
  useTicketsMutation(() => call(c.endorse, { params: { id }, body: {} }));
export const useTransition = (id: string) =>
  useTicketsMutation((input: TransitionInput) => call(c.transition, { params: { id }, body: input }));
export const useOpenDispute = (id: string) =>
  useTicketsMutation(() => call(c.openDispute, { params: { id }, body: {} }));
export const useResolveDispute = (id: string) =>
  useTicketsMutation(() => call(c.resolveDispute, { params: { id } }));

/** The public slate for a place (no session). */
export function useSlate(slug: string, jurisdiction: string | undefined) {
  return useQuery({
    queryKey: ['public', slug, 'slate', jurisdiction ?? ''],
    queryFn: () =>
      call(slateContract.slate, { params: { slug }, query: { jurisdiction: jurisdiction ?? '' } }),
    enabled: jurisdiction !== undefined && jurisdiction !== '',
  });
}

/** The PDF card and the iCal feed are files: the page links to them (their contracts give the paths). */
export const slateFileUrl = (slug: string, jurisdiction: string, extension: 'pdf' | 'ics') =>
  fillPath((extension === 'pdf' ? slateContract.pdf : slateContract.ical).path, { slug }) +
  queryString({ jurisdiction });

/** The candidate's audit trail, refused fusion attempts included. */
export function useCandidateHistory(id: string) {
  return useQuery({
    queryKey: ['tickets', 'candidate', id, 'history'],
    queryFn: () => call(c.history, { params: { id } }),
  });
}
