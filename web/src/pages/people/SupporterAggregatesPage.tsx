import { usePlaceNames } from '../../api/map.ts';
import { useAggregates } from '../../api/people.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { SupporterCountyMap } from './SupporterCountyMap.tsx';

/** Coalition staff see supporters only as counts, with every count under 10 shown as "<10". */
export function SupporterAggregatesPage() {
  usePageTitle('Supporters across the coalition');
  const aggregates = useAggregates();
  const counties = usePlaceNames(aggregates.data?.byCounty.map((c) => c.countyFips) ?? []);
  return (
    <section aria-labelledby="aggregates-title">
      <h1 id="aggregates-title">Supporters across the coalition</h1>
      <p>Each member's people are its own: you see counts only, and any count under 10 as "&lt;10".</p>
      {aggregates.isPending ? <Loading label="Counting" /> : null}
      {aggregates.isError ? <ErrorMessage error={aggregates.error} /> : null}
      {aggregates.data ? (
        <>
          <p>
            <strong>{aggregates.data.total}</strong> supporters in all
          </p>
          <SupporterCountyMap byCounty={aggregates.data.byCounty} />
          <div className="columns">
            <table>
              <caption>By county</caption>
              <thead>
                <tr>
                  <th scope="col">County</th>
                  <th scope="col">Supporters</th>
                </tr>
              </thead>
              <tbody>
                {aggregates.data.byCounty.map((c) => (
                  <tr key={c.countyFips}>
                    <td>{counties.nameOf(c.countyFips)}</td>
                    <td>{c.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table>
              <caption>By tag (tags carried by 10 or more)</caption>
              <thead>
                <tr>
                  <th scope="col">Tag</th>
                  <th scope="col">Supporters</th>
                </tr>
              </thead>
              <tbody>
                {aggregates.data.byTag.map((t) => (
                  <tr key={t.tag}>
                    <td>{t.tag}</td>
                    <td>{t.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table>
              <caption>By month joined</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Supporters</th>
                </tr>
              </thead>
              <tbody>
                {aggregates.data.byMonth.map((m) => (
                  <tr key={m.month}>
                    <td>{m.month}</td>
                    <td>{m.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
