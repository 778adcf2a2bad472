import { useQuery } from '@tanstack/react-query';
import { auditContract } from '../../../src/features/audit/audit.contract.ts';
import { call } from './client.ts';
import { keys } from './queries.ts';

/**
 * The latest audit events, newest first, with the chain's verification. The events API pages
 * forward only, so the head comes from /verify (which also tells whether the chain holds).
 */
export function useLatestAuditEvents(count: number) {
  return useQuery({
    queryKey: [...keys.audit, 'latest', count],
    queryFn: async () => {
      const verify = await call(auditContract.verify);
      const afterSeq = Math.max(0, (verify.head?.seq ?? 0) - count);
      const page = await call(auditContract.events, { query: { afterSeq, limit: count } });
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
    queryFn: () => call(auditContract.events, { query }),
  });
}

/** Recomputes every hash of the chain on the server. */
export function useAuditVerification() {
  return useQuery({
    queryKey: [...keys.audit, 'verify'],
    queryFn: () => call(auditContract.verify),
  });
}
