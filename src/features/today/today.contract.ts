/** The dashboard's to-do list, one contract (docs/architecture.md, "One contract per endpoint"). */
import { endpointsOf } from '../../contract/endpoint.ts';
import { type CodeOf, defineErrors } from '../../contract/errors.ts';
import { todayQuerySchema, todayResponseSchema } from './today.schema.ts';

/** A read of what the caller may already see elsewhere: it refuses nothing of its own. */
export const todayErrors = defineErrors({});
export type TodayErrorCode = CodeOf<typeof todayErrors>;

const endpoint = endpointsOf('today', todayErrors);

export const todayContract = {
  today: endpoint({
    method: 'GET',
    path: '/api/today',
    auth: 'session',
    summary:
      'What needs the caller today: decisions closing soon and who has not voted (counts only on secret ballots), applications, pact consents awaited',
    query: todayQuerySchema,
    response: todayResponseSchema,
  }),
};
