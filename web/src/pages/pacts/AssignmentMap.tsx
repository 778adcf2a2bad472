import { useMemo } from 'react';
import { type UsLevel, useUsDistrictShapes, useUsShapes } from '../../api/map.ts';
import type { PactView } from '../../api/pacts.ts';
import { MapLegend } from '../../components/map/MapLegend.tsx';
import { UsMap } from '../../components/map/UsMap.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { assignmentColouring } from './assignment-colouring.ts';
import type { AssignmentRow } from './assignment-rows.ts';
import { openColour } from './member-colours.ts';
import { buildDistrictGeometry, buildRegionGeometry } from './region-geometry.ts';
import '../map/map.css';

/** The level a pact's places are drawn at (House districts on the shipped shapes), or null when there are no shapes for them. */
export function mapLevelOf(pact: PactView): UsLevel | 'districts' | null {
  if (pact.source.kind === 'races') return pact.source.office === 'us_house' ? 'districts' : null;
  if (pact.source.zoneKind === 'congressional_district') return 'districts';
  if (pact.source.zoneKind === 'county') return 'counties';
  if (pact.source.zoneKind === 'state') return 'states';
  return null;
}

interface AssignmentMapProps {
  pact: PactView;
  level: UsLevel | 'districts';
  rows: readonly AssignmentRow[];
  colours: ReadonlyMap<string, string>;
  selected: string | null;
  onSelect: (race: string) => void;
}

/** The pact's zones or House districts on the map, coloured by assigned member; click or Enter opens a race. */
export function AssignmentMap({ pact, level, rows, colours, selected, onSelect }: AssignmentMapProps) {
  const set = pact.source.kind === 'zones' ? pact.source.resultSet.key : '';
  const districts = level === 'districts';
  // Only one of the two is asked for: the other query stays disabled.
  const shapes = useUsShapes(districts ? 'states' : level, districts ? undefined : set);
  const districtShapes = useUsDistrictShapes(districts);
  const source = districts ? districtShapes : shapes;
  const geometry = useMemo(() => {
    const ids = new Set(pact.races.map((r) => r.key));
    if (level === 'districts')
      return districtShapes.data ? buildDistrictGeometry(districtShapes.data, ids) : null;
    return shapes.data ? buildRegionGeometry(shapes.data, level, ids) : null;
  }, [shapes.data, districtShapes.data, level, pact.races]);
  const colouring = useMemo(
    () => assignmentColouring(pact.members, colours, rows, openColour),
    [pact.members, colours, rows],
  );
  if (source.isPending) return <Loading label="Loading the map" />;
  if (source.isError) return <ErrorMessage error={source.error} />;
  if (!geometry)
    return <p className="muted">No map shapes match this pact’s zones: the table lists them all.</p>;
  return (
    <div className="map-width">
      <UsMap
        geometry={geometry}
        colouring={colouring}
        label={`Map of the pact’s ${rows.length} ${districts ? 'House districts (2020 lines)' : 'zones'}, coloured by assigned member`}
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
