import type { z } from 'zod';
import type { Actor } from '../../core/actor.ts';
import { requireAdmin } from '../../core/authorize.ts';
import { defaultSecrecyK } from '../../core/secrecy/levels.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import {
  type GovernanceSettings,
  governanceSettingsSchema,
  type settingsPatchSchema,
} from './registry.schema.ts';
import * as repo from './settings.repository.ts';

/** What a coalition starts with until its admin says otherwise. */
export const defaultSettings: GovernanceSettings = {
  admissionRule: { all: [{ charterRatified: true }] },
  quorum: { num: 1, den: 2 },
  strengthMetric: 'members',
  weightCapPermille: null,
  votingWindowHours: 168,
  secrecyK: defaultSecrecyK,
};

export async function getSettings(db: Db, coalitionId: string): Promise<GovernanceSettings> {
  const row = await repo.findSettings(db, coalitionId);
  // Stored settings were validated on write; defaults fill keys added since.
  return row ? governanceSettingsSchema.parse({ ...defaultSettings, ...row.settings }) : defaultSettings;
}

export async function updateSettings(
  db: Db,
  actor: Actor,
  patch: z.infer<typeof settingsPatchSchema>,
  now = new Date(),
): Promise<GovernanceSettings> {
  requireAdmin(actor, 'change the governance settings');
  const before = await getSettings(db, actor.coalitionId);
  const after = governanceSettingsSchema.parse({ ...before, ...patch });
  await repo.upsertSettings(db, actor.coalitionId, after, now);
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'settings.updated',
    subject: { type: 'coalition', id: actor.coalitionId },
    // One row per coalition, keyed by it.
    rows: [{ table: 'governance_settings', id: actor.coalitionId }],
    payload: { before, after },
  });
  return after;
}
