import type { Command } from 'commander';
import type { z } from 'zod';
import type { Actor } from '../core/actor.ts';
import { invalid, notFound } from '../core/errors.ts';
import type { Db } from '../db/database.ts';

/** The coalition a CLI command works on, by slug. */
export async function resolveCoalition(
  db: Db,
  slug: string,
): Promise<{ id: string; slug: string; name: string }> {
  const coalition = await db
    .selectFrom('coalitions')
    .select(['id', 'slug', 'name'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!coalition) throw notFound('coalition.not_found', `No coalition "${slug}".`);
  return coalition;
}

/**
 * The CLI acts as a named user with that user's role, so the same rules apply as over HTTP and
 * the audit log names a person, never "the command line".
 */
export async function resolveCliActor(
  db: Db,
  coalitionSlug: string,
  email: string | undefined,
): Promise<Actor> {
  if (!email)
    throw invalid(
      'cli.actor_required',
      'Say who acts with --as <email> (a user with a role in the coalition).',
    );
  const coalition = await resolveCoalition(db, coalitionSlug);
  const row = await db
    .selectFrom('users')
    .innerJoin('coalition_roles', 'coalition_roles.user_id', 'users.id')
    .select(['users.id', 'coalition_roles.role', 'coalition_roles.organization_id'])
    .where('users.email', '=', email.toLowerCase())
    .where('coalition_roles.coalition_id', '=', coalition.id)
    .executeTakeFirst();
  if (!row) throw notFound('user.not_found', `No user ${email} with a role in coalition "${coalitionSlug}".`);
  return { userId: row.id, coalitionId: coalition.id, organizationId: row.organization_id, role: row.role };
}

/** Reads from the CLI run as a viewer unless --as names someone: they see what any member sees. */
export async function resolveReader(
  db: Db,
  coalitionSlug: string,
  email: string | undefined,
): Promise<Actor> {
  if (email) return resolveCliActor(db, coalitionSlug, email);
  const coalition = await resolveCoalition(db, coalitionSlug);
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    coalitionId: coalition.id,
    organizationId: null,
    role: 'viewer',
  };
}

/** An organization given by id or by its exact name (case does not matter). */
export async function resolveOrganizationId(db: Db, coalitionId: string, ref: string): Promise<string> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where('coalition_id', '=', coalitionId)
    .where((eb) => (isUuid ? eb('id', '=', ref) : eb(eb.fn('lower', ['name']), '=', ref.toLowerCase())))
    .executeTakeFirst();
  if (!row) throw notFound('organization.not_found', `No organization "${ref}" in this coalition.`);
  return row.id;
}

class DryRunRollback<T> extends Error {
  constructor(readonly value: T) {
    super('dry run');
  }
}

/** Runs a write in one transaction; with dryRun, does all of it and then rolls it back. */
export async function runWrite<T>(db: Db, dryRun: boolean, work: (trx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const value = await work(trx);
      if (dryRun) throw new DryRunRollback(value);
      return value;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) {
      process.stderr.write('dry run: everything checked, nothing saved\n');
      return error.value as T;
    }
    throw error;
  }
}

export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

/** Validates CLI input with the same zod schema as the API; the first problem names its option. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalid('cli.invalid', `${String(issue?.path[0] ?? 'input')}: ${issue?.message ?? 'invalid'}`, {
    issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

export interface CommonOptions {
  coalition: string;
  as?: string;
  json?: boolean;
  dryRun?: boolean;
}

/** --coalition and --json on every command; writes also need --as and take --dry-run. */
export function withCommonOptions(command: Command, write: boolean): Command {
  command.requiredOption('--coalition <slug>', 'coalition to work on').option('--json', 'print JSON');
  if (write) {
    return command
      .requiredOption(
        '--as <email>',
        'the user who acts (their role decides what is allowed; the audit log names them)',
      )
      .option('--dry-run', 'check everything, save nothing');
  }
  return command.option(
    '--as <email>',
    'read as this user (default: as a viewer; a delegate also sees its own ballot)',
  );
}
