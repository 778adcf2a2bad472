import { useMemo } from 'react';
import { pactsContract } from '../../../../src/features/pacts/pacts.contract.ts';
import { type PactView, useComparison } from '../../api/pacts.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { SelectField } from '../../ui/fields.tsx';
import { ComparisonView } from './ComparisonView.tsx';

/**
 * Two versions side by side: by default the latest against the one before it (the page remounts
 * this panel when a new version arrives, so it follows the latest run); any two can be chosen.
 */
export function ComparePanel({ pact }: { pact: PactView }) {
  const versions = pact.versions;
  const latest = versions.at(-1)?.number;
  // The compare endpoint's own query schema: the choices apply as they are made, no submit.
  const form = useSchemaForm(pactsContract.compare.query, {
    defaultValues: { from: versions.at(-2)?.number ?? latest ?? 0, to: latest ?? 0 },
  });
  const [from, to] = form.watch(['from', 'to']).map(Number) as [number, number];
  const versionOptions = versions.map((v) => ({
    value: String(v.number),
    label: `Version ${v.number} (${v.mode}${v.note ? `: ${v.note}` : ''})`,
  }));
  const raceNames = useMemo(() => new Map(pact.races.map((r) => [r.key, r.name])), [pact.races]);
  const comparison = useComparison(pact.id, versions.length > 1 ? from : undefined, to);

  return (
    <section aria-labelledby="compare-title" className="panel" id="compare">
      <h2 id="compare-title">Compare versions</h2>
      <VersionsTable versions={versions} />
      {latest === undefined ? null : <ExportLinks pactId={pact.id} version={latest} />}
      {versions.length < 2 ? (
        <p className="muted">Run the engine again (or swap two races) to have a version to compare with.</p>
      ) : (
        <>
          <form className="filters" aria-label="Versions to compare" onSubmit={(e) => e.preventDefault()}>
            <SelectField form={form} name="from" label="From" options={versionOptions} parse={Number} />
            <SelectField form={form} name="to" label="To" options={versionOptions} parse={Number} />
          </form>
          {from === to ? <p className="muted">Choose two different versions.</p> : null}
          {comparison.isFetching && !comparison.data ? <Loading label="Comparing" /> : null}
          {comparison.isError ? <ErrorMessage error={comparison.error} /> : null}
          {comparison.data && from !== to ? (
            <ComparisonView comparison={comparison.data} raceNames={raceNames} />
          ) : null}
        </>
      )}
    </section>
  );
}

const exportFormats = [
  ['pact', 'pact file (rerun with concord allocate)'],
  ['report', 'engine report (JSON)'],
  ['csv', 'races (CSV)'],
] as const;

/** The latest version as files (GET …/export): the server names them and sends them as downloads. */
function ExportLinks({ pactId, version }: { pactId: string; version: number }) {
  return (
    <p>
      Download version {version}:{' '}
      {exportFormats.map(([format, label], i) => (
        <span key={format}>
          {i > 0 ? ' · ' : ''}
          <a href={`/api/pacts/${pactId}/export?version=${version}&format=${format}`} download>
            {label}
          </a>
        </span>
      ))}
    </p>
  );
}

const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function VersionsTable({ versions }: { versions: PactView['versions'] }) {
  if (versions.length === 0) return <p className="muted">No version yet: run the engine.</p>;
  return (
    <TableScroll label="Versions">
      <table className="compact">
        <caption>Versions, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">How</th>
            <th scope="col" className="num">
              Expected wins
            </th>
            <th scope="col" className="num">
              Without a pact
            </th>
            <th scope="col">Fairness</th>
            <th scope="col">Note</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.number}>
              <th scope="row">{v.number}</th>
              <td>
                {v.kind === 'swap' ? 'Swap' : 'Run'} ({v.mode}
                {v.gapToExact === null ? '' : `, heuristic gap ${(v.gapToExact * 100).toFixed(2)}%`})
              </td>
              <td className="num">{v.expectedWins.toFixed(2)}</td>
              <td className="num">{v.noPactWins.toFixed(2)}</td>
              <td>
                {v.entitlementWithinOne ? (
                  'Entitlement ±1 ✓'
                ) : (
                  <strong className="fails">Entitlement ±1 fails</strong>
                )}{' '}
                · {v.wef1 ? 'WEF1 ✓' : <strong className="fails">WEF1 fails</strong>}
              </td>
              <td>{v.note || <span className="muted">—</span>}</td>
              <td>{date.format(new Date(v.createdAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
