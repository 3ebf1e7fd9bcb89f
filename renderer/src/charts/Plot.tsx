import type { Config, Data, Layout } from 'plotly.js';
import { useEffect, useRef, type RefObject } from 'react';
import { loadPlotly } from './plotly-loader';

export interface Figure {
  data: Data[];
  layout: Partial<Layout>;
}

interface Props {
  figure: Figure;
  /** What the chart shows, for screen readers. */
  label: string;
  /** File name (without extension) of image exports. */
  exportName: string;
  /** A performance mark set after every redraw, so a benchmark can time it. */
  drawnMark?: string;
  plotRef?: RefObject<HTMLDivElement | null>;
}

function config(exportName: string): Partial<Config> {
  return {
    displaylogo: false,
    responsive: false,
    showLink: false,
    showSendToCloud: false,
    showEditInChartStudio: false,
    modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d'],
    toImageButtonOptions: { format: 'png', filename: exportName, scale: 2 },
  };
}

/**
 * One plotly chart in a box whose size the stylesheet fixes (the page never jumps while plotly
 * loads or redraws). Redraws with Plotly.react, which only touches what changed.
 */
export function Plot({ figure, label, exportName, drawnMark, plotRef }: Props) {
  const ownRef = useRef<HTMLDivElement>(null);
  const ref = plotRef ?? ownRef;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let stale = false;
    void loadPlotly().then(async (Plotly) => {
      if (stale) return;
      await Plotly.react(element, figure.data, { ...figure.layout, autosize: true }, config(exportName));
      if (!stale && drawnMark) performance.mark(drawnMark);
    });
    return () => {
      stale = true;
    };
  }, [ref, figure, exportName, drawnMark]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        void loadPlotly().then((Plotly) => {
          // Only a drawn chart can be resized; before its first draw there is nothing to do.
          if ((element as HTMLDivElement & { _fullLayout?: unknown })._fullLayout)
            Plotly.Plots.resize(element);
        });
      });
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      void loadPlotly().then((Plotly) => Plotly.purge(element));
    };
  }, [ref]);

  return <div ref={ref} className="plot" role="img" aria-label={label} />;
}
