import { randomUUID } from 'node:crypto';
import type { Actor, Role } from '../../src/core/actor.ts';
import { DomainError } from '../../src/core/errors.ts';
import type { Db } from '../../src/db/database.ts';
import {
  createOrganization,
  foundCharter,
  ratifyCharter,
  submitEvidence,
  verifyEvidence,
} from '../../src/features/registry/index.ts';
import { createTestCoalition } from './factories.ts';

/**
 * A user with a role, as an Actor, without hashing a password: governance tests need hundreds of
 * users and argon2id takes tens of milliseconds each. Users who must sign in over HTTP come from
 * createTestUser instead.
 */
export async function createActor(
  db: Db,
  coalitionId: string,
  role: Role,
  organizationId: string | null = null,
): Promise<Actor & { email: string }> {
  const email = `${role}-${randomUUID().slice(0, 12)}@test.example`;
  const user = await db
    .insertInto('users')
    .values({ email, display_name: `Test ${role}`, password_hash: 'not a usable hash' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('coalition_roles')
    .values({ user_id: user.id, coalition_id: coalitionId, role, organization_id: organizationId })
    .execute();
  return { userId: user.id, coalitionId, organizationId, role, email };
}

export const inTx = <T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> => db.transaction().execute(work);

export interface SeededMember {
  id: string;
  name: string;
  delegate: Actor;
}

/**
 * A coalition in working order: an admin, a secretariat, a viewer, a founding charter, and
 * founding members with one delegate each, a verified member count, and the charter ratified.
 */
export async function seedCoalition(db: Db, members: { name: string; strength?: number }[]) {
  const coalition = await createTestCoalition(db);
  const admin = await createActor(db, coalition.id, 'admin');
  const secretariat = await createActor(db, coalition.id, 'secretariat');
  const viewer = await createActor(db, coalition.id, 'viewer');
  await inTx(db, (trx) =>
    foundCharter(trx, admin, [
      { title: 'Democracy', text: 'We decide together.' },
      { title: 'Autonomy', text: 'Every member keeps its own identity.' },
    ]),
  );
  const seeded: SeededMember[] = [];
  for (const member of members) {
    const org = await inTx(db, (trx) =>
      createOrganization(trx, admin, { name: member.name, kind: 'party', founding: true }),
    );
    const delegate = await createActor(db, coalition.id, 'delegate', org.id);
    await inTx(db, async (trx) => {
      await ratifyCharter(trx, delegate, org.id);
      const evidence = await submitEvidence(trx, delegate, org.id, {
        metric: 'members',
        value: member.strength ?? 100,
        asOf: '2026-01-01',
        source: 'membership register',
      });
      await verifyEvidence(trx, secretariat, org.id, evidence.id);
    });
    seeded.push({ id: org.id, name: org.name, delegate });
  }
  return { coalition, admin, secretariat, viewer, members: seeded };
}

export type Seed = Awaited<ReturnType<typeof seedCoalition>>;

export function memberOf(seed: Seed, i: number): SeededMember {
  const member = seed.members[i];
  if (!member) throw new Error(`the seed has no member ${i}`);
  return member;
}

/** The DomainError code a promise rejects with ('resolved' when it does not). */
export const codeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );
