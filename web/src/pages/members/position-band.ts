import type { PositionBand } from '../../../../src/features/registry/registry.schema.ts';

export { type PositionBand, positionBands } from '../../../../src/features/registry/registry.schema.ts';

/** The directory's bands of the left–right axis; the server filters by them (`position`). */
export const positionBandLabels: Record<PositionBand, string> = {
  left: 'Left (below −0.2)',
  centre: 'Centre (−0.2 to +0.2)',
  right: 'Right (above +0.2)',
  undeclared: 'Not declared',
};
