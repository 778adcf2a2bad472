import type { UnitResultView } from '../../api/map.ts';
import { formatShare, formatVotes } from './lean-format.ts';

const outcomeLabels: Record<string, string> = { elected: 'Elected', runoff: 'Runoff', lost: '' };

/** One result's ballot lines (a fusion candidate has several), biggest first, in a disclosure. */
export function ResultLines({ title, result }: { title: string; result: UnitResultView }) {
  const lines = [...result.lines].sort((a, b) => b.votes - a.votes);
  const total = result.totalVotes;
  return (
    <details className="result-lines">
      <summary>{title}</summary>
      <table>
        <caption className="visually-hidden">{title}: votes by candidate and ballot line</caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Line</th>
            <th scope="col" className="num">
              Votes
            </th>
            <th scope="col" className="num">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={`${line.candidate}|${line.line}`}>
              <td>
                {line.candidate || line.party}
                {line.outcome && outcomeLabels[line.outcome] ? ` (${outcomeLabels[line.outcome]})` : ''}
              </td>
              <td>{line.line}</td>
              <td className="num">{formatVotes(line.votes)}</td>
              <td className="num">{total ? formatShare(line.votes / total) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
