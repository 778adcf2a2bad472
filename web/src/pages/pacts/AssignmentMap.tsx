import { useMemo } from 'react';
import { type UsLevel, useUsShapes } from '../../api/map.ts';
import type { PactView } from '../../api/pacts.ts';
import { MapLegend } from '../../components/map/MapLegend.tsx';
import { UsMap } from '../../components/map/UsMap.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { assignmentColouring } from './assignment-colouring.ts';
import type { AssignmentRow } from './assignment-rows.ts';
import { openColour } from './member-colours.ts';
import { buildRegionGeometry } from './region-geometry.ts';
import '../map/map.css';

/** The us-atlas level a pact's places are drawn at, or null when there are no shapes for them. */
export function mapLevelOf(pact: PactView): UsLevel | null {
  if (pact.source.kind !== 'zones') return null;
  if (pact.source.zoneKind === 'county') return 'counties';
  if (pact.source.zoneKind === 'state') return 'states';
  return null;
}

interface AssignmentMapProps {
  pact: PactView;
  level: UsLevel;
  rows: readonly AssignmentRow[];
  colours: ReadonlyMap<string, string>;
  selected: string | null;
  onSelect: (race: string) => void;
}

/** The pact's zones on the map, coloured by assigned member; click or Enter opens a race. */
export function AssignmentMap({ pact, level, rows, colours, selected, onSelect }: AssignmentMapProps) {
  const set = pact.source.kind === 'zones' ? pact.source.resultSet.key : '';
  const shapes = useUsShapes(level, set);
  const geometry = useMemo(
    () =>
      shapes.data ? buildRegionGeometry(shapes.data, level, new Set(pact.races.map((r) => r.key))) : null,
    [shapes.data, level, pact.races],
  );
  const colouring = useMemo(
    () => assignmentColouring(pact.members, colours, rows, openColour),
    [pact.members, colours, rows],
  );
  if (shapes.isPending) return <Loading label="Loading the map" />;
  if (shapes.isError) return <ErrorMessage error={shapes.error} />;
  if (!geometry)
    return <p className="muted">No map shapes match this pact’s zones: the table lists them all.</p>;
  return (
    <div className="pact-map">
      <UsMap
        geometry={geometry}
        colouring={colouring}
        label={`Map of the pact’s ${rows.length} zones, coloured by assigned member`}
        selectedId={selected}
        onSelect={(place) => onSelect(place.id)}
      />
      <MapLegend title={colouring.title} items={colouring.legend} />
      <p className="muted map-help">
        Point at a zone, or Tab into the map and move with the arrow keys, to read who runs there; click it or
        press Enter for its details and rules.
      </p>
    </div>
  );
}
