import { useId, useState } from 'react';
import { rctabUploadLimits } from '../../../../src/features/rctab/rctab.schema.ts';
import { type CountUpload, useRctabCount } from '../../api/rctab.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { RoundsChart } from '../../components/RoundsChart.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { CountErrorPanel } from './CountErrorPanel.tsx';
import { ReportDownloads } from './ReportDownloads.tsx';

const megabytes = rctabUploadLimits.totalBytes / 1024 / 1024;

/**
 * Count official cast vote records with an RCTab contest config, as `concord rctab` does: the same
 * reports RCTab writes, to download, and the rounds as a chart.
 */
export function CountPage() {
  usePageTitle('Count with an RCTab config');
  const configId = useId();
  const filesId = useId();
  const folderId = useId();
  const [config, setConfig] = useState<File | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [answers, setAnswers] = useState<string[]>([]);
  const count = useRctabCount();

  const submit = (tiebreakAnswers: readonly string[]) => {
    if (!config) return;
    const upload: CountUpload = { config, files, tiebreakAnswers };
    count.mutate(upload);
  };
  const totalBytes = files.reduce((sum, file) => sum + file.size, config?.size ?? 0);
  const tooLarge = totalBytes > rctabUploadLimits.totalBytes || files.length > rctabUploadLimits.files;

  return (
    <section aria-labelledby="count-title">
      <h1 id="count-title">Count with an RCTab config</h1>
      <p>
        Give an RCTab contest config and the cast vote records it names (ES&amp;S .xlsx, Dominion or Hart
        folders, NIST CDF .json/.xml, Clear Ballot or generic CSV). Concord counts them by RCTab's rules and
        writes RCTab's reports. Up to {rctabUploadLimits.files.toLocaleString()} files and {megabytes} MB in
        all; nothing is stored.
      </p>
      <form
        className="stack-form"
        onSubmit={(event) => {
          event.preventDefault();
          setAnswers([]);
          submit([]);
        }}
      >
        <div className="field">
          <label htmlFor={configId}>RCTab config (.json)</label>
          <input
            id={configId}
            type="file"
            accept=".json,application/json"
            required
            onChange={(event) => setConfig(event.target.files?.[0] ?? null)}
          />
        </div>
        <div className="field">
          <label htmlFor={filesId}>Cast vote record files</label>
          <input
            id={filesId}
            type="file"
            multiple
            onChange={(event) => setFiles((held) => [...held, ...Array.from(event.target.files ?? [])])}
          />
        </div>
        <div className="field">
          <label htmlFor={folderId}>…or a folder of them (Dominion, Hart)</label>
          <input
            id={folderId}
            type="file"
            multiple
            {...{ webkitdirectory: '' }}
            onChange={(event) => setFiles((held) => [...held, ...Array.from(event.target.files ?? [])])}
          />
        </div>
        <p aria-live="polite">
          {files.length} file{files.length === 1 ? '' : 's'} chosen, {(totalBytes / 1024 / 1024).toFixed(1)}{' '}
          MB
          {files.length > 0 ? (
            <>
              {' '}
              <button type="button" className="secondary small" onClick={() => setFiles([])}>
                Clear the files
              </button>
            </>
          ) : null}
        </p>
        {tooLarge ? (
          <p className="bad-text" role="alert">
            That is more than one count can take ({rctabUploadLimits.files.toLocaleString()} files,{' '}
            {megabytes} MB).
          </p>
        ) : null}
        <BusyButton type="submit" busy={count.isPending} disabled={!config || tooLarge}>
          Count
        </BusyButton>
      </form>

      {count.isError ? (
        <CountErrorPanel
          error={count.error}
          onAnswer={(name) => {
            const next = [...answers, name];
            setAnswers(next);
            submit(next);
          }}
        />
      ) : null}

      {count.data ? (
        <section aria-labelledby="count-result" className="panel wide">
          <h2 id="count-result">{count.data.contest}</h2>
          <p role="status">
            {count.data.winners.length === 1 ? 'Winner' : 'Winners'}:{' '}
            <strong>{count.data.winners.join(', ')}</strong>
          </p>
          {count.data.passes.map((pass, index) => (
            <section key={pass.winners.join('|')}>
              {count.data.passes.length > 1 ? <h3>Seat {index + 1}</h3> : null}
              <ReportDownloads
                reports={pass.reports}
                prefix={count.data.passes.length > 1 ? `${index + 1}_` : ''}
              />
              <RoundsChart
                title={`Rounds${count.data.passes.length > 1 ? ` for seat ${index + 1}` : ''}`}
                rounds={pass.rounds.map((round) => ({
                  round: round.round,
                  tallies: round.tallies,
                  exhausted: round.exhausted,
                  elected: round.elected,
                  eliminated: round.eliminated,
                }))}
              />
            </section>
          ))}
        </section>
      ) : null}
    </section>
  );
}
