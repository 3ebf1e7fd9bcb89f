import { useState } from 'react';
import type { ApplyOutput, ModelSummary } from '../../../../shared/api/calls/model-calls';
import type { DatasetSummary } from '../../../../shared/domain/dataset-summary';
import { useApi } from '../../api/api-context';
import { useLongCall } from '../../api/use-long-call';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Panel } from '../../components/Panel';
import { ProgressPanel } from '../../components/ProgressPanel';
import { SavePathDialog } from '../../components/SavePathDialog';
import { TrafficLight } from '../../components/TrafficLight';
import { WrittenFile } from '../../components/WrittenFile';
import { folderOf, joinPath, safeFileName, useAppInfo } from '../../data/app-info';
import { formatCount, formatDecimal } from '../../format';
import { platform } from '../../platform/platform';
import { DatasetPicker } from '../shared/DatasetPicker';

interface Props {
  model: ModelSummary;
  /** The model compared with, if any: the report can cover both. */
  compare: ModelSummary | null;
  datasets: DatasetSummary[];
}

type Dialog = 'params' | 'apply' | 'report' | null;
type Written = { label: string; path: string; bytes: number };

/**
 * Everything that leaves the workbench starts from a kept model: its parameter file for the
 * production engine, a dataset scored with it (a CSV, with a calibration check of the new rows),
 * and an HTML report of it or of the compared pair.
 */
export function ExportPanel({ model, compare, datasets }: Props) {
  const api = useApi();
  const info = useAppInfo();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [written, setWritten] = useState<Written[]>([]);
  const [reportOne, setReportOne] = useState(false);
  const [applyDataset, setApplyDataset] = useState<number>(model.datasetId ?? datasets[0]?.id ?? 0);
  const apply = useLongCall<ApplyOutput>();
  const folder = info ? folderOf(info.workspacePath) : '';
  const base = safeFileName(model.name);
  const both = !reportOne && compare !== null;
  const record = (entry: Written) =>
    setWritten((list) => [entry, ...list.filter((w) => w.label !== entry.label)]);

  const defaults: Record<Exclude<Dialog, null>, string> = {
    params: joinPath(folder, `${base}.params.json`),
    apply: joinPath(folder, `${base}.scored.csv`),
    report: joinPath(
      folder,
      both && compare ? `${base} vs ${safeFileName(compare.name)}.report.html` : `${base}.report.html`,
    ),
  };

  const saveParams = async (path: string) => {
    const answer = await api.call('models.exportParams', { model: { id: model.id }, path });
    record({ label: 'Parameter file', path: answer.path, bytes: answer.bytes });
    setDialog(null);
  };
  const saveReport = async (path: string) => {
    const sources = [
      { model: { id: model.id } },
      ...(both && compare ? [{ model: { id: compare.id } }] : []),
    ];
    const answer = await api.call('models.report', {
      sources,
      path,
      title: both && compare ? `${model.name} vs ${compare.name}` : model.name,
    });
    record({ label: 'Report', path: answer.path, bytes: answer.bytes });
    setDialog(null);
  };
  const runApply = async (path: string) => {
    setDialog(null);
    const answer = await apply.run((options) =>
      api.call(
        'models.apply',
        { source: { model: { id: model.id } }, dataset: { id: applyDataset }, outPath: path },
        options,
      ),
    );
    if (answer?.output) record({ label: 'Scored CSV', path: answer.output.path, bytes: answer.output.bytes });
  };

  /** The desktop app's save dialog when there is one; else the path dialog. */
  const ask = async (which: Exclude<Dialog, null>, write: (path: string) => Promise<void>) => {
    if (platform.canPickSavePath) {
      const picked = await platform.pickSavePath(defaults[which]);
      if (picked) await write(picked);
      return;
    }
    setDialog(which);
  };

  return (
    <Panel
      title="Export"
      subtitle="Files are written on this machine, where you choose; nothing is sent anywhere"
      className="export-panel"
    >
      <div className="export-panel__actions">
        <div className="export-action">
          <button type="button" className="button" onClick={() => void ask('params', saveParams)}>
            Save parameter file…
          </button>
          <span className="muted">
            The fitted map with provenance and a content hash, for the production engine.
          </span>
        </div>
        <div className="export-action">
          <button
            type="button"
            className="button"
            disabled={apply.state.status === 'running' || datasets.length === 0}
            onClick={() => void ask('apply', runApply)}
          >
            Apply to a dataset…
          </button>
          <span className="muted">
            Scores every row into a CSV and checks calibration on rows with an outcome.
          </span>
        </div>
        <div className="export-action">
          <button type="button" className="button" onClick={() => void ask('report', saveReport)}>
            Save report…
          </button>
          {compare ? (
            <label className="check check--small">
              <input
                type="checkbox"
                checked={!reportOne}
                onChange={(event) => setReportOne(!event.target.checked)}
              />
              <span>Include the compared model</span>
            </label>
          ) : (
            <span className="muted">A self-contained HTML page with the charts, for review and audit.</span>
          )}
        </div>
      </div>

      {apply.state.status === 'running' ? (
        <ProgressPanel label="Scoring" progress={apply.state.progress} onCancel={apply.cancel} />
      ) : null}
      {apply.state.status === 'failed' ? <ErrorBanner error={apply.state.error} /> : null}
      {written.map((entry) => (
        <WrittenFile key={entry.label} label={entry.label} path={entry.path} bytes={entry.bytes} />
      ))}
      {apply.state.status === 'done' ? <ApplyResult result={apply.state.value} /> : null}

      {dialog === 'params' ? (
        <SavePathDialog
          title="Save parameter file"
          description={
            <>
              Writes the parameter file of <strong>{model.name}</strong> (JSON, format version 1, with a
              content hash). Check it later with <code>scorecal verify</code>.
            </>
          }
          defaultPath={defaults.params}
          confirmLabel="Save"
          onClose={() => setDialog(null)}
          onSave={saveParams}
        />
      ) : null}
      {dialog === 'report' ? (
        <SavePathDialog
          title="Save report"
          description={
            both && compare ? (
              <>
                An HTML report comparing <strong>{model.name}</strong> and <strong>{compare.name}</strong>.
              </>
            ) : (
              <>
                An HTML report of <strong>{model.name}</strong>.
              </>
            )
          }
          defaultPath={defaults.report}
          confirmLabel="Save report"
          onClose={() => setDialog(null)}
          onSave={saveReport}
        />
      ) : null}
      {dialog === 'apply' ? (
        <SavePathDialog
          title="Apply to a dataset"
          description={
            <>
              Scores the rows of a dataset with <strong>{model.name}</strong> and writes them with a{' '}
              <code>calibrated</code> column. Rows with an outcome are checked against the model’s test
              metrics.
            </>
          }
          defaultPath={defaults.apply}
          confirmLabel="Apply and save"
          onClose={() => setDialog(null)}
          onSave={runApply}
        >
          <DatasetPicker datasets={datasets} value={applyDataset} onChange={setApplyDataset} stacked />
        </SavePathDialog>
      ) : null}
    </Panel>
  );
}

