import type { DriveDetail } from '../../api/petitions.ts';
import { whole } from './format.ts';

const width = 720;
const height = 300;
const pad = { left: 64, right: 16, top: 16, bottom: 32 };

/**
 * Burn-up: raw signatures collected and the projected valid ones by day, the forecast to the
 * deadline with its 95% band, and the requirement as a line. The numbers are also in the table
 * beside it, so the chart is never the only way to read them.
 */
export function BurnUpChart({ detail }: { detail: DriveDetail }) {
  const points = detail.projection.burnUp;
  const required = detail.drive.required;
  const maxY =
    Math.max(required * 1.15, detail.drive.targetRaw, ...points.map((p) => Math.max(p.raw ?? 0, p.high))) ||
    1;
  const x = (i: number) => pad.left + (i / Math.max(1, points.length - 1)) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - (v / maxY) * (height - pad.top - pad.bottom);
  const line = (values: Array<number | null>) =>
    values
      .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .filter(Boolean)
      .join(' ');
  const future = points.map((p, i) => ({ p, i })).filter(({ p }) => p.raw === null);
  const band =
    future.length > 0
      ? [
          ...future.map(({ p, i }) => `${x(i)},${y(p.high)}`),
          ...[...future].reverse().map(({ p, i }) => `${x(i)},${y(p.low)}`),
        ].join(' ')
      : '';
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => Math.round(maxY * t));
  return (
    <figure className="burn-up">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`Burn-up chart: ${whole(detail.drive.collectedRaw)} raw collected, ${whole(detail.projection.validAtDeadline.mean)} valid projected at the deadline against ${whole(required)} required`}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} stroke="#e1e4e8" />
            <text x={pad.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11}>
              {whole(t)}
            </text>
          </g>
        ))}
        {band ? <polygon points={band} fill="#6fa3cc" opacity={0.25} /> : null}
        <line
          x1={pad.left}
          x2={width - pad.right}
          y1={y(required)}
          y2={y(required)}
          stroke="#b3261e"
          strokeDasharray="6 4"
          strokeWidth={2}
        />
        <polyline points={line(points.map((p) => p.raw))} fill="none" stroke="#3d434a" strokeWidth={2} />
        <polyline
          points={line(points.map((p) => p.projectedValid))}
          fill="none"
          stroke="#2f6b9a"
          strokeWidth={2}
        />
        <text x={pad.left} y={height - 8} fontSize={11}>
          {points[0]?.day}
        </text>
        <text x={width - pad.right} y={height - 8} fontSize={11} textAnchor="end">
          {points.at(-1)?.day}
        </text>
      </svg>
      <figcaption className="chart-key">
        <span className="key raw">Raw collected</span>{' '}
        <span className="key valid">Projected valid (band: 95%)</span>{' '}
        <span className="key required">Required ({whole(required)})</span>
      </figcaption>
    </figure>
  );
}
