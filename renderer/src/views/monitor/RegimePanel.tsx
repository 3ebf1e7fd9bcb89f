import { useMemo } from 'react';
import type { ApiError } from '../../../../shared/api/api-error';
import type { GroupsOutput } from '../../../../shared/api/calls/analysis-calls';
import { ChartPanel } from '../../charts/ChartPanel';
import { regimeFigure, regimeLabel } from '../../charts/regime-figure';
import { useChartTheme } from '../../charts/use-chart-theme';
import { CopyTableButton } from '../../components/CopyTableButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Panel } from '../../components/Panel';
import { TrafficLight } from '../../components/TrafficLight';
import { formatCount, formatDecimal, formatPercent } from '../../format';
import { LightLegend } from '../diagnose/LightLegend';

interface Props {
  columns: string[];
  column: string | null;
  groups: number;
  onChange: (patch: { regimeColumn?: string; regimeGroups?: number }) => void;
  result: GroupsOutput | null;
  busy: boolean;
  error: ApiError | null;
  datasetName: string;
}

/** Calibration per regime: quantile groups of a numeric context column such as realized volatility. */
export function RegimePanel({ columns, column, groups, onChange, result, busy, error, datasetName }: Props) {
  const theme = useChartTheme();
  const figure = useMemo(
    () => (result && column ? regimeFigure(result.groups, column, theme) : null),
    [result, column, theme],
  );
  const rows = () => [
    ['Regime', 'Rows', 'Events', 'Observed', 'Predicted', 'O/E', 'Jeffreys p', 'Light'],
    ...(result?.groups ?? []).map((group) => [
      group.label,
      String(group.n),
      String(group.positives),
      String(group.observedRate ?? ''),
      String(group.meanPredicted ?? ''),
      String(group.oeRatio ?? ''),
      String(group.jeffreysP ?? ''),
      group.light ?? '',
    ]),
  ];
  const controls = (
    <>
      <label className="field field--inline">
        <span className="field__label">Column</span>
        <select
          className="select"
          value={column ?? ''}
          disabled={columns.length === 0}
          onChange={(event) => onChange({ regimeColumn: event.target.value })}
        >
          {columns.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--inline">
        <span className="field__label">Groups</span>
        <select
          className="select"
          value={groups}
          onChange={(event) => onChange({ regimeGroups: Number(event.target.value) })}
        >
          {[3, 4, 5, 10].map((count) => (
            <option key={count} value={count}>
              {count === 4
                ? '4 (quartiles)'
                : count === 5
                  ? '5 (quintiles)'
                  : count === 10
                    ? '10 (deciles)'
                    : count}
            </option>
          ))}
        </select>
      </label>
    </>
  );
  if (columns.length === 0) {
    return (
      <Panel title="Regime breakdown">
        <p className="notice">
          This dataset has no numeric context column (such as realized volatility or leverage) to define
          regimes.
        </p>
      </Panel>
    );
  }
  return (
    <div className="monitor-pair monitor-pair--regimes">
      <ChartPanel
        title="Regime breakdown"
        subtitle={column ? `Observed against predicted rate per quantile group of ${column}` : undefined}
        figure={figure}
        placeholder="Computing calibration per regime…"
        label="Observed and mean predicted rate per regime, the observed bar coloured by its traffic light"
        exportName={`regimes-${column ?? ''}-${datasetName}`}
        busy={busy}
        extraActions={controls}
      />
      <Panel title="Regimes" subtitle={<LightLegend />} busy={busy} actions={<CopyTableButton rows={rows} />}>
        {error ? <ErrorBanner error={error} /> : null}
        <div className="table-scroll">
          <table className="data-table data-table--compact" aria-label="Calibration by regime">
            <thead>
              <tr>
                <th scope="col">{column ?? 'Regime'}</th>
                <th scope="col" className="numeric">
                  Rows
                </th>
                <th scope="col" className="numeric">
                  Observed
                </th>
                <th scope="col" className="numeric">
                  Predicted
                </th>
                <th scope="col" className="numeric">
                  O/E
                </th>
                <th scope="col">Light</th>
              </tr>
            </thead>
            <tbody>
              {(result?.groups ?? []).map((group) => (
                <tr key={group.key}>
                  <th scope="row" className="nowrap numeric-text">
                    {column ? regimeLabel(group.label, column) : group.label}
                  </th>
                  <td className="numeric">{formatCount(group.n)}</td>
                  <td className="numeric">{formatPercent(group.observedRate)}</td>
                  <td className="numeric">{formatPercent(group.meanPredicted)}</td>
                  <td className="numeric">{formatDecimal(group.oeRatio, 2)}</td>
                  <td>
                    <TrafficLight light={group.light} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Panel>
    </div>
  );
}
