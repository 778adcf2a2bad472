import type { z } from 'zod';
import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import { organizationStatuses } from '../../core/rules/lifecycle.ts';
import type { Db } from '../../db/database.ts';
import { readChainHead } from '../audit/index.ts';
import { brandingOf } from './branding.service.ts';
import { currentCharter } from './charter.repository.ts';
import { countByStatus, listOrganizations } from './organizations.repository.ts';
import type { coalitionOverviewSchema, publicCoalitionSchema } from './registry.schema.ts';
import { findCoalition, findCoalitionBySlug } from './settings.repository.ts';
import { getSettings } from './settings.service.ts';
import { iso, toOrganizationView } from './views.ts';

export async function getCoalitionOverview(
  db: Db,
  actor: Actor,
): Promise<z.infer<typeof coalitionOverviewSchema>> {
  const [coalition, settings, charter, counts] = await Promise.all([
    findCoalition(db, actor.coalitionId),
    getSettings(db, actor.coalitionId),
    currentCharter(db, actor.coalitionId),
    countByStatus(db, actor.coalitionId),
  ]);
  const byStatus = Object.fromEntries(organizationStatuses.map((s) => [s, 0])) as Record<
    (typeof organizationStatuses)[number],
    number
  >;
  for (const row of counts) byStatus[row.status] = Number(row.count);
  return { coalition, settings, charterVersion: charter?.version ?? null, organizationsByStatus: byStatus };
}

/** What anybody may see without signing in: the charter and the members' public profiles. */
export async function getPublicCoalition(
  db: Db,
  slug: string,
): Promise<z.infer<typeof publicCoalitionSchema>> {
  const coalition = await findCoalitionBySlug(db, slug);
  if (!coalition) throw notFound('coalition.not_found', `No coalition "${slug}".`);
  const [charter, members, auditHead, branding] = await Promise.all([
    currentCharter(db, coalition.id),
    listOrganizations(db, coalition.id, { status: 'member' }),
    readChainHead(db, coalition.id),
    brandingOf(db, [coalition.id]),
  ]);
  const look = branding.get(coalition.id);
  if (!look) throw new Error('brandingOf answers for every coalition it is given');
  return {
    coalition: { slug: coalition.slug, name: coalition.name },
    branding: look,
    auditHead,
    charter: charter
      ? { version: charter.version, planks: charter.planks, adoptedAt: iso(charter.adopted_at) }
      : null,
    members: members.map((row) => {
      const { id, name, kind, parentId, position, description, platform, homeJurisdictions } =
        toOrganizationView(row, new Set());
      return { id, name, kind, parentId, position, description, platform, homeJurisdictions };
    }),
  };
}
