import { useQuery } from '@tanstack/react-query';
import { workspaceContract } from '../../../src/features/workspace/workspace.contract.ts';
import { call } from './client.ts';

/** The dashboard's to-dos for the signed-in person (GET /api/today), scoped by the server. */
export function useToday(withinHours = 168) {
  return useQuery({
    queryKey: ['today', withinHours],
    queryFn: () => call(workspaceContract.today, { query: { withinHours } }),
  });
}
