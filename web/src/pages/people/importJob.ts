import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type importStatusSchema,
  importJobsContract as imports,
} from '../../../../src/features/supporters/import/import-jobs.contract.ts';
import { call } from '../../api/client.ts';

export type ImportStatus = z.infer<typeof importStatusSchema>;

const ended = (status: ImportStatus | undefined) => status?.status === 'done' || status?.status === 'failed';

/** Hands the file over as an import job: the server answers 202 at once with the queued import. */
export function startImportJob(file: { name: string; text: string }, mapping: Record<string, string>) {
  return call(imports.start, {
    body: { fileName: file.name, csv: file.text, preset: null, mapping },
  });
}

/** The import, polled every half second until it is done or failed (as a pact run is). */
export function useImportJob(started: ImportStatus | null) {
  return useQuery({
    queryKey: ['people', 'import-jobs', started?.id ?? ''],
    queryFn: () => call(imports.get, { params: { importId: started?.id ?? '' } }),
    enabled: started !== null,
    initialData: started ?? undefined,
    refetchInterval: (query) => (ended(query.state.data) ? false : 500),
  });
}
