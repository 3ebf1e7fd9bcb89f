import type { ReliabilityBinJson } from '../../../shared/metrics/diagnostic-schema';
import { escapeHtml } from './escape-html';

/**
 * Charts drawn as inline SVG, so a report needs no script, font or image from anywhere: it opens
 * from disk under a CSP that forbids everything but inline styles and data: images.
 */

export const SERIES_COLORS = [
  '#1f6fb4',
  '#d1495b',
  '#2a9d5c',
  '#8e5cc2',
  '#e07b1f',
  '#7a5a44',
  '#d45fa8',
  '#1aa5b8',
];

const WIDTH = 460;
const HEIGHT = 340;
const MARGIN = { left: 56, right: 16, top: 28, bottom: 48 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

const n = (v: number) => (Math.round(v * 100) / 100).toString();
const sx = (x: number, lo = 0, hi = 1) => MARGIN.left + ((x - lo) / (hi - lo || 1)) * PLOT_W;
const sy = (y: number, lo = 0, hi = 1) => MARGIN.top + PLOT_H - ((y - lo) / (hi - lo || 1)) * PLOT_H;

export interface ReliabilitySeries {
  label: string;
  bins: ReliabilityBinJson[];
  /** Draw the bins' confidence band (the first series of a chart usually). */
  band: boolean;
  dashed?: boolean;
}

/** Observed event rate against mean predicted probability per bin, with the ideal diagonal. */
export function reliabilityChart(title: string, series: ReliabilitySeries[]): string {
  const parts: string[] = [
    frame('reliability', title),
    axes('Mean predicted probability', 'Observed event rate', 0, 1, 0, 1),
  ];
  parts.push(
    `<line class="diagonal" x1="${sx(0)}" y1="${sy(0)}" x2="${sx(1)}" y2="${sy(1)}" stroke="#888" stroke-dasharray="4 4"/>`,
  );
  series.forEach((s, index) => {
    const color = SERIES_COLORS[index % SERIES_COLORS.length]!;
    const drawn = s.bins.filter((b) => b.n > 0 && b.meanPredicted !== null && b.observedRate !== null);
    if (s.band) {
      const banded = drawn.filter((b) => b.ciLow !== null && b.ciHigh !== null);
      if (banded.length > 1) {
        const upper = banded.map((b) => `${n(sx(b.meanPredicted!))},${n(sy(b.ciHigh!))}`);
        const lower = banded.map((b) => `${n(sx(b.meanPredicted!))},${n(sy(b.ciLow!))}`).reverse();
        parts.push(
          `<polygon class="ci-band" points="${[...upper, ...lower].join(' ')}" fill="${color}" fill-opacity="0.15" stroke="none"/>`,
        );
      }
      for (const b of banded) {
        parts.push(
          `<line class="ci" x1="${n(sx(b.meanPredicted!))}" y1="${n(sy(b.ciLow!))}" x2="${n(sx(b.meanPredicted!))}" y2="${n(sy(b.ciHigh!))}" stroke="${color}" stroke-opacity="0.6"/>`,
        );
      }
    }
    if (drawn.length > 0) {
      const points = drawn.map((b) => `${n(sx(b.meanPredicted!))},${n(sy(b.observedRate!))}`).join(' ');
      parts.push(
        `<polyline class="series" points="${points}" fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 3"' : ''}/>`,
      );
      for (const b of drawn) {
        parts.push(
          `<circle cx="${n(sx(b.meanPredicted!))}" cy="${n(sy(b.observedRate!))}" r="3.5" fill="${color}"><title>${escapeHtml(
            `${s.label}: predicted ${b.meanPredicted!.toFixed(4)}, observed ${b.observedRate!.toFixed(4)}, n = ${b.n}`,
          )}</title></circle>`,
        );
      }
    }
  });
  parts.push(legend(series.map((s) => s.label)));
  return `${parts.join('')}</svg>`;
}

/** Rows per reliability bin, events stacked on non-events. */
export function histogramChart(title: string, bins: ReliabilityBinJson[]): string {
  const maxCount = Math.max(1, ...bins.map((b) => b.n));
  const lo = Math.min(0, ...bins.map((b) => b.lo));
  const hi = Math.max(1, ...bins.map((b) => b.hi));
  const parts: string[] = [
    frame('histogram', title),
    axes('Predicted probability (bin)', 'Rows', lo, hi, 0, maxCount),
  ];
  for (const b of bins) {
    if (b.n === 0) continue;
    const events = Math.round((b.observedRate ?? 0) * b.n);
    const x0 = sx(b.lo, lo, hi) + 1;
    const width = Math.max(1, sx(b.hi, lo, hi) - sx(b.lo, lo, hi) - 2);
    const yAll = sy(b.n, 0, maxCount);
    const yEvents = sy(events, 0, maxCount);
    const base = sy(0, 0, maxCount);
    parts.push(
      `<rect class="bar" x="${n(x0)}" y="${n(yAll)}" width="${n(width)}" height="${n(base - yAll)}" fill="${SERIES_COLORS[0]}" fill-opacity="0.45"><title>${escapeHtml(
        `[${b.lo.toFixed(3)}, ${b.hi.toFixed(3)}]: ${b.n} rows, ${events} events`,
      )}</title></rect>`,
      `<rect class="bar-events" x="${n(x0)}" y="${n(yEvents)}" width="${n(width)}" height="${n(base - yEvents)}" fill="${SERIES_COLORS[1]}" fill-opacity="0.85"/>`,
    );
  }
  parts.push(legend(['rows', 'events'], [SERIES_COLORS[0]!, SERIES_COLORS[1]!]));
  return `${parts.join('')}</svg>`;
}

export interface RocSeries {
  label: string;
  falsePositiveRate: number[];
  truePositiveRate: number[];
}

/** ROC curves, thinned to at most 400 points each (the eye cannot tell more at this size). */
export function rocChart(title: string, series: RocSeries[]): string {
  const parts: string[] = [
    frame('roc', title),
    axes('False positive rate', 'True positive rate', 0, 1, 0, 1),
  ];
  parts.push(
    `<line class="diagonal" x1="${sx(0)}" y1="${sy(0)}" x2="${sx(1)}" y2="${sy(1)}" stroke="#888" stroke-dasharray="4 4"/>`,
  );
  series.forEach((s, index) => {
    const count = s.falsePositiveRate.length;
    const step = Math.max(1, Math.ceil(count / 400));
    const points: string[] = [];
    for (let i = 0; i < count; i += step)
      points.push(`${n(sx(s.falsePositiveRate[i]!))},${n(sy(s.truePositiveRate[i]!))}`);
    if (count > 0 && (count - 1) % step !== 0)
      points.push(`${n(sx(s.falsePositiveRate[count - 1]!))},${n(sy(s.truePositiveRate[count - 1]!))}`);
    const color = SERIES_COLORS[index % SERIES_COLORS.length]!;
    parts.push(
      `<polyline class="series" points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="2"${index > 0 ? ' stroke-dasharray="6 3"' : ''}/>`,
    );
  });
  parts.push(legend(series.map((s) => s.label)));
  return `${parts.join('')}</svg>`;
}

function frame(kind: string, title: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" data-chart="${kind}" role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="system-ui, sans-serif" font-size="11">` +
    `<title>${escapeHtml(title)}</title>` +
    `<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>` +
    `<text x="${WIDTH / 2}" y="16" text-anchor="middle" font-size="13" font-weight="600">${escapeHtml(title)}</text>`
  );
}

