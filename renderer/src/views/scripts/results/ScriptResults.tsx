import { formatCount, formatPercent } from '../../../format';
import { validationSummary } from '../../shared/calibration-labels';
import type { FinishedRun } from '../script-run-state';
import { ConvergencePanel } from './ConvergencePanel';
import { FittedParamsPanel } from './FittedParamsPanel';
import { SavedModelBar } from './SavedModelBar';
import { ScenarioPanel } from './ScenarioPanel';
import { ScriptMetricsPanel } from './ScriptMetricsPanel';
import { ScriptReliabilityPanel } from './ScriptReliabilityPanel';

/** Everything a finished run shows: the kept model, the fit, the test diagnostic against production, and the scenario. */
export function ScriptResults({ run, datasetName }: { run: FinishedRun; datasetName: string }) {
  const { report, result, rows } = run;
  const scriptLabel = `${run.scriptName} v${run.version}`;
  const test = result.test.script.diagnostic;
  return (
    <section className="script-results" aria-label="Run results">
      <h2 className="script-results__title">
        {scriptLabel} <span className="muted">on {datasetName}</span>
      </h2>
      <p className="usage-line">
        <span>
          <strong>{formatCount(rows.used)}</strong> of {formatCount(rows.inDataset)} rows used
          {rows.missing > 0 ? ` (${formatCount(rows.missing)} with a missing outcome or time left out)` : ''}
        </span>
        <span>{validationSummary(run.validation)}</span>
        <span>
          Train <strong>{formatCount(rows.train)}</strong> · test <strong>{formatCount(rows.test)}</strong>{' '}
          rows
        </span>
        <span>
          Test events: {formatCount(test.positives)} ({formatPercent(test.baseRate)})
        </span>
        <span className="muted" title={run.columns.names.join(', ')}>
          {run.columns.basis === 'all'
            ? `All ${run.columns.names.length} row columns read`
            : `${run.columns.names.length} column${run.columns.names.length === 1 ? '' : 's'} read: ${run.columns.names.join(', ') || 'none'}`}
        </span>
      </p>
      <SavedModelBar model={result.model} />
      <div className="script-results__grid">
        <FittedParamsPanel report={report} />
        <ConvergencePanel report={report} />
      </div>
      <div className="script-results__grid script-results__grid--chart">
        <ScriptReliabilityPanel
          test={result.test}
          scriptLabel={scriptLabel}
          binning={run.binning}
          exportName={`reliability-${run.scriptName}-v${run.version}`}
        />
        <ScriptMetricsPanel test={result.test} scriptLabel={scriptLabel} />
      </div>
      {result.scenario ? <ScenarioPanel scenario={result.scenario} /> : null}
    </section>
  );
}
