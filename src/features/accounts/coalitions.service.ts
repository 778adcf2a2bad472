import { z } from 'zod';
import { conflict, invalid } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import * as repo from './accounts.repository.ts';

export const coalitionInputSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and hyphens, 2 to 63 characters'),
  name: z.string().trim().min(1).max(200),
});
export type CoalitionInput = z.input<typeof coalitionInputSchema>;

export interface CoalitionListing {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
  users: number;
}

/** A new, empty coalition (tenant). Its first admin comes from `concord user create`. */
export async function createCoalition(db: Db, input: CoalitionInput): Promise<CoalitionListing> {
  const parsed = coalitionInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid('coalition.invalid', `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`);
  }
  if (await repo.findCoalitionBySlug(db, parsed.data.slug)) {
    throw conflict('coalition.exists', `A coalition "${parsed.data.slug}" already exists.`);
  }
  const row = await repo.insertCoalition(db, parsed.data);
  return { id: row.id, slug: row.slug, name: row.name, createdAt: row.created_at.toISOString(), users: 0 };
}

export async function listCoalitions(db: Db): Promise<CoalitionListing[]> {
  const rows = await repo.listCoalitionsWithUserCounts(db);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    createdAt: new Date(row.created_at).toISOString(),
    users: Number(row.users),
  }));
}
