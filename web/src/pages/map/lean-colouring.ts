import type { LegendItem, MapColouring } from '../../components/map/colouring.ts';
import { isCounty, type MapPlace } from '../../components/map/map-geometry.ts';
import { formatLean, formatShare, formatVotes, noteText } from './lean-format.ts';

/**
 * ColorBrewer's RdBu, 9 classes: a diverging scale that stays distinguishable for the common
 * colour-vision deficiencies. Red is Republican, blue Democratic, the pale middle within 3 points.
 */
const bands: readonly { color: string; label: string }[] = [
  { color: '#b2182b', label: 'R+40 or more' },
  { color: '#d6604d', label: 'R+20 to R+40' },
  { color: '#f4a582', label: 'R+10 to R+20' },
  { color: '#fddbc7', label: 'R+3 to R+10' },
  { color: '#f7f7f7', label: 'Within 3 points' },
  { color: '#d1e5f0', label: 'D+3 to D+10' },
  { color: '#92c5de', label: 'D+10 to D+20' },
  { color: '#4393c3', label: 'D+20 to D+40' },
  { color: '#2166ac', label: 'D+40 or more' },
];
/** Band edges in points, the same on both sides, so R+3 and D+3 both leave the middle. */
const edges = [3, 10, 20, 40];
export const noFigureColor = '#c4c9cf';

export function leanColor(lean: number): string {
  const steps = edges.filter((edge) => Math.abs(lean) >= edge).length;
  return bands[lean < 0 ? 4 - steps : 4 + steps]?.color ?? noFigureColor;
}

const legend: LegendItem[] = [
  ...bands.map(({ color, label }) => ({ color, label })),
  { color: '#f7f7f7', hatched: true, label: 'Statewide figure (not reported for this county)' },
  { color: noFigureColor, hatched: true, label: 'No figure' },
];

/** The map's lines for a place: lean first, then the votes behind it, then why a figure is missing. */
export function describeLean(place: MapPlace): string[] {
  const f = place.figures;
  const lines: string[] = [];
  if (f.lean === null) lines.push('No figure in this result set');
  else {
    const statewide = f.leanLevel === 'state' && isCounty(place);
    lines.push(`Lean ${formatLean(f.lean)}${statewide ? ' (statewide figure)' : ''}`);
  }
  if (f.margin !== null) {
    lines.push(
      `Margin ${formatLean(f.margin)}, Democrats ${formatShare(f.twoPartyDemShare)} of two-party vote`,
    );
  }
  if (f.total !== null)
    lines.push(`${formatVotes(f.total)} votes: D ${formatVotes(f.dem)}, R ${formatVotes(f.rep)}`);
  const note = noteText(f.note);
  if (note) lines.push(note);
  return lines;
}

/** Colours by past lean: a place's two-party margin against the whole result set's. */
export const leanColouring: MapColouring = {
  title: 'Partisan lean (two-party margin against the national result)',
  legend,
  fill: (place) => {
    const { lean, leanLevel } = place.figures;
    return lean === null
      ? { color: noFigureColor, hatched: true }
      : { color: leanColor(lean), hatched: leanLevel === 'state' && isCounty(place) };
  },
  describe: describeLean,
};
