/** Bands of the left–right axis for filtering; the API filters by kind and status, this runs here. */
export const positionBands = ['left', 'centre', 'right', 'undeclared'] as const;
export type PositionBand = (typeof positionBands)[number];

export const positionBandLabels: Record<PositionBand, string> = {
  left: 'Left (below −0.2)',
  centre: 'Centre (−0.2 to +0.2)',
  right: 'Right (above +0.2)',
  undeclared: 'Not declared',
};

export function inPositionBand(position: number | null, band: PositionBand): boolean {
  if (band === 'undeclared') return position === null;
  if (position === null) return false;
  if (band === 'left') return position < -0.2;
  if (band === 'right') return position > 0.2;
  return position >= -0.2 && position <= 0.2;
}
