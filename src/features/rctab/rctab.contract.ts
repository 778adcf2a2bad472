/** The RCTab API, one contract per endpoint (docs/architecture.md, "One contract per endpoint"). */
import { endpointsOf } from '../../contract/endpoint.ts';
import { type CodeOf, defineErrors } from '../../contract/errors.ts';
import { rctabCountResultSchema, rctabUploadLimits } from './rctab.schema.ts';

export const rctabErrors = defineErrors({
  'rctab.config_invalid': 'invalid',
  'rctab.cvr_invalid': 'invalid',
  'rctab.upload_invalid': 'invalid',
  'rctab.upload_too_large': 'invalid',
  'rctab.file_name_invalid': 'invalid',
  'rctab.tiebreak_needed': ['invalid', 'unprocessable'],
  'rctab.count_stopped': 'unprocessable',
  'rctab.forbidden': 'forbidden',
});
export type RctabErrorCode = CodeOf<typeof rctabErrors>;

const endpoint = endpointsOf('tabulation', rctabErrors);

export const rctabContract = {
  count: endpoint({
    method: 'POST',
    path: '/api/rctab/count',
    auth: 'session',
    summary: 'Run an RCTab config on uploaded cast vote records, as `concord rctab` does',
    description:
      'multipart/form-data: a `config` file (an RCTab contest config), then the cast vote record files as ' +
      '`files` parts (a folder source such as Dominion sends each file with its path inside the folder as ' +
      'the file name), and optionally `tiebreakAnswers` (a JSON array of names for ties the config asks the ' +
      `operator to break). At most ${rctabUploadLimits.files} files and ${rctabUploadLimits.totalBytes / 1024 / 1024} MB in all. ` +
      "Answers RCTab's detailed reports (JSON and CSV) and the rounds of each pass. Coalition staff, delegates and organizers.",
    response: rctabCountResultSchema,
    errors: [
      'rctab.config_invalid',
      'rctab.cvr_invalid',
      'rctab.upload_invalid',
      'rctab.upload_too_large',
      'rctab.file_name_invalid',
      'rctab.tiebreak_needed',
      'rctab.count_stopped',
      'rctab.forbidden',
    ],
  }),
};
