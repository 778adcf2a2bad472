import { formatNumber } from './labels.ts';
import type { CurrentFigure } from './strength.ts';

export function FigureText({ figure }: { figure: CurrentFigure | null }) {
  if (!figure) return <span className="muted">No figure</span>;
  return (
    <span>
      {formatNumber(figure.value)}
      {figure.verified ? null : <span className="muted"> (unverified)</span>}
    </span>
  );
}
