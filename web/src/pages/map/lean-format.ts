import { formatNumber } from '../../components/labels.ts';

/** Points with a side, the way US readers know it: "D+12.3", "R+4.0", "Even". */
export function formatLean(points: number | null): string {
  if (points === null) return 'no figure';
  const rounded = Math.round(points * 10) / 10;
  if (rounded === 0) return 'Even';
  return `${rounded > 0 ? 'D' : 'R'}+${Math.abs(rounded).toFixed(1)}`;
}

/** A share given as a fraction (0.543) or as points (54.3), as "54.3%". */
export const formatShare = (value: number | null, as: 'fraction' | 'points' = 'fraction') =>
  value === null ? '—' : `${(as === 'fraction' ? value * 100 : value).toFixed(1)}%`;

export const formatVotes = (votes: number | null) => (votes === null ? '—' : formatNumber(votes));

/**
 * What the `note` codes of the shapes API (`concord data check` codes, docs/map.md) mean for
 * someone reading the map.
 */
const noteTexts: Record<string, string> = {
  'atlas.alaska_borough':
    'Alaska reports by State House district, not by borough: the statewide figure is shown.',
  'atlas.connecticut_old_county':
    'Connecticut now reports by planning region, which have no shape here: the statewide figure is shown.',
  'atlas.reported_elsewhere':
    'Its votes are reported with a neighbouring county: the statewide figure is shown.',
  'atlas.from_wards': 'Summed from the wards reported inside it.',
  'atlas.territory': 'A territory: no presidential vote.',
  'atlas.state_not_reported': 'This result set has no figure for this state.',
  'atlas.no_result': 'This result set has no figure for this place.',
  'alaska.not_reported': 'This result set has no figure for Alaska.',
};

export function noteText(code: string | null): string | null {
  if (code === null) return null;
  return noteTexts[code] ?? `Data note: ${code}.`;
}
