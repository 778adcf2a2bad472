/**
 * A pact big enough that its exact run takes seconds: races and members from the synthetic pact
 * generator (src/core/allocate/synthetic.ts), imported as a coalition's own races, so a test can
 * stop a server in the middle of a run.
 */

import { syntheticPact } from '../../src/core/allocate/synthetic.ts';
import type { Db } from '../../src/db/database.ts';
import { importRaces } from '../../src/features/map/index.ts';
import { createPact } from '../../src/features/pacts/index.ts';
import { updateOrganization } from '../../src/features/registry/index.ts';
import { createTestUser } from './factories.ts';
import { inTx, seedCoalition } from './governance.ts';
import type { TestSession } from './test-app.ts';

const header =
  'election,election_name,election_date,office,stage,jurisdiction_kind,jurisdiction_code,jurisdiction_name,seats,candidate,party,line,votes';

export async function seedBigPact(db: Db, options: { races: number; members: number; seed: number }) {
  const input = syntheticPact(options);
  const party = (member: string) => member.toUpperCase();
  const seeded = await seedCoalition(
    db,
    input.members.map((m) => ({ name: `Party ${m.id}`, strength: m.weight })),
  );
  for (const [index, member] of seeded.members.entries()) {
    const position = input.members[index]?.position ?? null;
    await inTx(db, (trx) => updateOrganization(trx, seeded.admin, member.id, { position }));
  }
  const rows = [header];
  for (const race of input.races) {
    const where = `ward,${race.id},Ward ${race.id},1`;
    for (const [who, votes] of Object.entries(race.votes)) {
      const code = who.startsWith('other:') ? who.slice(6).toUpperCase() : party(who);
      rows.push(`past,Past,2024-06-30,council,general,${where},Candidate ${code},${code},${code},${votes}`);
    }
    rows.push(`next,Next,2026-06-28,council,general,${where},,,,`);
  }
  await inTx(db, (trx) =>
    importRaces(trx, seeded.admin, { file: 'big.csv', text: `${rows.join('\n')}\n`, dryRun: false }),
  );
  const elections = await db
    .selectFrom('elections')
    .select(['id', 'slug'])
    .where('coalition_id', '=', seeded.coalition.id)
    .execute();
  const election = (slug: string) => {
    const found = elections.find((e) => e.slug === slug);
    if (!found) throw new Error(`no election ${slug}`);
    return found.id;
  };
  const pact = await inTx(db, (trx) =>
    createPact(trx, seeded.secretariat, {
      name: 'Big pact',
      source: { kind: 'races', electionId: election('next'), resultsFrom: { electionId: election('past') } },
      members: seeded.members.map((member, index) => ({
        organizationId: member.id,
        parties: [party(input.members[index]?.id ?? '')],
      })),
    }),
  );
  const staff = await createTestUser(db, seeded.coalition.slug, 'secretariat');
  return { coalitionId: seeded.coalition.id, pactId: pact.id, staff };
}

export interface RunView {
  status: string;
  phase: string;
  percent: number;
  version: { number: number } | null;
}

/**
 * Asks server `base` for an exact run of the pact (202) and returns its id with a reader of the run
 * as any server sees it (the run's row is shared).
 */
export async function requestExactRun(base: string, session: TestSession, pactId: string) {
  const requested = await fetch(`${base}/api/pacts/${pactId}/runs`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify({ mode: 'exact' }),
  });
  if (requested.status !== 202) throw new Error(`run refused: ${requested.status} ${await requested.text()}`);
  const runId = ((await requested.json()) as { id: string }).id;
  const readRun = async (server: string) =>
    (await (
      await fetch(`${server}/api/pacts/${pactId}/runs/${runId}`, { headers: { cookie: session.cookie } })
    ).json()) as RunView;
  return { runId, readRun };
}

/** Waits, reading on `base`, until HiGHS is solving: the moment to stop a server in the middle. */
export async function waitForExactPhase(readRun: (base: string) => Promise<RunView>, base: string) {
  for (;;) {
    const run = await readRun(base);
    if (run.status !== 'queued' && run.status !== 'running') {
      throw new Error(`the run ended (${run.status}) before the kill: the test pact is too small`);
    }
    if (run.phase === 'exact') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
