import { useEffect, useMemo, useRef } from 'react';
import { useResultSets, useUsShapes } from '../../api/map.ts';
import { MapLegend } from '../../components/map/MapLegend.tsx';
import { buildGeometry, type MapPlace } from '../../components/map/map-geometry.ts';
import { UsMap } from '../../components/map/UsMap.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSearchFilters } from '../../components/useSearchFilters.ts';
import { leanColouring } from './lean-colouring.ts';
import { MapViews } from './MapViews.tsx';
import { PlacePanel } from './PlacePanel.tsx';
import { PlaceSearch } from './PlaceSearch.tsx';
import { ResultSetSelect } from './ResultSetSelect.tsx';
import { initialSet, levelOf, mapSetGroups } from './result-set-options.ts';
import { ShapesError } from './ShapesError.tsx';
import './map.css';

const filterKeys = ['set', 'place'] as const;
type MapFilters = Record<(typeof filterKeys)[number], string>;

/**
 * US states and counties coloured by past lean, with a legend, a tooltip and a panel of the chosen
 * place's races and results. The result set and the place live in the address, so a view can be
 * bookmarked and shared.
 */
export function MapPage() {
  usePageTitle('Map');
  const [filters, setFilters] = useSearchFilters<(typeof filterKeys)[number], MapFilters>(filterKeys);
  const sets = useResultSets();
  const groups = useMemo(() => mapSetGroups(sets.data ?? []), [sets.data]);
  // The level comes from the set's own record, so the shapes wait for the list of sets.
  const setSlug = filters.set || initialSet(groups);
  const level = levelOf(groups, setSlug ?? '');
  const shapes = useUsShapes(level, sets.data ? setSlug : undefined);
  const geometry = useMemo(
    () => (shapes.data ? buildGeometry(shapes.data, level) : null),
    [shapes.data, level],
  );
  const shownSet = shapes.data?.resultSet;
  // While the next set loads, the previous one stays drawn: the label says which one it is.
  const switching = shapes.isPlaceholderData;
  const selected = geometry?.places.find((p) => p.id === filters.place);
  const noun = level === 'states' ? 'state' : 'county';

  const handleSelect = (place: MapPlace) => setFilters({ place: place.id });
  // A county chosen on the county map means nothing on the state map: the panel closes.
  const handleSetChange = (slug: string) =>
    setFilters({ set: slug, ...(levelOf(groups, slug) === level ? {} : { place: '' }) });
  // Closing the panel returns focus to its place, so keyboard users carry on from where they were;
  // only once the panel is gone, as the map widens then and the tooltip is placed by the shape.
  const returnFocusTo = useRef('');
  const handleClose = () => {
    returnFocusTo.current = filters.place;
    setFilters({ place: '' });
  };
  useEffect(() => {
    if (selected || !returnFocusTo.current) return;
    document.querySelector<SVGElement>(`.us-map [data-id="${returnFocusTo.current}"]`)?.focus();
    returnFocusTo.current = '';
  }, [selected]);

  return (
    <section aria-labelledby="map-title">
      <div className="page-head">
        <h1 id="map-title">Electoral map</h1>
        <MapViews />
      </div>
      <div className="filters">
        {setSlug ? <ResultSetSelect groups={groups} value={setSlug} onChange={handleSetChange} /> : null}
        {geometry ? <PlaceSearch places={geometry.places} noun={noun} onPick={handleSelect} /> : null}
      </div>
      {sets.isError ? <ErrorMessage error={sets.error} /> : null}
      {shapes.isError ? (
        <ShapesError
          error={shapes.error}
          set={setSlug}
          onDefault={() => setFilters({ set: '', place: '' })}
        />
      ) : null}
      {sets.isPending || (setSlug && shapes.isPending) ? <Loading label="Loading the map" /> : null}
      {sets.data && !setSlug ? (
        <p>No map data is loaded yet: an administrator runs concord data load.</p>
      ) : null}
      <p className="muted" role="status" aria-live="polite">
        {switching ? 'Loading the result set…' : shownSet ? `Showing ${shownSet.name}` : ''}
      </p>
      {geometry && shownSet ? (
        <div className={selected ? 'map-layout with-panel' : 'map-layout'}>
          <div className="map-main">
            <UsMap
              geometry={geometry}
              colouring={leanColouring}
              label={`Map of US ${level}, coloured by lean in ${shownSet.name}`}
              selectedId={selected?.id ?? null}
              onSelect={handleSelect}
            />
            <MapLegend title={leanColouring.title} items={leanColouring.legend} />
            <p className="muted map-help">
              Point at a place, or Tab into the map and move with the arrow keys, to see its figures; click it
              or press Enter for its races and results.
            </p>
          </div>
          {selected ? (
            <PlacePanel key={selected.id} place={selected} setName={shownSet.name} onClose={handleClose} />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
