import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { auditContract } from '../../../src/features/audit/audit.contract.ts';
import type { auditEventListedSchema } from '../../../src/features/audit/audit.schema.ts';
import { call } from './client.ts';
import { keys } from './queries.ts';

/** The latest audit events, newest first, with the chain's verification. */
export function useLatestAuditEvents(count: number) {
  return useQuery({
    queryKey: [...keys.audit, 'latest', count],
    queryFn: async () => {
      const verify = await call(auditContract.verify);
      const page = await call(auditContract.events, { query: { order: 'desc', limit: count } });
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

export type ListedAuditEvent = z.infer<typeof auditEventListedSchema>;

/** One page of the log: newest first (before `beforeSeq`) or in chain order (after `afterSeq`). */
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
