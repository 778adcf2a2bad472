/**
 * Test fixtures for the pact capability: a coalition of four left members (a French-style pact:
 * ECO, SOC, FI, COM) and the fictional town of Riverside's ten wards imported as the coalition's
 * own races, with 2024 results by party and 2026 races to share. Deterministic numbers.
 */
import { inTx, seedCoalition } from '../../../test/helpers/governance.ts';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/database.ts';
import { importRaces } from '../map/index.ts';
import { updateOrganization } from '../registry/index.ts';
import type { CreatePactInput } from './pacts.schema.ts';

export const leftMembers = [
  { name: 'Green Left', strength: 400, position: -0.5, party: 'ECO' },
  { name: 'Social Party', strength: 600, position: -0.3, party: 'SOC' },
  { name: 'Red Front', strength: 300, position: -0.8, party: 'FI' },
  { name: 'Communist League', strength: 100, position: -0.9, party: 'COM' },
] as const;

const wards = 10;
const header =
  'election,election_name,election_date,office,stage,jurisdiction_kind,jurisdiction_code,jurisdiction_name,seats,candidate,party,line,votes';

/** Votes per ward: the left split four ways, RN and ENS opposed; a few wards lean each way. */
export function riversideCsv(): string {
  const rows = [header];
  for (let w = 1; w <= wards; w += 1) {
    const code = `RS-${String(w).padStart(2, '0')}`;
    const ward = `ward,${code},Riverside ward ${w},1`;
    const past = `riverside-2024,Riverside 2024,2024-06-30,council,general,${ward}`;
    const votes: [string, string, number][] = [
      ['Ana Verde', 'ECO', 900 + 150 * ((w * 7) % 5)],
      ['Bruno Rose', 'SOC', 1100 + 120 * ((w * 3) % 6)],
      ['Chloé Rouge', 'FI', 700 + 200 * ((w * 5) % 4)],
      ['Denis Marteau', 'COM', 200 + 60 * (w % 3)],
      ['Étienne Bleu', 'RN', 2300 + 140 * ((w * 11) % 7)],
      ['Fanny Centre', 'ENS', 1200 + 90 * (w % 4)],
    ];
    for (const [candidate, party, count] of votes)
      rows.push(`${past},${candidate},${party},${party},${count}`);
    rows.push(`riverside-2026,Riverside 2026,2026-06-28,council,general,${ward},,,,`);
  }
  return `${rows.join('\n')}\n`;
}

export async function seedLeftCoalition(db: Db) {
  const seeded = await seedCoalition(
    db,
    leftMembers.map((m) => ({ name: m.name, strength: m.strength })),
  );
  for (const [index, member] of seeded.members.entries()) {
    const position = leftMembers[index]?.position ?? null;
    await inTx(db, (trx) => updateOrganization(trx, seeded.admin, member.id, { position }));
  }
  await inTx(db, (trx) =>
    importRaces(trx, seeded.admin, { file: 'riverside.csv', text: riversideCsv(), dryRun: false }),
  );
  const elections = await db
    .selectFrom('elections')
    .select(['id', 'slug'])
    .where('coalition_id', '=', seeded.coalition.id)
    .execute();
  const electionId = (slug: string) => {
    const found = elections.find((e) => e.slug === slug);
    if (!found) throw new Error(`no election ${slug}`);
    return found.id;
  };
  return { ...seeded, past: electionId('riverside-2024'), next: electionId('riverside-2026') };
}

export type LeftCoalition = Awaited<ReturnType<typeof seedLeftCoalition>>;

/** The 2026 races with the 2024 results, the four members mapped to their nuances. */
export function riversidePactInput(seeded: LeftCoalition, name = 'Riverside 2026'): CreatePactInput {
  return {
    name,
    source: { kind: 'races', electionId: seeded.next, resultsFrom: { electionId: seeded.past } },
    members: seeded.members.map((member, index) => ({
      organizationId: member.id,
      parties: [leftMembers[index]?.party ?? ''],
    })),
  };
}

export const delegateOf = (seeded: LeftCoalition, index: number): Actor => {
  const member = seeded.members[index];
  if (!member) throw new Error(`no member ${index}`);
  return member.delegate;
};

/** The coalition's audit trail as (action, subject id) pairs, oldest first. */
export async function auditTrail(db: Db, coalitionId: string) {
  const rows = await db
    .selectFrom('audit_events')
    .select(['action', 'subject', 'payload'])
    .where('coalition_id', '=', coalitionId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    action: row.action,
    subjectId: (row.subject as { id: string } | null)?.id ?? null,
    payload: row.payload as Record<string, unknown>,
  }));
}
