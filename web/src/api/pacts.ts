import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { pactsContract as pacts } from '../../../src/features/pacts/pacts.contract.ts';
import type {
  AdviceView,
  Comparison,
  ConsentView,
  consentInputSchema,
  createPactSchema,
  PactRaceView,
  PactSummary,
  PactView,
  RunView,
  ratificationResponseSchema,
  ratifyInputSchema,
  ruleInputSchema,
  runInputSchema,
  VersionSummary,
  VersionView,
} from '../../../src/features/pacts/pacts.schema.ts';
import { call } from './client.ts';
import { type PageReader, usePagedList } from './pages.ts';
import { keys as sharedKeys } from './queries.ts';

export type {
  AdviceView,
  Comparison,
  ConsentView,
  PactRaceView,
  PactSummary,
  PactView,
  RunView,
  VersionSummary,
  VersionView,
};
export type PactStatus = PactSummary['status'];
export type PactMember = PactView['members'][number];
export type RunMode = RunView['mode'];
export type RatificationSent = z.infer<typeof ratificationResponseSchema>;
// Request bodies as the server accepts them (before its defaults apply).
export type CreatePactInput = z.input<typeof createPactSchema>;
export type ConsentInput = z.input<typeof consentInputSchema>;
export type RatifyInput = z.input<typeof ratifyInputSchema>;
type RuleInput = z.input<typeof ruleInputSchema>;
type RunInput = z.input<typeof runInputSchema>;

export const pactKeys = {
  all: ['pacts'] as const,
  list: ['pacts', 'list'] as const,
  pact: (id: string) => ['pacts', 'detail', id] as const,
  version: (id: string, number: number) => ['pacts', 'version', id, number] as const,
  advice: (id: string, number: number) => ['pacts', 'advice', id, number] as const,
  compare: (id: string, from: number, to: number) => ['pacts', 'compare', id, from, to] as const,
  run: (id: string, runId: string) => ['pacts', 'run', id, runId] as const,
};

/** One page of the pacts, newest first (the server's keyset pages). */
const readPacts =
  (limit: number): PageReader<PactSummary> =>
  (cursor) =>
    call(pacts.list, { query: { limit, cursor } }).then((r) => ({
      items: r.pacts,
      nextCursor: r.nextCursor,
    }));

/** The pacts page: 20 at a time, with "Load more". */
export function usePactPages() {
  return usePagedList([...pactKeys.list, 'pages'], readPacts(20));
}

/** The dashboard's first few pacts, newest first; `more` when the list goes on (on the pacts page). */
export function useLatestPacts(count: number) {
  return useQuery({
    queryKey: [...pactKeys.list, 'latest', count],
    queryFn: () =>
      readPacts(count)(undefined).then((page) => ({ pacts: page.items, more: page.nextCursor !== null })),
  });
}

export function usePact(id: string) {
  return useQuery({ queryKey: pactKeys.pact(id), queryFn: () => call(pacts.get, { params: { id } }) });
}

/** A version never changes once stored: read it once. */
export function usePactVersion(id: string, number: number | undefined) {
  return useQuery({
    queryKey: pactKeys.version(id, number ?? 0),
    queryFn: () => call(pacts.version, { params: { id, number: number ?? 0 } }),
    enabled: number !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Advice on a version (the engine re-run without each rule): as fixed as the version itself. */
export function usePactAdvice(id: string, number: number | undefined) {
  return useQuery({
    queryKey: pactKeys.advice(id, number ?? 0),
    queryFn: () => call(pacts.advice, { params: { id, number: number ?? 0 } }),
    enabled: number !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useComparison(id: string, from: number | undefined, to: number | undefined) {
  const ready = from !== undefined && to !== undefined && from !== to;
  return useQuery({
    queryKey: pactKeys.compare(id, from ?? 0, to ?? 0),
    queryFn: () => call(pacts.compare, { params: { id }, query: { from, to } }),
    enabled: ready,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

const finished = (run: RunView | undefined) =>
  run !== undefined && run.status !== 'queued' && run.status !== 'running';

/**
 * A run of the engine, polled twice a second until it ends (the server stores its phase and
 * percentage as the worker reports them).
 */
export function useRun(id: string, runId: string | null, initial?: RunView) {
  return useQuery({
    queryKey: pactKeys.run(id, runId ?? ''),
    queryFn: () => call(pacts.getRun, { params: { id, runId: runId ?? '' } }),
    enabled: runId !== null,
    initialData: initial && initial.id === runId ? initial : undefined,
    refetchInterval: (query) => (finished(query.state.data) ? false : 500),
  });
}

/** After any write the pact (its races, rules, versions and standing) is read again. */
function useInvalidatePact(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: pactKeys.pact(id) });
    void queryClient.invalidateQueries({ queryKey: pactKeys.list });
    void queryClient.invalidateQueries({ queryKey: sharedKeys.audit });
  };
}

export function useStartRun(id: string) {
  const invalidate = useInvalidatePact(id);
  return useMutation({
    mutationFn: (input: RunInput) => call(pacts.run, { params: { id }, body: input }),
    onSuccess: invalidate,
  });
}

/** Called when a polled run ends: its version (or failure) is now part of the pact. */
export function useRunFinished(id: string) {
  return useInvalidatePact(id);
}

export function useLockRace(id: string) {
  const invalidate = useInvalidatePact(id);
  return useMutation({
    mutationFn: (input: RuleInput) => call(pacts.lock, { params: { id }, body: input }),
    onSuccess: invalidate,
  });
}

export function useUnlockRace(id: string) {
  const invalidate = useInvalidatePact(id);
  return useMutation({
    mutationFn: (race: string) => call(pacts.unlock, { params: { id, race } }),
    onSuccess: invalidate,
  });
}

export function useVetoRace(id: string) {
  const invalidate = useInvalidatePact(id);
  return useMutation({
    mutationFn: (input: RuleInput) => call(pacts.veto, { params: { id }, body: input }),
    onSuccess: invalidate,
  });
}

export function useLiftVeto(id: string) {
  const invalidate = useInvalidatePact(id);
  return useMutation({
    mutationFn: ({ race, organizationId }: { race: string; organizationId: string }) =>
      call(pacts.liftVeto, { params: { id, race, organizationId } }),
    onSuccess: invalidate,
  });
}

export function useSwapRaces(id: string) {
  const invalidate = useInvalidatePact(id);
  return useMutation({
    mutationFn: (races: [string, string]) => call(pacts.swap, { params: { id }, body: { races } }),
    onSuccess: invalidate,
  });
}

export function useRecordConsent(id: string) {
  const invalidate = useInvalidatePact(id);
  return useMutation({
    mutationFn: ({ race, ...input }: ConsentInput & { race: string }) =>
      call(pacts.consent, { params: { id, race }, body: input }),
    onSuccess: invalidate,
  });
}

export function useSendToRatification(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidatePact(id);
  return useMutation({
    mutationFn: (input: RatifyInput) => call(pacts.ratify, { params: { id }, body: input }),
    onSuccess: () => {
      invalidate();
      void queryClient.invalidateQueries({ queryKey: sharedKeys.decisions });
    },
  });
}

export function useCreatePact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePactInput) => call(pacts.create, { body: input }),
    onSuccess: (pact) => {
      queryClient.setQueryData(pactKeys.pact(pact.id), pact);
      void queryClient.invalidateQueries({ queryKey: pactKeys.list });
    },
  });
}
