import {
  type JurisdictionKind,
  type RaceView,
  type UnitResultView,
  useElections,
  useJurisdictionByCode,
  useJurisdictionResults,
  useRacesById,
} from '../../api/map.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatLean, formatVotes } from './lean-format.ts';
import { ResultLines } from './ResultLines.tsx';

interface RaceResult {
  result: UnitResultView;
  title: string;
  date: string;
}

/** "President — California, 2024"; a result without a race (a published lean) by its set's name. */
function useRaceResults(results: readonly UnitResultView[]): RaceResult[] {
  const raceIds = [...new Set(results.flatMap((r) => (r.raceId ? [r.raceId] : [])))];
  const races = new Map(
    useRacesById(raceIds).flatMap((q): [string, RaceView][] => (q.data ? [[q.data.id, q.data]] : [])),
  );
  const elections = new Map((useElections('US').data ?? []).map((e) => [e.id, e]));
  return results
    .map((result) => {
      const race = result.raceId ? races.get(result.raceId) : undefined;
      const election = race ? elections.get(race.electionId) : undefined;
      const year = election?.date.slice(0, 4) ?? /\d{4}/.exec(result.resultSet.slug)?.[0] ?? '';
      return {
        result,
        title: race ? `${race.name}, ${year}` : result.resultSet.name,
        date: election?.date ?? year,
      };
    })
    .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
}

/** Every race and result reported for a state or county, newest first, with its ballot lines. */
export function PlaceResults({ kind, code, name }: { kind: JurisdictionKind; code: string; name: string }) {
  const jurisdiction = useJurisdictionByCode(kind, code);
  const results = useJurisdictionResults(jurisdiction.data?.id);
  const rows = useRaceResults(results.data ?? []);
  if (jurisdiction.isError) return <ErrorMessage error={jurisdiction.error} />;
  if (results.isError) return <ErrorMessage error={results.error} />;
  if (jurisdiction.data === null) return <p>No jurisdiction with code {code} in the map data.</p>;
  if (!results.data) return <Loading label={`Loading the results for ${name}`} />;
  if (rows.length === 0) return <p>No result is reported for {name}.</p>;
  return (
    <section aria-labelledby="place-results-title">
      <h3 id="place-results-title">Races and results</h3>
      <TableScroll label={`Races and results in ${name}`}>
        <table>
          <thead>
            <tr>
              <th scope="col">Race</th>
              <th scope="col" className="num">
                Votes
              </th>
              <th scope="col" className="num">
                Margin
              </th>
              <th scope="col" className="num">
                Lean
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ result, title }) => (
              <tr key={result.resultSet.id}>
                <th scope="row">{title}</th>
                <td className="num">{formatVotes(result.totalVotes)}</td>
                <td className="num">{result.margin === null ? '—' : formatLean(result.margin)}</td>
                <td className="num">{formatLean(result.lean)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h3>Candidates and ballot lines</h3>
      {rows.map(({ result, title }) =>
        result.lines.length > 0 ? (
          <ResultLines key={result.resultSet.id} title={title} result={result} />
        ) : null,
      )}
    </section>
  );
}
