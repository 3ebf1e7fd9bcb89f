import { useRef, useState, type ReactNode } from 'react';
import { Panel } from '../components/Panel';
import { loadPlotly } from './plotly-loader';
import { Plot, type Figure } from './Plot';

interface Props {
  title: string;
  subtitle?: ReactNode;
  /** null: nothing to draw yet; `placeholder` explains why. */
  figure: Figure | null;
  placeholder?: ReactNode;
  label: string;
  exportName: string;
  drawnMark?: string;
  busy?: boolean;
  size?: 'large' | 'medium';
  footer?: ReactNode;
  extraActions?: ReactNode;
}

/** A chart in a panel with explicit PNG and SVG export (the mode bar also has a PNG camera). */
export function ChartPanel({
  title,
  subtitle,
  figure,
  placeholder,
  label,
  exportName,
  drawnMark,
  busy,
  size = 'medium',
  footer,
  extraActions,
}: Props) {
  const plotRef = useRef<HTMLDivElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  const exportAs = async (format: 'png' | 'svg') => {
    const element = plotRef.current;
    if (!element) return;
    try {
      const Plotly = await loadPlotly();
      await Plotly.downloadImage(element, {
        format,
        filename: exportName,
        width: element.clientWidth,
        height: element.clientHeight,
      });
      setExportError(null);
    } catch (error) {
      setExportError(`The chart could not be exported: ${String(error)}`);
    }
  };

  return (
    <Panel
      title={title}
      subtitle={subtitle}
      busy={busy ?? false}
      className={`chart-panel chart-panel--${size}`}
      actions={
        <>
          {extraActions}
          <div className="button-group" role="group" aria-label={`Export ${title}`}>
            <button
              type="button"
              className="button button--small"
              disabled={!figure}
              onClick={() => void exportAs('png')}
              title="Save the chart as a PNG image"
            >
              PNG
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={!figure}
              onClick={() => void exportAs('svg')}
              title="Save the chart as an SVG vector image"
            >
              SVG
            </button>
          </div>
        </>
      }
    >
      <div className="chart-frame">
        {figure ? (
          <Plot
            figure={figure}
            label={label}
            exportName={exportName}
            drawnMark={drawnMark}
            plotRef={plotRef}
          />
        ) : (
          <div className="chart-frame__placeholder">{placeholder}</div>
        )}
      </div>
      {exportError ? <p className="field__error">{exportError}</p> : null}
      {footer}
    </Panel>
  );
}
