/**
 * A coalition for the tickets tests: three members on both sides (Workers' Front −0.6, Harbor
 * Greens −0.3, Liberal Forum +0.4), the reference states loaded, and the coalition's own 2026
 * races imported in New York, Connecticut, Michigan, New Hampshire, Idaho and abroad. A races pact
 * over the three Michigan house seats is ratified: MI-HD-1 to the Greens, MI-HD-2 to the Workers,
 * MI-HD-3 left open.
 */
import { inTx, type Seed, seedCoalition } from '../../../test/helpers/governance.ts';
import type { Db } from '../../db/database.ts';
import { castBallot, closeDecision } from '../decisions/index.ts';
import { importRaces, loadReferenceData, prepareDatasets } from '../map/index.ts';
import {
  createPact,
  lockRace,
  RunExecutor,
  requestRun,
  sendToRatification,
  vetoRace,
} from '../pacts/index.ts';
import { updateOrganization } from '../registry/index.ts';

export const ticketMembers = [
  { name: "Workers' Front", position: -0.6, party: 'DEM' },
  { name: 'Harbor Greens', position: -0.3, party: 'GRN' },
  { name: 'Liberal Forum', position: 0.4, party: 'LIB' },
] as const;

const header =
  'election,election_name,election_date,office,stage,jurisdiction_kind,jurisdiction_code,jurisdiction_name,parent,seats,filing_deadline';
const race = (office: string, kind: string, code: string, name: string, parent: string) =>
  `tk-2026,Tickets 2026,2026-11-03,${office},general,${kind},${code},${name},${parent},1,2026-06-01`;

export function ticketRacesCsv(): string {
  return `${[
    header,
    race('state_senate', 'state_legislative_district', 'NY-SD-1', 'New York Senate 1', 'state:36'),
    race('state_house', 'state_legislative_district', 'CT-HD-1', 'Connecticut House 1', 'state:09'),
    race('state_house', 'state_legislative_district', 'MI-HD-1', 'Michigan House 1', 'state:26'),
    race('state_house', 'state_legislative_district', 'MI-HD-2', 'Michigan House 2', 'state:26'),
    race('state_house', 'state_legislative_district', 'MI-HD-3', 'Michigan House 3', 'state:26'),
    race('state_house', 'state_legislative_district', 'NH-HD-1', 'New Hampshire House 1', 'state:33'),
    race('state_house', 'state_legislative_district', 'ID-HD-1', 'Idaho House 1', 'state:16'),
    race('council', 'ward', 'RS-01', 'Riverside ward 1', ''),
  ].join('\n')}\n`;
}

let referenceLoaded: Promise<unknown> | null = null;

export async function seedTicketsCoalition(db: Db) {
  referenceLoaded ??= prepareDatasets(['us-geography']).then((datasets) =>
    inTx(db, (trx) => loadReferenceData(trx, datasets)),
  );
  await referenceLoaded;
  const seed = await seedCoalition(
    db,
    ticketMembers.map((m) => ({ name: m.name, strength: 300 })),
  );
  for (const [index, member] of seed.members.entries())
    await inTx(db, (trx) =>
      updateOrganization(trx, seed.admin, member.id, { position: ticketMembers[index]?.position ?? null }),
    );
  await inTx(db, (trx) =>
    importRaces(trx, seed.admin, { file: 'tk.csv', text: ticketRacesCsv(), dryRun: false }),
  );
  const races = await db
    .selectFrom('races')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'races.jurisdiction_id')
    .select(['races.id', 'races.office', 'races.election_id', 'jurisdictions.code'])
    .where('races.coalition_id', '=', seed.coalition.id)
    .execute();
  const raceId = (code: string) => {
    const found = races.find((r) => r.code === code);
    if (!found) throw new Error(`no race ${code}`);
    return found.id;
  };
  return { ...seed, raceId, electionId: races[0]?.election_id ?? '' };
}
export type TicketsSeed = Awaited<ReturnType<typeof seedTicketsCoalition>>;

export const member = (seed: Seed, index: number) => {
  const found = seed.members[index];
  if (!found) throw new Error(`no member ${index}`);
  return found;
};

/** Ratifies a pact over the Michigan seats: HD-1 Greens, HD-2 Workers, HD-3 open. */
export async function ratifyMichiganPact(db: Db, seed: TicketsSeed) {
  const executor = new RunExecutor(db);
  try {
    const [workers, greens, liberals] = [member(seed, 0), member(seed, 1), member(seed, 2)];
    const michigan = await db
      .selectFrom('jurisdictions')
      .select('id')
      .where('kind', '=', 'state')
      .where('code', '=', '26')
      .where('coalition_id', 'is', null)
      .executeTakeFirstOrThrow();
    const pact = await inTx(db, (trx) =>
      createPact(trx, seed.secretariat, {
        name: 'Michigan House 2026',
        source: { kind: 'races', electionId: seed.electionId, office: 'state_house', within: [michigan.id] },
        members: ticketMembers.map((m, i) => ({ organizationId: member(seed, i).id, parties: [m.party] })),
        settings: { entitlement: 'report' },
      }),
    );
    await inTx(db, (trx) =>
      lockRace(trx, seed.secretariat, pact.id, { race: 'MI-HD-1', organizationId: greens.id }),
    );
    await inTx(db, (trx) =>
      lockRace(trx, seed.secretariat, pact.id, { race: 'MI-HD-2', organizationId: workers.id }),
    );
    for (const m of [workers, greens, liberals])
      await inTx(db, (trx) =>
        vetoRace(trx, seed.secretariat, pact.id, { race: 'MI-HD-3', organizationId: m.id }),
      );
    const { job } = await inTx(db, (trx) =>
      requestRun(trx, seed.secretariat, pact.id, { mode: 'heuristic' }),
    );
    await executor.execute(job);
    const sent = await inTx(db, (trx) => sendToRatification(trx, seed.secretariat, pact.id, {}));
    for (const m of seed.members)
      await inTx(db, (trx) => castBallot(trx, m.delegate, sent.decisionId, m.id, { choice: 'yes' }));
    await inTx(db, (trx) => closeDecision(trx, seed.secretariat, sent.decisionId));
    return pact.id;
  } finally {
    executor.close();
  }
}
