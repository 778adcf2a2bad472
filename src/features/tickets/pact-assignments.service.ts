import { z } from 'zod';
import type { PactAssignment } from '../../core/tickets/compliance.ts';
import type { Db } from '../../db/database.ts';
import { findAssignments, ratifiedPacts, versionLabelsSchema } from '../pacts/index.ts';
import { findPactRacesForMapRaces, findVersionMembers } from './tickets.repository.ts';

const assignmentsSchema = z.record(z.string(), z.string().nullable());

export interface RaceAssignment extends PactAssignment {
  raceName: string;
  version: number;
  /** The member's expected wins in the ratified version (for the results report). */
  expectedWins: ReadonlyMap<string, number>;
}

/**
 * What the coalition's ratified pacts say about some map races: for each race, every ratified
 * pact holding it and the member its ratified version gave it to (null = left open). Drafts and
 * pacts under vote say nothing. Must run in a transaction (a due ratification is closed on the way).
 */
export async function ratifiedAssignments(
  db: Db,
  coalitionId: string,
  raceIds: readonly string[],
  now = new Date(),
): Promise<Map<string, RaceAssignment[]>> {
  const byRace = new Map<string, RaceAssignment[]>();
  if (raceIds.length === 0) return byRace;
  const ratified = (await ratifiedPacts(db, coalitionId, now)).filter((r) => r.pact.kind === 'races');
  const rows = await findPactRacesForMapRaces(
    db,
    ratified.map((r) => r.pact.id),
    raceIds,
  );
  for (const entry of ratified) {
    const mine = rows.filter((r) => r.pact_id === entry.pact.id);
    if (mine.length === 0) continue;
    const version = await findAssignments(db, entry.pact.id, entry.version);
    const assignments = assignmentsSchema.parse(version?.assignments ?? {});
    const labels = versionLabelsSchema.parse(version?.labels ?? { members: {}, races: {} });
    const expected = await expectedWinsOf(db, entry.pact.id, entry.version, labels);
    for (const row of mine) {
      if (!row.map_race_id) continue;
      const memberKey = assignments[row.key] ?? null;
      const list = byRace.get(row.map_race_id) ?? [];
      list.push({
        pactId: entry.pact.id,
        pactName: entry.pact.name,
        raceKey: row.key,
        raceName: row.name,
        version: entry.version,
        organizationId: memberKey === null ? null : (labels.members[memberKey]?.organizationId ?? null),
        expectedWins: expected,
      });
      byRace.set(row.map_race_id, list);
    }
  }
  return byRace;
}

const reportMembersSchema = z.record(z.string(), z.object({ expectedWins: z.number() }).loose());

async function expectedWinsOf(
  db: Db,
  pactId: string,
  version: number,
  labels: z.infer<typeof versionLabelsSchema>,
): Promise<Map<string, number>> {
  const row = await findVersionMembers(db, pactId, version);
  const members = reportMembersSchema.safeParse(row?.members);
  const out = new Map<string, number>();
  if (!members.success) return out;
  for (const [key, m] of Object.entries(members.data)) {
    const organizationId = labels.members[key]?.organizationId;
    if (organizationId) out.set(organizationId, m.expectedWins);
  }
  return out;
}
