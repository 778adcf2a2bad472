import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { slateFileUrl, useSlate } from '../../api/tickets.ts';
import { officeLabel } from '../../components/labels.ts';
import { PlaceKeyPicker } from '../../components/PlacePicker.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import '../tickets/tickets.css';

const lineText = (entry: {
  display: string;
  lines: { kind: string; label: string; memberName: string | null }[];
}) => {
  const lines = entry.lines.filter((l) => l.kind !== 'endorsement').map((l) => l.label);
  const endorsed = entry.lines.filter((l) => l.kind === 'endorsement').map((l) => l.memberName ?? l.label);
  const vote =
    lines.length === 0
      ? 'no party line'
      : entry.display === 'aggregated'
        ? `one line: ${lines.join(' / ')}`
        : lines.length > 1
          ? `any of the lines ${lines.join(', ')}`
          : `the ${lines[0]} line`;
  return endorsed.length > 0 ? `${vote}; endorsed by ${endorsed.join(', ')}` : vote;
};

/** The public slate card for a place: prints cleanly (no navigation), downloads as PDF, subscribes as iCal. */
export function PublicSlatePage() {
  const { slug = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const jurisdiction = params.get('jurisdiction') ?? undefined;
  const [place, setPlace] = useState(jurisdiction ?? '');
  const slate = useSlate(slug, jurisdiction);
  usePageTitle(slate.data ? `Slate for ${slate.data.place.name}` : 'Slate');
  return (
    <section aria-labelledby="slate-title" className="slate-card">
      {slate.data ? null : (
        <>
          <h1 id="slate-title">Slate card</h1>
          <p>Type your county or district to see, race by race, whom the coalition asks you to vote for.</p>
        </>
      )}
      <form
        className="slate-form"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ jurisdiction: place.trim() });
        }}
      >
        <PlaceKeyPicker label="Place" value={place} onChange={setPlace} required />
        <button type="submit">Show the slate</button>
      </form>
      {slate.isPending && jurisdiction ? <Loading label="Loading the slate" /> : null}
      {slate.isError ? <ErrorMessage error={slate.error} /> : null}
      {slate.data ? (
        <>
          <h1 id="slate-title">
            How to vote for {slate.data.coalition.name} in {slate.data.place.name}
          </h1>
          {slate.data.place.within.length > 0 ? (
            <p className="muted">{slate.data.place.within.map((w) => w.name).join(', ')}</p>
          ) : null}
          <div className="slate-actions">
            <button type="button" onClick={() => window.print()}>
              Print the card
            </button>
            <a href={slateFileUrl(slug, slate.data.place.key, 'pdf')}>Download PDF</a>
            <a href={slateFileUrl(slug, slate.data.place.key, 'ics')}>Filing and election dates (iCal)</a>
          </div>
          {slate.data.national.map((t) => (
            <p key={t.cycle} className="slate-entry">
              <strong>
                {officeLabel(t.office)} {t.cycle}
              </strong>
              : {t.top.name} ({t.top.memberName}) and {t.second.name} ({t.second.memberName})
            </p>
          ))}
          {slate.data.entries.length === 0 ? <p>The coalition has no endorsed candidate here yet.</p> : null}
          <ol className="slate-list">
            {slate.data.entries.map((e) => (
              <li key={e.candidateId} className="slate-entry">
                <h2>{e.race.name}</h2>
                <p>
                  <strong>{e.name}</strong>, for {e.member.name}
                </p>
                <p>Vote on {lineText(e)}.</p>
                <p className="muted">
                  {e.race.electionName}, election day {e.race.electionDate}
                  {e.areaShare !== null
                    ? ` · ${Math.round(e.areaShare * 100)}% of ${slate.data.place.name}'s area is in this district (area-based)`
                    : ''}
                </p>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
