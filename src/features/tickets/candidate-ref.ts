import type { Db } from '../../db/database.ts';
import { findCandidate, listLines } from './tickets.repository.ts';

/**
 * A candidate as another feature names it (a petition drive for a candidate): its name and the
 * members behind it (the proposing member and every member with a line or endorsement on it).
 */
export async function findCandidateRef(
  db: Db,
  coalitionId: string,
  id: string,
): Promise<{ id: string; name: string; memberIds: string[] } | undefined> {
  const row = await findCandidate(db, coalitionId, id);
  if (!row) return undefined;
  const lines = await listLines(db, coalitionId, [row.id]);
  const memberIds = new Set([row.organization_id]);
  for (const line of lines) if (line.organization_id) memberIds.add(line.organization_id);
  return { id: row.id, name: row.name, memberIds: [...memberIds] };
}
