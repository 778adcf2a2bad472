import type { Actor, Role } from '../../src/core/actor.ts';
import type { Db } from '../../src/db/database.ts';
import { createUser } from '../../src/features/accounts/accounts.service.ts';
import { castBallot, closeDecision, createDecision } from '../../src/features/decisions/index.ts';
import type { CreateOrganizationInput } from '../../src/features/registry/index.ts';
import {
  createOrganization,
  foundCharter,
  ratifyCharter,
  submitEvidence,
  updateSettings,
  verifyEvidence,
} from '../../src/features/registry/index.ts';

/**
 * A coalition of its own for the browser tests, so they do not depend on what the demo holds:
 * founding members of every kind, a chapter, an applicant that fails the admission rule, users of
 * every role with passwords, one closed decision with its tally and two open ones.
 * Every name is invented.
 */
export const e2eCoalition = { slug: 'e2e-forum', name: 'Riverlands Civic Forum' } as const;
export const e2ePassword = 'e2e-password-2026';
export const e2eSisterCoalition = { slug: 'e2e-lakeshore', name: 'Lakeshore Civic Forum' } as const;

export const e2eUsers = {
  admin: 'admin@e2e.concord.example',
  secretariat: 'secretariat@e2e.concord.example',
  greensDelegate: 'greens@e2e.concord.example',
  northsideDelegate: 'northside@e2e.concord.example',
  frontDelegate: 'front@e2e.concord.example',
  viewer: 'viewer@e2e.concord.example',
  /** A viewer here and in a second coalition: signing in asks which one. */
  twoCoalitions: 'both@e2e.concord.example',
} as const;

export const e2eDecisions = {
  closed: 'Joint statement on rent control',
  open: 'Adopt the common housing platform',
  secret: 'Elect the forum spokesperson slate',
  ranked: "Choose the forum's campaign theme",
} as const;

export const e2eThemes = ['Housing', 'Transit', 'Climate jobs', 'Childcare'] as const;

interface MemberSeed extends CreateOrganizationInput {
  members: number;
  delegate?: keyof typeof e2eUsers;
}

const members: MemberSeed[] = [
  { name: 'Riverside Greens', kind: 'party', position: -0.6, members: 4200, delegate: 'greensDelegate' },
  { name: "Workers' Common Front", kind: 'party', position: -0.8, members: 12000, delegate: 'frontDelegate' },
  { name: 'Civic Renewal', kind: 'movement', position: 0.1, members: 2600 },
  { name: 'Harbor Tenants Union', kind: 'pressure_group', position: -0.4, members: 900 },
  { name: 'Open Streets Network', kind: 'federation', position: -0.2, members: 1500 },
];

const platform = (topic: string) => [
  { title: `${topic} first`, text: `We put ${topic.toLowerCase()} at the centre of every local programme.` },
];

async function user(db: Db, coalitionId: string, key: keyof typeof e2eUsers, role: Role, org: string | null) {
  const { id } = await createUser(db, {
    email: e2eUsers[key],
    displayName: key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()),
    password: e2ePassword,
    coalitionSlug: e2eCoalition.slug,
    role,
    organizationId: org,
  });
  return { userId: id, coalitionId, organizationId: org, role } satisfies Actor;
}

