import { useEffect, useMemo } from 'react';

/** Links to RCTab's two reports, made from the answer in the browser (the server keeps no copy). */
export function ReportDownloads({
  reports,
  prefix,
}: {
  reports: { json: string; csv: string };
  prefix: string;
}) {
  const urls = useMemo(
    () => ({
      json: URL.createObjectURL(new Blob([reports.json], { type: 'application/json' })),
      csv: URL.createObjectURL(new Blob([reports.csv], { type: 'text/csv' })),
    }),
    [reports],
  );
  useEffect(
    () => () => {
      URL.revokeObjectURL(urls.json);
      URL.revokeObjectURL(urls.csv);
    },
    [urls],
  );
  return (
    <p>
      Download RCTab's reports:{' '}
      <a href={urls.json} download={`${prefix}detailed_report.json`}>
        {prefix}detailed_report.json
      </a>{' '}
      ·{' '}
      <a href={urls.csv} download={`${prefix}detailed_report.csv`}>
        {prefix}detailed_report.csv
      </a>
    </p>
  );
}
