import { useParams } from 'react-router';
import { usePublicCoalition } from '../../api/coalition.ts';
import { useJurisdictions } from '../../api/map.ts';
import { OptionsField } from '../../components/OptionsField.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSearchFilters } from '../../components/useSearchFilters.ts';
import { PlaceRaces } from './PlaceRaces.tsx';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/**
 * "Find the coalition's candidate": a state, then a county, then the races there and which member
 * carries the coalition's flag. The choice lives in the address, so a link can be shared.
 */
export function PublicCandidatePage() {
  const { slug = '' } = useParams();
  const coalition = usePublicCoalition(slug);
  const name = coalition.data?.coalition.name;
  usePageTitle(name ? `${name}: find your candidate` : 'Find your candidate');
  const [place, setPlace] = useSearchFilters<'state' | 'county', { state: string; county: string }>([
    'state',
    'county',
  ]);
  const states = useJurisdictions({ kind: 'state', limit: 100 });
  const state = states.data?.items.find((s) => s.code === place.state);
  const counties = useJurisdictions({ kind: 'county', parent: state?.id ?? '' }, state !== undefined);
  const county = counties.data?.items.find((c) => c.code === place.county);

  return (
    <section aria-labelledby="find-title">
      <h1 id="find-title">Find the coalition’s candidate</h1>
      <p>
        Choose your state and county to see the races there and which member of {name ?? 'the coalition'}{' '}
        carries its flag.
      </p>
      {coalition.isError ? <ErrorMessage error={coalition.error} /> : null}
      {states.isError ? <ErrorMessage error={states.error} /> : null}
      {counties.isError ? <ErrorMessage error={counties.error} /> : null}
      <div className="filters">
        <OptionsField
          label="State"
          value={place.state}
          placeholder={states.isPending ? 'Loading the states…' : 'Choose a state'}
          disabled={!states.data}
          options={[...(states.data?.items ?? [])]
            .sort(byName)
            .map((s) => ({ value: s.code, label: s.name }))}
          onChange={(code) => setPlace({ state: code, county: '' })}
        />
        <OptionsField
          label="County"
          value={county ? place.county : ''}
          placeholder={
            !state ? 'Choose a state first' : counties.isPending ? 'Loading the counties…' : 'Choose a county'
          }
          disabled={!counties.data}
          options={[...(counties.data?.items ?? [])]
            .sort(byName)
            .map((c) => ({ value: c.code, label: c.name }))}
          onChange={(code) => setPlace({ county: code })}
        />
      </div>
      {state && counties.data?.items.length === 0 ? (
        <p>The map data lists no county for {state.name}.</p>
      ) : null}
      {state && county ? <PlaceRaces slug={slug} state={state} county={county} /> : null}
    </section>
  );
}
