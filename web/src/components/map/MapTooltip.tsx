import { useLayoutEffect, useRef, useState } from 'react';
import './map.css';

/** Where the tooltip points, in pixels from the map frame's top-left corner. */
export interface TooltipAt {
  index: number;
  x: number;
  y: number;
}

const gap = 14;

/**
 * The place under the pointer (or with keyboard focus) and its numbers. It sits beside the point
 * and flips to the other side near the frame's right or bottom edge, so it never leaves the map.
 */
export function MapTooltip({ at, title, lines }: { at: TooltipAt; title: string; lines: string[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [flip, setFlip] = useState({ x: false, y: false });
  useLayoutEffect(() => {
    const tip = box.current;
    const frame = tip?.parentElement;
    if (!tip || !frame) return;
    setFlip({
      x: at.x + gap + tip.offsetWidth > frame.clientWidth,
      y: at.y + gap + tip.offsetHeight > frame.clientHeight,
    });
  }, [at.x, at.y]);
  return (
    <div
      ref={box}
      className="map-tooltip"
      role="tooltip"
      style={{
        left: flip.x ? undefined : at.x + gap,
        right: flip.x ? `calc(100% - ${at.x - gap}px)` : undefined,
        top: flip.y ? undefined : at.y + gap,
        bottom: flip.y ? `calc(100% - ${at.y - gap}px)` : undefined,
      }}
    >
      <strong>{title}</strong>
      {lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </div>
  );
}
