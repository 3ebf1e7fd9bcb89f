import type { MethodResult } from '../../../../shared/api/calls/calibration-calls';
import type { DiagnosticCi } from '../../../../shared/metrics/diagnostic-schema';
import { formatDecimal } from '../../format';
import type { RankMetric } from '../../state/workbench-state';
import { methodInfo, optionsSummary, RANK_METRIC_INFO } from '../shared/calibration-labels';

interface Props {
  results: MethodResult[];
  rankBy: RankMetric;
  colors: string[];
  onKeep: (index: number) => void;
}

const COLUMNS = [
  { key: 'logLoss', label: 'Log loss', digits: 4 },
  { key: 'brier', label: 'Brier', digits: 4 },
  { key: 'ece', label: 'ECE', digits: 4 },
  { key: 'auc', label: 'AUC', digits: 4 },
  { key: 'oeRatio', label: 'O/E', digits: 3 },
  { key: 'slope', label: 'Slope', digits: 3 },
] as const;

const interval = (ci: DiagnosticCi | null, key: string, digits: number): string | null => {
  const pair = ci?.[key];
  return pair ? `${pair[0].toFixed(digits)} – ${pair[1].toFixed(digits)}` : null;
};

/** Index of each result in `results`, calibrators ranked by the metric (best first, missing last). */
export function rankResults(results: MethodResult[], rankBy: RankMetric): number[] {
  return results
    .map((result, index) => ({ index, value: result.test[rankBy] }))
    .filter(({ index }) => results[index]?.method !== 'uncalibrated')
    .sort((a, b) => (a.value ?? Infinity) - (b.value ?? Infinity))
    .map(({ index }) => index);
}

/** The table rows as text, for the clipboard. */
export function comparisonRows(results: MethodResult[], rankBy: RankMetric): string[][] {
  const order = [
    ...rankResults(results, rankBy),
    ...results.flatMap((r, i) => (r.method === 'uncalibrated' ? [i] : [])),
  ];
  const hasCi = results.some((result) => result.ci !== null);
  const header = ['Rank', 'Method', 'Options'];
  for (const column of COLUMNS) {
    header.push(column.label);
    if (hasCi) header.push(`${column.label} 95 % interval`);
  }
  header.push('Fit (s)');
  return [
    header,
    ...order.map((index, rank) => {
      const result = results[index] as MethodResult;
      const line = [
        result.method === 'uncalibrated' ? 'baseline' : String(rank + 1),
        methodInfo(result.method).label,
        optionsSummary(result.options),
      ];
      for (const column of COLUMNS) {
        const value = result.test[column.key];
        line.push(value === null ? '' : String(value));
        if (hasCi) line.push(interval(result.ci, column.key, column.digits) ?? '');
      }
      line.push(result.fitSeconds.toFixed(3));
      return line;
    }),
  ];
}

/**
 * Every calibrator on the test rows, ranked by the chosen metric, the best highlighted; the raw
 * score beneath as the baseline, and each map's change against it in the ranked metric.
 */
export function ComparisonTable({ results, rankBy, colors, onKeep }: Props) {
  const ranked = rankResults(results, rankBy);
  const baselineIndex = results.findIndex((result) => result.method === 'uncalibrated');
  const baseline = baselineIndex >= 0 ? results[baselineIndex] : undefined;
  const bestValue = ranked.length > 0 ? results[ranked[0] as number]?.test[rankBy] : null;

  const row = (index: number, rank: number | null) => {
    const result = results[index] as MethodResult;
    const isBaseline = result.method === 'uncalibrated';
    const value = result.test[rankBy];
    const best = !isBaseline && value !== null && value === bestValue;
    const base = baseline?.test[rankBy] ?? null;
    const delta = !isBaseline && value !== null && base !== null ? value - base : null;
    return (
      <tr
        key={index}
        className={`${best ? 'is-best' : ''}${isBaseline ? ' is-baseline' : ''}`.trim() || undefined}
        data-method={result.method}
      >
        <td className="numeric rank-cell">{isBaseline ? '—' : rank}</td>
        <th scope="row">
          <span className="series-key" style={{ background: colors[index] }} aria-hidden="true" />
          <span title={methodInfo(result.method).help}>{methodInfo(result.method).label}</span>
          {best ? <span className="badge badge--best">Best</span> : null}
          {isBaseline ? <span className="badge badge--quiet">Baseline</span> : null}
          {optionsSummary(result.options) ? (
            <div className="muted comparison__options">{optionsSummary(result.options)}</div>
          ) : null}
        </th>
        {COLUMNS.map((column) => {
          const ci = interval(result.ci, column.key, column.digits);
          return (
            <td
              key={column.key}
              className={`numeric${column.key === rankBy ? ' is-ranked' : ''}`}
              data-metric={column.key}
            >
              {formatDecimal(result.test[column.key], column.digits)}
              {ci ? <div className="comparison__ci">{ci}</div> : null}
            </td>
          );
        })}
        <td className="numeric">
          {delta === null ? (
            '—'
          ) : (
            <span className={delta < 0 ? 'delta delta--better' : 'delta delta--worse'}>
              {delta > 0 ? '+' : delta < 0 ? '−' : ''}
              {Math.abs(delta).toFixed(4)}
            </span>
          )}
        </td>
        <td className="numeric">{result.fitSeconds.toFixed(2)}</td>
        <td className="comparison__action">
          {isBaseline ? null : (
            <button
              type="button"
              className="button button--small"
              onClick={() => onKeep(index)}
              aria-label={`Keep ${methodInfo(result.method).label} as model…`}
            >
              Keep as model…
            </button>
          )}
        </td>
      </tr>
    );
  };

  return (
    <div className="table-scroll">
      <table
        className="data-table data-table--compact comparison-table"
        aria-label="Calibrators compared on the test rows"
      >
        <thead>
          <tr>
            <th scope="col" className="numeric">
              Rank
            </th>
            <th scope="col">Method</th>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={`numeric${column.key === rankBy ? ' is-ranked' : ''}`}
                aria-sort={column.key === rankBy ? 'ascending' : undefined}
              >
                {column.label}
              </th>
            ))}
            <th
              scope="col"
              className="numeric"
              title={`Change in ${RANK_METRIC_INFO[rankBy].label} against the raw score`}
            >
              Δ {RANK_METRIC_INFO[rankBy].label} vs raw
            </th>
            <th scope="col" className="numeric">
              Fit (s)
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>{ranked.map((index, position) => row(index, position + 1))}</tbody>
        {baselineIndex >= 0 ? (
          <tbody className="comparison__baseline">{row(baselineIndex, null)}</tbody>
        ) : null}
      </table>
    </div>
  );
}
