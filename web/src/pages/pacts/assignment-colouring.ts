import type { PactMember } from '../../api/pacts.ts';
import type { LegendItem, MapColouring } from '../../components/map/colouring.ts';
import type { AssignmentRow } from './assignment-rows.ts';
import { formatProbability } from './format.ts';
import { tierLabels } from './race-odds.ts';

const outside = '#c4c9cf';

/**
 * Colours each place by the member the latest version gives it, hatched where the race is
 * locked; open races stay white. The tooltip and accessible name say the same in words.
 */
export function assignmentColouring(
  members: readonly PactMember[],
  colours: ReadonlyMap<string, string>,
  rows: readonly AssignmentRow[],
  openColour: string,
): MapColouring {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const legend: LegendItem[] = [
    ...members.map((m) => ({ label: m.name, color: colours.get(m.key) ?? outside })),
    { label: 'Left open (no coalition candidate)', color: openColour },
    { label: 'Locked race', color: '#ffffff', hatched: true },
  ];
  return {
    title: 'Who carries the coalition’s flag (latest version)',
    legend,
    fill: (place) => {
      const row = byKey.get(place.id);
      if (!row) return { color: outside, hatched: false };
      const color = row.member ? (colours.get(row.member.key) ?? outside) : openColour;
      return { color, hatched: row.lock !== null };
    },
    describe: (place) => {
      const row = byKey.get(place.id);
      if (!row) return ['Not part of this pact'];
      const lines = [
        row.member
          ? `${row.member.name}, win probability ${formatProbability(row.probability)}`
          : 'Left open: no coalition candidate',
      ];
      if (row.tier) lines.push(`${tierLabels[row.tier]} race`);
      if (row.lock) lines.push(`Locked to ${row.lock.name}`);
      if (row.vetoes.length > 0) lines.push(`Vetoed: ${row.vetoes.map((v) => v.name).join(', ')}`);
      if (row.objections > 0) lines.push(`${row.objections} local objection(s)`);
      return lines;
    },
  };
}
