import type { PlotOptions } from '@observablehq/plot';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import './plot-figure.css';

export type PlotModule = typeof import('@observablehq/plot');

/** Plot loads with the first chart that needs it, never with the first page. */
let loading: Promise<PlotModule> | undefined;
const loadPlot = () => {
  loading ??= import('@observablehq/plot');
  return loading;
};

/**
 * One chart drawn with Observable Plot. The figure is one image named by `label` (a sentence with
 * the figures that matter), so screen readers read the summary and the data table the page keeps
 * next to it, not Plot's marks. Plot appends a <style> element to each chart; the app's Content
 * Security Policy forbids inline style sheets, so it is removed before the chart joins the page and
 * plot-figure.css carries the same rules.
 */
export function PlotFigure({
  spec,
  label,
  caption,
  className,
}: {
  /** The Plot options, given the loaded module (for its marks). */
  spec: (plot: PlotModule) => PlotOptions;
  label: string;
  caption?: ReactNode;
  className?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [plot, setPlot] = useState<PlotModule>();
  useEffect(() => {
    let live = true;
    void loadPlot().then((module) => {
      if (live) setPlot(module);
    });
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    const target = host.current;
    if (!plot || !target) return;
    const chart = plot.plot({ ...spec(plot), className: 'plot' });
    for (const style of chart.querySelectorAll('style')) style.remove();
    chart.setAttribute('aria-hidden', 'true');
    target.replaceChildren(chart);
    return () => chart.remove();
  }, [plot, spec]);
  return (
    <figure className={['plot-figure', className].filter(Boolean).join(' ')}>
      {/* A chart keeps its drawn size and scrolls sideways on a phone (shrunk to fit, its labels
          would be a few pixels high); the keyboard reaches it to scroll it, as a TableScroll. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <div ref={host} role="img" aria-label={label} className="plot-body" tabIndex={0} />
      {caption ? <figcaption>{caption}</figcaption> : null}
    </figure>
  );
}
