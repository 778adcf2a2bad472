import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { importContract as ic } from '../../../src/features/supporters/import/import.contract.ts';
import type { duplicateCandidateSchema } from '../../../src/features/supporters/merge/merge.contract.ts';
import type { pipelineSchema } from '../../../src/features/supporters/pipeline/pipeline.schema.ts';
import {
  supportersContract as c,
  type segmentSchema,
} from '../../../src/features/supporters/supporters.contract.ts';
import type {
  Aggregates,
  OverlapRunView,
  PersonSummary,
  PersonView,
  peoplePageSchema,
} from '../../../src/features/supporters/supporters.schema.ts';
import { call, currentCsrfToken } from './client.ts';
import { queryString } from './queries.ts';

/** Every web call of the supporters feature (src/features/supporters). */

export type { Aggregates, OverlapRunView, PersonSummary, PersonView };

const peopleKey = ['people'] as const;

export type PeoplePage = z.output<typeof peoplePageSchema>;

/** Pages of your people, fetched as the virtualized list scrolls (the cursor is opaque). */
export function usePeopleSearch(q: string) {
  return useInfiniteQuery({
    queryKey: [...peopleKey, 'list', q],
    initialPageParam: '',
    queryFn: ({ pageParam }) => call(c.people, { query: { q, cursor: pageParam || undefined, limit: 200 } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: [...peopleKey, 'person', id],
    queryFn: () => call(c.person, { params: { id } }),
    retry: false,
  });
}

export function useAggregates(enabled = true) {
  return useQuery({
    queryKey: [...peopleKey, 'aggregates'],
    queryFn: () => call(c.aggregates),
    enabled,
  });
}

/** The import's report and the mapping step's preview, as the contracts declare them. */
export type ImportReport = z.output<typeof ic.run.response>;
export type ImportPreview = z.output<typeof ic.preview.response>;

/** A segment's people as a CSV download (audited). */
export const segmentExportUrl = (segmentId: string) =>
  `${ic.exportCsv.path}${queryString({ segment: segmentId })}`;

async function postCsv(path: string, text: string): Promise<Response> {
  // Uploads go as text/csv, so they carry the CSRF header by hand (api() sends JSON).
  const csrf = currentCsrfToken();
  return fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'text/csv', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    body: text,
  });
}

export async function previewImport(text: string): Promise<ImportPreview> {
  const response = await postCsv(ic.preview.path, text);
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  return body as ImportPreview;
}

/** The import, with progress read from the NDJSON lines the server streams while it works. */
export async function runImport(
  text: string,
  options: { fileName: string; dryRun: boolean; mapping: Record<string, string> },
  onProgress: (rows: number) => void,
): Promise<ImportReport> {
  const response = await postCsv(
    `${ic.stream.path}${queryString({ fileName: options.fileName, dryRun: String(options.dryRun), mapping: JSON.stringify(options.mapping) })}`,
    text,
  );
  if (!response.ok || !response.body) {
    const body = await response.json().catch(() => undefined);
    throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = JSON.parse(buffer.slice(0, newline)) as {
        progress?: { rows: number };
        report?: ImportReport;
        error?: { message: string };
      };
      buffer = buffer.slice(newline + 1);
      if (line.progress) onProgress(line.progress.rows);
      if (line.report) return line.report;
      if (line.error) throw new Error(line.error.message);
      newline = buffer.indexOf('\n');
    }
  }
  throw new Error('The import ended without a report.');
}

export type DuplicateCandidate = z.output<typeof duplicateCandidateSchema>;

export function useDuplicates() {
  return useQuery({
    queryKey: [...peopleKey, 'duplicates'],
    queryFn: () => call(c.duplicates),
  });
}

export function useMerges() {
  return useQuery({
    queryKey: [...peopleKey, 'merges'],
    queryFn: () => call(c.merges),
  });
}

export function useMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      survivorId: string;
      mergedId: string;
      choices: Record<string, 'survivor' | 'merged'>;
    }) => call(c.merge, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKey }),
  });
}

export function useUndoMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(c.undoMerge, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKey }),
  });
}

export function useOverlaps() {
  return useQuery({
    queryKey: [...peopleKey, 'overlaps'],
    queryFn: () => call(c.overlaps),
  });
}

export function useOverlapAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      action: { kind: 'request'; partnerId: string } | { kind: 'approve' | 'decline'; id: string },
    ) =>
      action.kind === 'request'
        ? call(c.requestOverlap, { body: { partnerId: action.partnerId } })
        : call(action.kind === 'approve' ? c.approveOverlap : c.declineOverlap, {
            params: { id: action.id },
          }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...peopleKey, 'overlaps'] }),
  });
}

export type PipelineView = z.output<typeof pipelineSchema>;

export function usePipeline() {
  return useQuery({
    queryKey: [...peopleKey, 'pipeline'],
    queryFn: () => call(c.pipeline),
  });
}

export function useAdvancePipeline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(c.advancePipeline),
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKey }),
  });
}

export type SegmentView = z.output<typeof segmentSchema>;

export function useSegments() {
  return useQuery({
    queryKey: [...peopleKey, 'segments'],
    queryFn: () => call(c.segments),
  });
}

export function useCreateSegment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; filter: SegmentView['filter'] }) => call(c.createSegment, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...peopleKey, 'segments'] }),
  });
}
