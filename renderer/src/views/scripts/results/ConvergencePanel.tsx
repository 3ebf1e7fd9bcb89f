import type { FitReport } from '../../../../../shared/scripting/fit-report';
import { Panel } from '../../../components/Panel';
import { formatCount, formatDecimal } from '../../../format';
import { METHOD_LABELS, OBJECTIVE_LABELS } from '../script-labels';

/** How the optimiser got there: method, status, iterations, objective, fallback, time. */
export function ConvergencePanel({ report }: { report: FitReport }) {
  return (
    <Panel
      title="Convergence"
      subtitle={`Minimising the ${OBJECTIVE_LABELS[report.objective]} on the training rows`}
    >
      <dl className="facts facts--two convergence" aria-label="Convergence">
        <dt>Method</dt>
        <dd>
          {METHOD_LABELS[report.method]}
          {report.requestedMethod !== report.method ? (
            <span className="muted"> (requested {METHOD_LABELS[report.requestedMethod]})</span>
          ) : null}
        </dd>
        <dt>Status</dt>
        <dd>
          <span
            className={`badge ${report.converged ? 'badge--best' : 'badge--warning'}`}
            data-converged={report.converged}
            title={`Optimiser status: ${report.status}`}
          >
            {report.converged ? 'Converged' : 'Not converged'}
          </span>
          {report.converged ? null : <span className="convergence__status">{report.status}</span>}
          {report.message ? <div className="muted convergence__message">{report.message}</div> : null}
        </dd>
        <dt>Iterations</dt>
        <dd>
          {formatCount(report.iterations)} ({formatCount(report.evaluations)} evaluations)
        </dd>
        <dt>Objective</dt>
        <dd>
          {formatDecimal(report.objectiveValue, 6)}{' '}
          <span className="muted">{OBJECTIVE_LABELS[report.objective]}</span>
        </dd>
        <dt>Fallback</dt>
        <dd>
          {report.fallback ? (
            <>
              L-BFGS-B stopped ({report.fallback.status}, {formatCount(report.fallback.iterations)}{' '}
              iterations): {report.fallback.message}
            </>
          ) : (
            'none'
          )}
        </dd>
        <dt>Training rows</dt>
        <dd>{formatCount(report.trainRows)}</dd>
        <dt>Time</dt>
        <dd>{report.seconds < 10 ? report.seconds.toFixed(2) : report.seconds.toFixed(1)} s</dd>
      </dl>
    </Panel>
  );
}
