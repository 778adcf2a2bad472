import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys, queryString } from './queries.ts';
import type { AuditEvent } from './types.ts';

interface VerifyResponse {
  ok: boolean;
  events: number;
  head: { seq: number; hash: string } | null;
  message: string;
}

/** The latest audit events, newest first, with the chain's verification. */
export function useLatestAuditEvents(count: number) {
  return useQuery({
    queryKey: [...keys.audit, 'latest', count],
    queryFn: async () => {
      const verify = await api<VerifyResponse>('/api/audit/verify');
      const page = await api<{ events: ListedAuditEvent[] }>(`/api/audit/events?order=desc&limit=${count}`);
      return { verify, events: page.events };
    },
  });
}

export interface AuditPageQuery {
  afterSeq?: number;
  beforeSeq?: number;
  order?: 'asc' | 'desc';
  limit: number;
  action?: string;
  subjectId?: string;
  /** Free text: action, payload, subject or the actor's name. */
  q?: string;
}

export type ListedAuditEvent = AuditEvent & { actorName: string | null };

/** One page of the log: newest first (before `beforeSeq`) or in chain order (after `afterSeq`). */
export function useAuditEvents(query: AuditPageQuery) {
  return useQuery({
    queryKey: [...keys.audit, 'page', query],
    queryFn: () =>
      api<{ events: ListedAuditEvent[]; nextAfterSeq: number | null; nextBeforeSeq: number | null }>(
        `/api/audit/events${queryString({ ...query })}`,
      ),
  });
}

/** Recomputes every hash of the chain on the server. */
export function useAuditVerification() {
  return useQuery({
    queryKey: [...keys.audit, 'verify'],
    queryFn: () => api<VerifyResponse>('/api/audit/verify'),
  });
}
