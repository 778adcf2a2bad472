import type { Actor } from '../../core/actor.ts';
import { DomainError, invalid, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import * as repo from './accounts.repository.ts';
import {
  type CreateUserInput,
  createUserInputSchema,
  type LoginBody,
  type SessionView,
} from './accounts.schema.ts';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import { hashSessionToken, newCsrfToken, newSessionToken } from './session-token.ts';

const wrongCredentials = () =>
  new DomainError('unauthenticated', 'auth.invalid_credentials', 'Wrong e-mail or password.');

export interface SessionClock {
  now: Date;
  ttlHours: number;
}

/** The per-account sign-in throttle (the per-IP one is the route's rate limit). */
export interface SignInThrottle {
  maxFailures: number;
  windowMinutes: number;
}

export const defaultSignInThrottle: SignInThrottle = { maxFailures: 5, windowMinutes: 15 };

const windowStart = (now: Date, throttle: SignInThrottle) =>
  new Date(now.getTime() - throttle.windowMinutes * 60_000);

/**
 * Refuses a sign-in to an account with too many recent failures, whatever the password: an
 * attacker spread over many addresses still gets `maxFailures` guesses per window per account.
 * Unknown e-mails are counted too, so the answer never tells whether an account exists.
 */
async function assertNotThrottled(db: Db, email: string, now: Date, throttle: SignInThrottle) {
  const row = await repo.findSignInFailures(db, email);
  if (!row || row.failures < throttle.maxFailures) return;
  const start = new Date(row.first_failed_at);
  if (start < windowStart(now, throttle)) return;
  const retryAfterSeconds = Math.ceil(
    (start.getTime() + throttle.windowMinutes * 60_000 - now.getTime()) / 1000,
  );
  throw new DomainError(
    'rate_limited',
    'auth.account_throttled',
    `Too many failed sign-ins for this account: try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
    { retryAfterSeconds },
  );
}

/** Counts a failed sign-in; runs outside the sign-in's transaction, which the failure rolls back. */
export async function recordFailedSignIn(db: Db, email: string, now: Date, throttle: SignInThrottle) {
  await repo.recordSignInFailure(db, email, now, windowStart(now, throttle));
}

/** Sessions past their expiry are useless and only a liability: deleted at each sign-in and by a sweep. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await repo.deleteExpiredSessions(db, now);
  return Number(result.numDeletedRows);
}

/** Checks the password and opens a session in one of the user's coalitions. */
export async function login(
  db: Db,
  body: LoginBody,
  clock: SessionClock,
  throttle: SignInThrottle = defaultSignInThrottle,
): Promise<{ token: string; session: SessionView }> {
  await assertNotThrottled(db, body.email, clock.now, throttle);
  const user = await repo.findUserByEmail(db, body.email);
  const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), body.password);
  if (!user || !passwordOk) throw wrongCredentials();

  const memberships = await repo.listMemberships(db, user.id);
  const membership = body.coalition
    ? memberships.find((m) => m.slug === body.coalition)
    : memberships.length === 1
      ? memberships[0]
      : undefined;
  if (!membership) {
    if (memberships.length === 0) {
      throw new DomainError('forbidden', 'auth.no_coalition', 'This account has no role in any coalition.');
    }
    throw new DomainError(
      body.coalition ? 'forbidden' : 'invalid',
      'auth.coalition_required',
      body.coalition
        ? `This account has no role in coalition "${body.coalition}".`
        : 'This account belongs to several coalitions: say which one with "coalition".',
      { coalitions: memberships.map((m) => m.slug) },
    );
  }

  await repo.clearSignInFailures(db, body.email);
  await repo.deleteExpiredSessions(db, clock.now);
  // Always a new token: a session id planted before sign-in (fixation) is never promoted.
  const token = newSessionToken();
  const csrfToken = newCsrfToken();
  const expiresAt = new Date(clock.now.getTime() + clock.ttlHours * 3_600_000);
  await repo.insertSession(db, {
    tokenHash: hashSessionToken(token),
    userId: user.id,
    coalitionId: membership.coalitionId,
    csrfToken,
    expiresAt,
  });
  return {
    token,
    session: {
      user: { id: user.id, email: user.email, displayName: user.display_name },
      coalition: { id: membership.coalitionId, slug: membership.slug, name: membership.name },
      role: membership.role,
      organizationId: membership.organizationId,
      csrfToken,
      expiresAt: expiresAt.toISOString(),
    },
  };
}

/** The Actor behind a session cookie, or undefined when the token is unknown or expired. */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
): Promise<{ actor: Actor; session: SessionView } | undefined> {
  const row = await repo.findLiveSession(db, hashSessionToken(token), now);
  if (!row) return undefined;
  return {
    actor: {
      userId: row.userId,
      coalitionId: row.coalitionId,
      organizationId: row.organizationId,
      role: row.role,
    },
    session: {
      user: { id: row.userId, email: row.email, displayName: row.displayName },
      coalition: { id: row.coalitionId, slug: row.coalitionSlug, name: row.coalitionName },
      role: row.role,
      organizationId: row.organizationId,
      csrfToken: row.csrfToken,
      expiresAt: new Date(row.expiresAt).toISOString(),
    },
  };
}

export async function logout(db: Db, token: string): Promise<void> {
  await repo.deleteSession(db, hashSessionToken(token));
}

/** Creates a user (or updates the role of an existing one) in a coalition. */
export async function createUser(db: Db, input: CreateUserInput): Promise<{ id: string; created: boolean }> {
  const parsed = createUserInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid('user.invalid', `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const data = parsed.data;
  const coalition = await repo.findCoalitionBySlug(db, data.coalitionSlug);
  if (!coalition) throw notFound('coalition.not_found', `No coalition "${data.coalitionSlug}".`);

  const existing = await repo.findUserByEmail(db, data.email);
  const user =
    existing ??
    (await repo.insertUser(db, {
      email: data.email,
      display_name: data.displayName,
      password_hash: await hashPassword(data.password),
    }));
  await repo.upsertCoalitionRole(db, {
    user_id: user.id,
    coalition_id: coalition.id,
    role: data.role,
    organization_id: data.organizationId,
  });
  return { id: user.id, created: existing === undefined };
}