function ApplyResult({ result }: { result: ApplyOutput }) {
  const monitoring = result.monitoring;
  return (
    <div className="apply-result">
      <p>
        Scored <strong>{formatCount(result.rows.scored)}</strong> of {formatCount(result.rows.afterFilter)}{' '}
        rows of {result.datasetName}
        {result.rows.missingScore > 0
          ? ` (${formatCount(result.rows.missingScore)} without a score left empty)`
          : ''}
        .
        {monitoring ? (
          <>
            {' '}
            Calibration on {formatCount(result.rows.monitored)} rows with an outcome:{' '}
            <TrafficLight light={monitoring.light} />
          </>
        ) : (
          ' No outcome column: no calibration check.'
        )}
      </p>
      {monitoring ? (
        <div className="table-scroll">
          <table className="data-table data-table--compact" aria-label="Calibration check of the scored rows">
            <thead>
              <tr>
                <th scope="col">Check</th>
                <th scope="col" className="numeric">
                  New data
                </th>
                <th scope="col" className="numeric">
                  Reference
                </th>
                <th scope="col">Light</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {monitoring.checks.map((check) => (
                <tr key={check.id}>
                  <th scope="row">{check.label}</th>
                  <td className="numeric">{formatDecimal(check.value, 4)}</td>
                  <td className="numeric">{formatDecimal(check.reference, 4)}</td>
                  <td>
                    <TrafficLight light={check.light} />
                  </td>
                  <td className="apply-result__why">{check.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
