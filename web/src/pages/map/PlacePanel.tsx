import { useEffect, useRef } from 'react';
import { isCounty, type MapPlace, placeLabel } from '../../components/map/map-geometry.ts';
import { formatLean, formatShare, formatVotes, noteText } from './lean-format.ts';
import { PlaceResults } from './PlaceResults.tsx';
import { RaceDissidents } from './RaceDissidents.tsx';

/**
 * The selected place: the figures the map is coloured with, then every race and result reported
 * for it. Focus moves to its heading when it opens, so keyboard and screen-reader users land here.
 */
export function PlacePanel({
  place,
  setName,
  onClose,
}: {
  place: MapPlace;
  setName: string;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The page keys the panel by place, so this runs for each place opened.
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const f = place.figures;
  const note = noteText(f.note);
  const county = isCounty(place);
  return (
    <aside className="panel place-panel" aria-labelledby="place-title">
      <div className="page-head">
        <h2 id="place-title" ref={heading} tabIndex={-1}>
          {placeLabel(place)}
        </h2>
        <button type="button" className="secondary small" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted">
        {county ? 'County' : 'State'} · FIPS {place.id} · {setName}
      </p>
      <dl className="figures">
        <div>
          <dt>Lean{f.leanLevel === 'state' && county ? ' (statewide)' : ''}</dt>
          <dd>{formatLean(f.lean)}</dd>
        </div>
        <div>
          <dt>Margin</dt>
          <dd>{f.margin === null ? '—' : formatLean(f.margin)}</dd>
        </div>
        <div>
          <dt>Democratic two-party share</dt>
          <dd>{formatShare(f.twoPartyDemShare)}</dd>
        </div>
        <div>
          <dt>Third parties</dt>
          <dd>{formatShare(f.thirdShare, 'points')}</dd>
        </div>
        <div>
          <dt>Votes</dt>
          <dd>{formatVotes(f.total)}</dd>
        </div>
      </dl>
      {note ? <p className="note">{note}</p> : null}
      <RaceDissidents fips={place.id} name={placeLabel(place)} />
      <PlaceResults kind={county ? 'county' : 'state'} code={place.id} name={placeLabel(place)} />
    </aside>
  );
}