export async function seedE2eCoalition(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const coalition = await trx
      .insertInto('coalitions')
      .values(e2eCoalition)
      .returning('id')
      .executeTakeFirstOrThrow();
    const admin = await user(trx, coalition.id, 'admin', 'admin', null);
    const secretariat = await user(trx, coalition.id, 'secretariat', 'secretariat', null);
    await user(trx, coalition.id, 'viewer', 'viewer', null);
    await user(trx, coalition.id, 'twoCoalitions', 'viewer', null);
    await trx.insertInto('coalitions').values(e2eSisterCoalition).execute();
    await createUser(trx, {
      email: e2eUsers.twoCoalitions,
      displayName: 'Two Coalitions',
      password: e2ePassword,
      coalitionSlug: e2eSisterCoalition.slug,
      role: 'viewer',
    });
    await updateSettings(trx, admin, {
      admissionRule: {
        all: [
          { charterRatified: true },
          {
            any: [
              { metric: 'members', atLeast: 500, verifiedOnly: true },
              // A recency window, shown in words ("dated within 4 years", not 1461 days).
              { metric: 'votes', atLeast: 10000, withinDays: 1461 },
            ],
          },
        ],
      },
    });
    await foundCharter(trx, admin, [
      {
        title: 'Decide together',
        text: 'Every member has a voice; the forum decides by open, counted votes.',
      },
      { title: 'Keep our identities', text: 'Every member keeps its own name, platform and supporters.' },
    ]);

    const delegates = new Map<string, Actor>();
    for (const { members: size, delegate, ...input } of members) {
      const org = await createOrganization(trx, admin, {
        ...input,
        founding: true,
        platform: platform(input.name),
      });
      const voter = delegate
        ? await user(trx, coalition.id, delegate, 'delegate', org.id)
        : await anonymousDelegate(trx, coalition.id, org.id);
      delegates.set(org.name, voter);
      await ratifyCharter(trx, voter, org.id);
      const evidence = await submitEvidence(trx, voter, org.id, {
        metric: 'members',
        value: size,
        asOf: '2026-09-01',
        source: 'membership register',
      });
      await verifyEvidence(trx, secretariat, org.id, evidence.id);
    }
    const greens = delegates.get('Riverside Greens')?.organizationId;
    if (!greens) throw new Error('seed: Riverside Greens is missing');
    const northside = await createOrganization(trx, admin, {
      name: 'Riverside Greens – Northside',
      kind: 'chapter',
      parentId: greens,
      position: -0.6,
      founding: true,
    });
    // A founding chapter that has not ratified the charter yet: its delegate does it in the browser.
    await user(trx, coalition.id, 'northsideDelegate', 'delegate', northside.id);
    const applicant = await createOrganization(trx, secretariat, {
      name: 'Valley Farmers League',
      kind: 'party',
      position: 0.3,
      description: 'Small farmers and rural cooperatives.',
      platform: platform('Rural services'),
    });
    await submitEvidence(trx, secretariat, applicant.id, {
      metric: 'members',
      value: 320,
      asOf: '2026-10-01',
      source: 'self-declared',
    });

    const closed = await createDecision(trx, secretariat, {
      kind: 'motion',
      title: e2eDecisions.closed,
      body: 'The forum signs the tenants’ joint statement on rent control.',
    });
    const votes = [
      { choice: 'yes' },
      { choice: 'yes' },
      { choice: 'no' },
      { split: { yes: 700, no: 300, abstain: 0 } },
    ] as const;
    for (const [i, actor] of [...delegates.values()].entries()) {
      const vote = votes[i];
      if (vote && actor.organizationId) await castBallot(trx, actor, closed.id, actor.organizationId, vote);
    }
    await closeDecision(trx, secretariat, closed.id);

    const open = await createDecision(trx, secretariat, {
      kind: 'motion',
      title: e2eDecisions.open,
      body: 'The forum adopts the common housing platform for the municipal elections.',
    });
    // Two members without a named delegate have voted already: one more ballot makes the quorum.
    for (const [name, choice] of [
      ['Civic Renewal', 'yes'],
      ['Harbor Tenants Union', 'no'],
    ] as const) {
      const voter = delegates.get(name);
      if (voter?.organizationId) await castBallot(trx, voter, open.id, voter.organizationId, { choice });
    }
    await createDecision(trx, secretariat, {
      kind: 'motion',
      title: e2eDecisions.secret,
      secret: true,
      acknowledgeWeakSecrecy: true,
    });

    const ranked = await createDecision(trx, secretariat, {
      kind: 'motion',
      title: e2eDecisions.ranked,
      method: 'irv',
      options: [...e2eThemes],
    });
    for (const [name, ranking] of [
      ['Civic Renewal', ['Transit', 'Housing']],
      ['Harbor Tenants Union', ['Housing', 'Childcare']],
      ['Open Streets Network', ['Childcare', 'Transit']],
    ] as const) {
      const voter = delegates.get(name);
      if (voter?.organizationId) {
        await castBallot(trx, voter, ranked.id, voter.organizationId, { ranking: [...ranking] });
      }
    }
  });
}

/** Members without a named delegate still need one to ratify and report their strength. */
async function anonymousDelegate(db: Db, coalitionId: string, organizationId: string): Promise<Actor> {
  const row = await db
    .insertInto('users')
    .values({
      email: `delegate-${organizationId.slice(0, 8)}@e2e.concord.example`,
      display_name: 'Delegate',
      password_hash: 'not a usable hash',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('coalition_roles')
    .values({ user_id: row.id, coalition_id: coalitionId, role: 'delegate', organization_id: organizationId })
    .execute();
  return { userId: row.id, coalitionId, organizationId, role: 'delegate' };
}
