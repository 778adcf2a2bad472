import type { Actor } from '../../core/actor.ts';
import { requireAdmin } from '../../core/authorize.ts';
import { contrastRatio, minimumTextContrast, readableTextOn } from '../../core/colour-contrast.ts';
import { invalid } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import * as repo from './branding.repository.ts';
import { type Branding, type BrandingInput, brandingLimits } from './registry.schema.ts';

/** The look of a coalition that has not chosen one: Concord's own blue. */
export const defaultBranding: BrandingInput = { primaryColor: '#0b5cad', accentColor: '#0b5cad', logo: null };

const withText = (input: BrandingInput): Branding => ({
  ...input,
  primaryText: readableTextOn(input.primaryColor),
  accentText: readableTextOn(input.accentColor),
});

export async function brandingOf(db: Db, coalitionIds: readonly string[]): Promise<Map<string, Branding>> {
  const rows = await repo.findBranding(db, coalitionIds);
  const byId = new Map(
    rows.map((r) => [
      r.coalition_id,
      withText({ primaryColor: r.primary_color, accentColor: r.accent_color, logo: r.logo }),
    ]),
  );
  for (const id of coalitionIds) if (!byId.has(id)) byId.set(id, withText(defaultBranding));
  return byId;
}

export async function getBranding(db: Db, actor: Actor): Promise<Branding> {
  return (await brandingOf(db, [actor.coalitionId])).get(actor.coalitionId) ?? withText(defaultBranding);
}

/**
 * What makes an SVG more than a picture. An <img> never runs an SVG's script, but the file can
 * still be opened on its own; refusing these keeps the stored logo inert wherever it ends up.
 */
const svgActive =
  /<script|<foreignobject|\son[a-z]+\s*=|javascript:|<iframe|<embed|<object|(?:xlink:)?href\s*=\s*(?!["']?\s*#)/i;
const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Why the logo is refused, or undefined when it is a real PNG, or an SVG with nothing active. */
export function logoProblem(dataUrl: string): string | undefined {
  const [head, base64 = ''] = dataUrl.split(',', 2);
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > brandingLimits.logoBytes) {
    return `is ${bytes.length} bytes; the most is ${brandingLimits.logoBytes}`;
  }
  if (head === 'data:image/png;base64') {
    return pngSignature.every((b, i) => bytes[i] === b) ? undefined : 'is not a PNG image';
  }
  const text = bytes.toString('utf8');
  if (!/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(text)) return 'is not an SVG image';
  if (svgActive.test(text))
    return 'holds scripts, event handlers or links to other files; export a plain SVG';
  return undefined;
}

/**
 * Set the coalition's public look (admin). The accent colour is the public pages' link and button
 * colour on white, so it must reach 4.5:1 there; header and button text are chosen to read on the
 * colours. Audited, which also renews the cached public page.
 */
export async function updateBranding(
  db: Db,
  actor: Actor,
  input: BrandingInput,
  now = new Date(),
): Promise<Branding> {
  requireAdmin(actor, "change the coalition's public look");
  const primaryColor = input.primaryColor.toLowerCase();
  const accentColor = input.accentColor.toLowerCase();
  const ratio = contrastRatio(accentColor, '#ffffff');
  if (ratio < minimumTextContrast) {
    throw invalid(
      'branding.low_contrast',
      `The accent colour ${accentColor} contrasts ${ratio.toFixed(2)}:1 with the white page; links need at least ${minimumTextContrast}:1. Choose a darker shade.`,
      { field: 'accentColor', ratio: Math.round(ratio * 100) / 100, minimum: minimumTextContrast },
    );
  }
  const problem = input.logo === null ? undefined : logoProblem(input.logo);
  if (problem) throw invalid('branding.logo_invalid', `The logo ${problem}.`, { field: 'logo' });
  const before = await getBranding(db, actor);
  await repo.upsertBranding(db, {
    coalition_id: actor.coalitionId,
    primary_color: primaryColor,
    accent_color: accentColor,
    logo: input.logo,
    updated_at: now,
  });
  const after = withText({ primaryColor, accentColor, logo: input.logo });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'coalition.branding_updated',
    subject: { type: 'coalition', id: actor.coalitionId },
    // The logo itself stays out of the chain: its presence is what the log needs.
    payload: {
      before: {
        primaryColor: before.primaryColor,
        accentColor: before.accentColor,
        logo: before.logo !== null,
      },
      after: { primaryColor, accentColor, logo: input.logo !== null },
    },
  });
  return after;
}

/** The public index: every coalition with its look. */
export async function listPublicCoalitions(db: Db) {
  const coalitions = await repo.listCoalitions(db);
  const branding = await brandingOf(
    db,
    coalitions.map((c) => c.id),
  );
  return {
    coalitions: coalitions.map((c) => ({
      slug: c.slug,
      name: c.name,
      branding: branding.get(c.id) ?? withText(defaultBranding),
    })),
  };
}
