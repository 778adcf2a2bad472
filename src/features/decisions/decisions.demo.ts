import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/database.ts';
import type { DemoStep } from '../../demo/step.ts';
import { demoEmail, demoSecretariatEmail } from '../registry/index.ts';
import { castBallot } from './ballots.service.ts';
import { closeDueDecisions } from './close.service.ts';
import { createDecision } from './create.service.ts';
import type { BallotInput } from './decisions.schema.ts';

const day = 86_400_000;

async function actorByEmail(db: Db, coalitionId: string, email: string): Promise<Actor> {
  const row = await db
    .selectFrom('users')
    .innerJoin('coalition_roles', 'coalition_roles.user_id', 'users.id')
    .select(['users.id', 'coalition_roles.role', 'coalition_roles.organization_id'])
    .where('users.email', '=', email)
    .where('coalition_roles.coalition_id', '=', coalitionId)
    .executeTakeFirstOrThrow();
  return { userId: row.id, coalitionId, organizationId: row.organization_id, role: row.role };
}

/** A decision taken last week (closed, with its tally) and one open now with a few ballots in. */
export const decisionsDemoStep: DemoStep = {
  name: 'decisions: one closed with its tally, one open',
  async run(db: Db, context) {
    const secretariat = await actorByEmail(db, context.coalitionId, demoSecretariatEmail);
    const delegate = (name: string) => actorByEmail(db, context.coalitionId, demoEmail(name));
    const now = Date.now();
    const cast = async (decisionId: string, name: string, ballot: BallotInput, at: Date) => {
      const actor = await delegate(name);
      if (actor.organizationId) await castBallot(db, actor, decisionId, actor.organizationId, ballot, at);
    };

    const opened = new Date(now - 10 * day);
    const closed = await createDecision(
      db,
      secretariat,
      {
        kind: 'motion',
        title: 'One joint list for the 2027 state legislature',
        body: 'The members run one joint list in every district of the state legislature election, under the coalition name.',
        method: 'double_majority',
        weighting: 'strength',
        weightCapPermille: 350,
        closesAt: new Date(now - 3 * day).toISOString(),
      },
      opened,
    );
    const votes: [string, BallotInput][] = [
      ["Workers' Common Front", { choice: 'yes' }],
      ['Harbor Greens', { choice: 'yes' }],
      ['Open Streets Federation', { split: { yes: 700, no: 300, abstain: 0 } }],
      ['Tenants United', { choice: 'yes' }],
      ['Civic Renewal Party', { choice: 'no' }],
      ['Liberal Forum', { choice: 'abstain' }],
    ];
    for (const [i, [name, ballot]] of votes.entries())
      await cast(closed.id, name, ballot, new Date(opened.getTime() + (i + 1) * 3_600_000));
    // Its window has passed: the next read closes it, as it would for any decision.
    await closeDueDecisions(db, context.coalitionId, new Date(now));

    const open = await createDecision(
      db,
      secretariat,
      {
        kind: 'motion',
        title: 'Adopt the shared housing platform',
        body: 'Rent stability, public housing on public land, and a tenants’ right to organize, as the coalition’s housing platform.',
        secret: true,
        closesAt: new Date(now + 5 * day).toISOString(),
      },
      new Date(now),
    );
    await cast(open.id, 'Tenants United', { choice: 'yes' }, new Date(now));
    await cast(open.id, 'Civic Renewal Party', { split: { yes: 500, no: 0, abstain: 500 } }, new Date(now));
  },
};
