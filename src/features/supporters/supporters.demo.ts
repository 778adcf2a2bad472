import { resolveCliActor } from '../../cli/context.ts';
import type { Db } from '../../db/database.ts';
import type { DemoStep } from '../../demo/step.ts';
import { demoEmail } from '../registry/index.ts';
import { ownerScope } from './access.ts';
import { commitStage, createStage, type StagedPerson, stagePeople } from './import/import.repository.ts';
import { orderedIds } from './import/ordered-ids.ts';
import { toPersonRow } from './person-input.ts';
import { seededRandom, syntheticPerson, syntheticPersonInput } from './synthetic.ts';

/**
 * Fictional supporters for the demo members, from a fixed seed (src/features/supporters/synthetic.ts).
 * Ranges of the same fictional universe overlap on purpose: Harbor Greens and Open Streets Federation
 * share 150 people, the Workers' Common Front and Tenants United 60, so an overlap run shows a count.
 */
const holdings: { member: string; from: number; count: number }[] = [
  { member: "Workers' Common Front", from: 0, count: 2000 },
  { member: 'Tenants United', from: 1940, count: 400 },
  { member: 'Harbor Greens', from: 5000, count: 900 },
  { member: 'Open Streets Federation', from: 5750, count: 600 },
  { member: 'Rural Hearth Movement', from: 8000, count: 300 },
];

async function coalitionSlug(db: Db, coalitionId: string): Promise<string> {
  const row = await db
    .selectFrom('coalitions')
    .select('slug')
    .where('id', '=', coalitionId)
    .executeTakeFirstOrThrow();
  return row.slug;
}

export const supportersDemoStep: DemoStep = {
  name: 'supporters: a few thousand fictional people across five members, some shared',
  async run(db, context) {
    const slug = await coalitionSlug(db, context.coalitionId);
    const random = seededRandom(20261203);
    let total = 0;
    for (const holding of holdings) {
      const delegate = await resolveCliActor(db, slug, demoEmail(holding.member)).catch(() => null);
      if (!delegate) continue;
      const scope = ownerScope(delegate, 'load the demo');
      const rows: StagedPerson[] = [];
      const nextId = orderedIds();
      for (let i = holding.from; i < holding.from + holding.count; i += 1) {
        const p = syntheticPerson(i);
        const { row } = toPersonRow(syntheticPersonInput(p), new Set());
        const consentEmail = random() < 0.7 ? random() < 0.9 : null;
        rows.push({ ...row, id: nextId(), row: rows.length + 2, consentEmail, consentPhone: null });
      }
      await createStage(db);
      await stagePeople(db, rows);
      await commitStage(db, scope, 'demo data', new Date('2026-10-01T12:00:00Z'), new Date());
      total += rows.length;
    }
    context.log(
      `demo: ${total} fictional supporters across ${holdings.length} members (Harbor Greens and Open Streets Federation share 150)`,
    );
  },
};