function axes(xLabel: string, yLabel: string, x0: number, x1: number, y0: number, y1: number): string {
  const parts: string[] = [];
  const bottom = MARGIN.top + PLOT_H;
  parts.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${PLOT_W}" height="${PLOT_H}" fill="none" stroke="#444"/>`,
  );
  for (let k = 0; k <= 5; k++) {
    const xv = x0 + ((x1 - x0) * k) / 5;
    const yv = y0 + ((y1 - y0) * k) / 5;
    const x = sx(xv, x0, x1);
    const y = sy(yv, y0, y1);
    parts.push(
      `<line x1="${n(x)}" y1="${bottom}" x2="${n(x)}" y2="${bottom + 4}" stroke="#444"/>`,
      `<text x="${n(x)}" y="${bottom + 16}" text-anchor="middle">${tick(xv)}</text>`,
      `<line x1="${MARGIN.left - 4}" y1="${n(y)}" x2="${MARGIN.left}" y2="${n(y)}" stroke="#444"/>`,
      `<line x1="${MARGIN.left}" y1="${n(y)}" x2="${MARGIN.left + PLOT_W}" y2="${n(y)}" stroke="#eee"/>`,
      `<text x="${MARGIN.left - 7}" y="${n(y + 4)}" text-anchor="end">${tick(yv)}</text>`,
    );
  }
  parts.push(
    `<text x="${MARGIN.left + PLOT_W / 2}" y="${HEIGHT - 10}" text-anchor="middle">${escapeHtml(xLabel)}</text>`,
    `<text transform="translate(14 ${MARGIN.top + PLOT_H / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(yLabel)}</text>`,
  );
  return parts.join('');
}

function tick(v: number): string {
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  return Number(v.toPrecision(3)).toString();
}

function legend(labels: string[], colors: string[] = SERIES_COLORS): string {
  return labels
    .map((label, index) => {
      const y = MARGIN.top + 12 + index * 15;
      const x = MARGIN.left + 10;
      return (
        `<rect x="${x}" y="${y - 8}" width="10" height="10" fill="${colors[index % colors.length]}"/>` +
        `<text x="${x + 15}" y="${y + 1}">${escapeHtml(label)}</text>`
      );
    })
    .join('');
}
