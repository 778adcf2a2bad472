import type { PactRaceView } from '../../api/pacts.ts';
import { openColour } from './member-colours.ts';

/** A member's name after its colour swatch (the map's and the chart's colour), or "Open". */
export function MemberName({
  member,
  colours,
}: {
  member: PactRaceView['assigned'];
  colours: ReadonlyMap<string, string>;
}) {
  return (
    <span className="member-name">
      <span
        className="swatch"
        aria-hidden="true"
        style={{ background: member ? (colours.get(member.key) ?? openColour) : openColour }}
      />
      {member ? member.name : <span className="muted">Open</span>}
    </span>
  );
}
