import { useMutation } from '@tanstack/react-query';
import { rctabContract } from '../../../src/features/rctab/rctab.contract.ts';
import { type ApiErrorOf, callWithForm } from './client.ts';

export interface CountUpload {
  config: File;
  /** CVR files; files chosen in a folder keep their path inside it (webkitRelativePath). */
  files: readonly File[];
  tiebreakAnswers: readonly string[];
}

/** POST /api/rctab/count: the config first, then the ballots, then the operator's tiebreak answers. */
export function useRctabCount() {
  return useMutation<
    Awaited<ReturnType<typeof countUpload>>,
    ApiErrorOf<typeof rctabContract.count>,
    CountUpload
  >({
    mutationFn: countUpload,
  });
}

function countUpload(upload: CountUpload) {
  const form = new FormData();
  form.append('config', upload.config, upload.config.name);
  for (const file of upload.files) form.append('files', file, file.webkitRelativePath || file.name);
  if (upload.tiebreakAnswers.length > 0)
    form.append('tiebreakAnswers', JSON.stringify(upload.tiebreakAnswers));
  return callWithForm(rctabContract.count, form);
}
