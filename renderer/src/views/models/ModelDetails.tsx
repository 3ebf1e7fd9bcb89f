import { useMemo } from 'react';
import type { ModelDetails as Details } from '../../../../shared/api/calls/model-calls';
import { ChartPanel } from '../../charts/ChartPanel';
import { overlaidReliabilityFigure } from '../../charts/overlaid-reliability-figure';
import { useChartTheme } from '../../charts/use-chart-theme';
import { CopyTableButton } from '../../components/CopyTableButton';
import { Panel } from '../../components/Panel';
import { formatCount, formatDateTime, formatRange } from '../../format';
import { METRIC_GROUPS, metricInterval, metricValue } from '../diagnose/metric-definitions';
import { methodInfo, optionsSummary, paramsSummary, validationSummary } from '../shared/calibration-labels';

const iso = (value: string | null) => (value === null ? null : Date.parse(value));

/** One model's page: reliability on its test rows, every metric beside the raw score, provenance and parameters. */
export function ModelDetailsPanels({ details }: { details: Details }) {
  const theme = useChartTheme();
  const { document, summary } = details;
  const calibrated = document.validationMetrics.calibrated;
  const raw = document.validationMetrics.uncalibrated;
  const figure = useMemo(
    () =>
      overlaidReliabilityFigure(
        [
          ...(raw
            ? [{ name: 'Raw score', bins: raw.diagnostic.reliability, color: theme.muted, baseline: true }]
            : []),
          { name: summary.name, bins: calibrated.diagnostic.reliability, color: theme.series[0] },
        ],
        theme,
      ),
    [raw, calibrated, summary.name, theme],
  );
  const provenance = document.provenance;
  const bins = document.validationMetrics.bins;

  const metricRows = () => {
    const table = [
      ['Metric', 'Calibrated', ...(calibrated.ci ? ['95 % interval'] : []), ...(raw ? ['Raw score'] : [])],
    ];
    for (const group of METRIC_GROUPS) {
      for (const metric of group.metrics) {
        table.push([
          metric.label,
          metric.format(metricValue(calibrated.diagnostic, metric.path)),
          ...(calibrated.ci ? [metricInterval(calibrated.ci, metric) ?? ''] : []),
          ...(raw ? [metric.format(metricValue(raw.diagnostic, metric.path))] : []),
        ]);
      }
    }
    return table;
  };

  return (
    <div className="model-grid">
      <ChartPanel
        title="Reliability on the test rows"
        subtitle={`${bins.count} ${bins.binning} bins · the kept map against the raw score (dotted) · rows per bin beneath`}
        figure={figure}
        label={`Reliability of ${summary.name} on its test rows, against the raw score`}
        exportName={`reliability-${summary.name}`}
        size="large"
      />
      <Panel
        title="Test metrics"
        subtitle={
          calibrated.ci && document.validationMetrics.bootstrap
            ? `95 % percentile bootstrap intervals, B = ${document.validationMetrics.bootstrap.resamples}`
            : `${formatCount(calibrated.diagnostic.n)} test rows · point estimates`
        }
        className="metrics-panel"
        actions={<CopyTableButton rows={metricRows} />}
      >
        <table className="metric-table" aria-label="Model test metrics">
          <thead>
            <tr className="metric-table__head">
              <th scope="col">Metric</th>
              <th scope="col" className="numeric">
                Calibrated
              </th>
              {raw ? (
                <th scope="col" className="numeric">
                  Raw score
                </th>
              ) : null}
            </tr>
          </thead>
          {METRIC_GROUPS.map((group) => (
            <tbody key={group.title}>
              <tr className="metric-table__group">
                <th scope="rowgroup" colSpan={raw ? 3 : 2}>
                  {group.title}
                </th>
              </tr>
              {group.metrics.map((metric) => {
                const interval = metricInterval(calibrated.ci, metric);
                return (
                  <tr key={metric.path} title={metric.help}>
                    <th scope="row">{metric.label}</th>
                    <td className="numeric" data-metric={metric.path}>
                      {metric.format(metricValue(calibrated.diagnostic, metric.path))}
                      {interval ? <div className="metric-table__ci">{interval}</div> : null}
                    </td>
                    {raw ? (
                      <td className="numeric muted">
                        {metric.format(metricValue(raw.diagnostic, metric.path))}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </Panel>
      <Panel title="Provenance" subtitle="Where the map was fitted, as written in its parameter file">
        <dl className="facts facts--two">
          <dt>Dataset</dt>
          <dd>
            {provenance.dataset.name} ({formatCount(provenance.dataset.rows)} rows,{' '}
            {formatCount(provenance.dataset.positives)} events)
          </dd>
          <dt>Source file</dt>
          <dd>{provenance.dataset.sourceName}</dd>
          <dt>Source SHA-256</dt>
          <dd>
            <code className="hash">{provenance.dataset.sourceSha256}</code>
          </dd>
          <dt>Time range (UTC)</dt>
          <dd>{formatRange(iso(provenance.dataset.timeMin), iso(provenance.dataset.timeMax))}</dd>
          <dt>Columns</dt>
          <dd>
            score <code>{provenance.columns.score}</code> ({document.scoreInput.kind}) · outcome{' '}
            <code>{provenance.columns.outcome}</code>
            {provenance.columns.weight ? (
              <>
                {' '}
                · weight <code>{provenance.columns.weight}</code>
              </>
            ) : null}
          </dd>
          <dt>Filter</dt>
          <dd>{provenance.filter ? <code>{JSON.stringify(provenance.filter)}</code> : 'none (every row)'}</dd>
          <dt>Validation</dt>
          <dd>{validationSummary(provenance.validation)}</dd>
          <dt>Rows</dt>
          <dd>
            {formatCount(provenance.rows.used)} used ({formatCount(provenance.rows.missing)} missing) · train{' '}
            {formatCount(provenance.rows.train)} · test {formatCount(provenance.rows.test)}
          </dd>
          <dt>Kept</dt>
          <dd>
            {formatDateTime(summary.createdAt)} · Scorecal {document.app.version}
            {summary.origin === 'file' ? ' · imported from a file' : ''}
          </dd>
          <dt>Content hash</dt>
          <dd>
            <code className="hash">{document.contentHash.value}</code>
          </dd>
        </dl>
      </Panel>
      <Panel
        title="Parameters"
        subtitle={`${methodInfo(document.method).label}: ${methodInfo(document.method).help}`}
      >
        <dl className="facts facts--two">
          <dt>Options</dt>
          <dd>{optionsSummary(document.options) || 'defaults'}</dd>
          {paramsSummary(document.params as unknown as Record<string, unknown> & { method: string }).map(
            ([name, value]) => (
              <FactRow key={name} name={name} value={value} />
            ),
          )}
        </dl>
      </Panel>
    </div>
  );
}

function FactRow({ name, value }: { name: string; value: string }) {
  return (
    <>
      <dt>{name}</dt>
      <dd className="numeric-text">{value}</dd>
    </>
  );
}
