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

/**
 * The latest audit events, newest first, with the chain's verification. The events API pages
 * forward only, so the head comes from /verify (which also tells whether the chain holds).
 */
export function useLatestAuditEvents(count: number) {
  return useQuery({
    queryKey: [...keys.audit, 'latest', count],
    queryFn: async () => {
      const verify = await api<VerifyResponse>('/api/audit/verify');
      const afterSeq = Math.max(0, (verify.head?.seq ?? 0) - count);
      const page = await api<{ events: AuditEvent[] }>(
        `/api/audit/events?afterSeq=${afterSeq}&limit=${count}`,
      );
      return { verify, events: [...page.events].reverse() };
    },
  });
}

export interface AuditPageQuery {
  afterSeq: number;
  limit: number;
  action?: string;
  subjectId?: string;
}

/** One page of the log in chain order, from just after `afterSeq`. */
export function useAuditEvents(query: AuditPageQuery) {
  return useQuery({
    queryKey: [...keys.audit, 'page', query],
    queryFn: () =>
      api<{ events: AuditEvent[]; nextAfterSeq: number | null }>(
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
