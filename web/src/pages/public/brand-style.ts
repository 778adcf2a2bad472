import type { CSSProperties } from 'react';
import type { Branding } from '../../../../src/features/registry/registry.schema.ts';

/**
 * A coalition's colours as CSS variables for its public frame (public-brand.css uses them). The
 * server has checked the accent against white and chosen the text colours, so the pages stay AA.
 */
export function brandStyle(branding: Branding | undefined): CSSProperties | undefined {
  if (!branding) return undefined;
  return {
    '--brand-primary': branding.primaryColor,
    '--brand-primary-ink': branding.primaryText,
    '--brand-accent': branding.accentColor,
    '--brand-accent-ink': branding.accentText,
  } as CSSProperties;
}
