import { useEffect, useState } from 'react';
import { type ImportPreview, type ImportReport, previewImport, runImport } from '../../api/people.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { type ImportStatus, startImportJob, useImportJob } from './importJob.ts';

/** A mapping target in words: "first_name" → "First name", "custom:shirt" → "Custom field: shirt". */
function targetLabel(target: string): string {
  if (target === 'skip') return 'Skip this column';
  if (target.startsWith('custom:')) return `Custom field: ${target.slice('custom:'.length)}`;
  const words = target.replace(/_+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Import wizard: choose a file, check the mapping on its first rows, import with progress, read the
 * errors. "Check without saving" streams a dry run; "Import" hands the file to a job (any server
 * runs it, it survives a restart) and follows its progress until its report.
 */
export function ImportPage() {
  usePageTitle('Import people');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<ImportStatus | null>(null);
  const polled = useImportJob(job);
  const jobStatus = polled.data;

  useEffect(() => {
    if (!jobStatus || (jobStatus.status !== 'done' && jobStatus.status !== 'failed')) return;
    if (jobStatus.report) setReport(jobStatus.report);
    else if (jobStatus.error) setError(new Error(jobStatus.error.message));
    setJob(null);
    setBusy(false);
  }, [jobStatus]);

  async function choose(selected: File | undefined) {
    setReport(null);
    setError(null);
    setPreview(null);
    if (!selected) return;
    const text = await selected.text();
    setFile({ name: selected.name, text });
    try {
      const p = await previewImport(text);
      setPreview(p);
      setMapping(Object.fromEntries(p.mapping.map((m) => [m.header, m.target])));
    } catch (e) {
      setError(e);
    }
  }

  async function start(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    if (!dryRun) {
      try {
        setJob(await startImportJob(file, mapping));
      } catch (e) {
        setError(e);
        setBusy(false);
      }
      return;
    }
    setProgress(0);
    try {
      setReport(await runImport(file.text, { fileName: file.name, dryRun, mapping }, setProgress));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">Import people</h1>
      <p>
        A CSV from Action Network, NationBuilder, CiviCRM or any tool. Nothing is saved unless every row is
        right; each problem is listed by row and column.
      </p>
      <label>
        CSV file{' '}
        <input type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />
      </label>
      {preview ? (
        <>
          <h2>Columns</h2>
          <p>Detected format: {preview.preset ?? 'none: map the columns yourself'}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">Column in the file</th>
                <th scope="col">Becomes</th>
              </tr>
            </thead>
            <tbody>
              {preview.headers.map((header) => (
                <tr key={header}>
                  <td>{header}</td>
                  <td>
                    <select
                      aria-label={`Map ${header}`}
                      value={mapping[header] ?? 'skip'}
                      onChange={(e) => setMapping({ ...mapping, [header]: e.target.value })}
                    >
                      {[...new Set([...preview.targets, mapping[header] ?? 'skip', `custom:${header}`])].map(
                        (t) => (
                          <option key={t} value={t}>
                            {targetLabel(t)}
                          </option>
                        ),
                      )}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>First rows as they will be read</h2>
          <ul>
            {preview.sample.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity but their position
              <li key={i}>
                {[
                  `${row.input.firstName} ${row.input.lastName}`.trim(),
                  row.input.emails.join(', '),
                  row.input.phones.join(', '),
                ]
                  .filter(Boolean)
                  .join(' · ')}
                {row.problems.length
                  ? ` — ${row.problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`
                  : ''}
              </li>
            ))}
          </ul>
          <BusyButton busy={busy} onClick={() => void start(true)}>
            Check without saving
          </BusyButton>{' '}
          <BusyButton busy={busy} onClick={() => void start(false)}>
            Import
          </BusyButton>
        </>
      ) : null}
      {progress !== null ? (
        <p role="status">
          <progress aria-label="Import progress" /> {progress} rows read
        </p>
      ) : null}
      {job && jobStatus ? (
        <p role="status">
          <progress
            aria-label="Import progress"
            max={jobStatus.fileBytes}
            value={Math.min(jobStatus.progress.bytes, jobStatus.fileBytes)}
          />{' '}
          {jobStatus.status === 'queued' ? 'Waiting for its turn…' : `${jobStatus.progress.rows} rows read`}
        </p>
      ) : null}
      {polled.isError ? <ErrorMessage error={polled.error} /> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {report ? <ImportResult report={report} /> : null}
    </section>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  return (
    <div role="status" aria-label="Import result">
      {report.errorCount > 0 ? (
        <>
          <p className="bad-text">
            Nothing imported: {report.errorCount} {report.errorCount === 1 ? 'problem' : 'problems'} in{' '}
            {report.file}. Fix them and import again.
          </p>
          <table aria-label="Import errors">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e) => (
                <tr key={`${e.row}-${e.field}`}>
                  <td>{e.row}</td>
                  <td>{e.field}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : report.committed ? (
        <p className="ok-text">
          Imported {report.imported} people from {report.file}.
        </p>
      ) : (
        <p>Checked: {report.imported} people would be imported; nothing saved.</p>
      )}
      {report.duplicateCount > 0 ? (
        <p>
          {report.duplicateCount} possible duplicates:{' '}
          {report.duplicates
            .slice(0, 20)
            .map((d) =>
              d.kind === 'in_file'
                ? `row ${d.row} (same ${d.field} as row ${d.matchesRow})`
                : `row ${d.row} (already held)`,
            )
            .join(', ')}
        </p>
      ) : null}
    </div>
  );
}
