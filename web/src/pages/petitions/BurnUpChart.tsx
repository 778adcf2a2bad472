import { useCallback } from 'react';
import type { DriveDetail } from '../../api/petitions.ts';
import { PlotFigure, type PlotModule } from '../../components/PlotFigure.tsx';
import { whole } from './format.ts';

/**
 * Burn-up: raw signatures collected and the projected valid ones by day, the forecast to the
 * deadline with its 95% band, and the requirement as a line. The numbers are also in the table
 * beside it, so the chart is never the only way to read them.
 */
export function BurnUpChart({ detail }: { detail: DriveDetail }) {
  const required = detail.drive.required;
  const spec = useCallback(
    (plot: PlotModule) => {
      const points = detail.projection.burnUp.map((p) => ({ ...p, date: new Date(p.day) }));
      const top = Math.max(
        required * 1.15,
        detail.drive.targetRaw,
        ...points.map((p) => Math.max(p.raw ?? 0, p.high)),
      );
      return {
        width: 720,
        height: 300,
        marginLeft: 64,
        y: { domain: [0, top || 1], grid: true, label: 'Signatures', tickFormat: whole },
        x: { type: 'utc' as const, label: null },
        marks: [
          plot.areaY(
            points.filter((p) => p.raw === null),
            { x: 'date', y1: 'low', y2: 'high', fill: 'var(--accent)', fillOpacity: 0.25 },
          ),
          plot.ruleY([required], { stroke: 'var(--danger)', strokeDasharray: '6 4', strokeWidth: 2 }),
          plot.lineY(
            points.filter((p) => p.raw !== null),
            { x: 'date', y: 'raw', stroke: 'var(--muted)', strokeWidth: 2 },
          ),
          plot.lineY(points, { x: 'date', y: 'projectedValid', stroke: 'var(--accent)', strokeWidth: 2 }),
        ],
      };
    },
    [detail, required],
  );
  return (
    <PlotFigure
      className="burn-up"
      spec={spec}
      label={`Burn-up chart: ${whole(detail.drive.collectedRaw)} raw collected, ${whole(detail.projection.validAtDeadline.mean)} valid projected at the deadline against ${whole(required)} required`}
      caption={
        <span className="chart-key">
          <span className="key raw">Raw collected</span>{' '}
          <span className="key valid">Projected valid (band: 95%)</span>{' '}
          <span className="key required">Required ({whole(required)})</span>
        </span>
      }
    />
  );
}
