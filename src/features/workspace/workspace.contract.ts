/** The workspace API: the dashboard's to-dos and the command palette's search (docs/web.md). */
import { endpointsOf } from '../../contract/endpoint.ts';
import { type CodeOf, defineErrors } from '../../contract/errors.ts';
import { searchQuerySchema, searchResponseSchema } from './search.schema.ts';
import { todayQuerySchema, todayResponseSchema } from './today.schema.ts';

/** Reads of what the caller may already see elsewhere: they refuse nothing of their own. */
export const workspaceErrors = defineErrors({});
export type WorkspaceErrorCode = CodeOf<typeof workspaceErrors>;

const endpoint = endpointsOf('workspace', workspaceErrors);

export const workspaceContract = {
  today: endpoint({
    method: 'GET',
    path: '/api/today',
    auth: 'session',
    summary:
      'What needs the caller today: decisions closing soon and who has not voted (counts only on secret ballots), applications, pact consents awaited',
    query: todayQuerySchema,
    response: todayResponseSchema,
  }),
  search: endpoint({
    method: 'GET',
    path: '/api/search',
    auth: 'session',
    summary:
      'Jump-to search for the command palette: members, decisions, pacts, candidates, petition drives and places the caller may see, best matches first',
    query: searchQuerySchema,
    response: searchResponseSchema,
  }),
};
