import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error';
import type { DatasetSummary } from '../../../shared/domain/dataset-summary';
import { useApi } from '../api/api-context';
import { useLongCall } from '../api/use-long-call';
import { ErrorBanner } from '../components/ErrorBanner';
import { ProgressPanel } from '../components/ProgressPanel';
import { formatCount, formatPercent, formatRange } from '../format';

/** The first screen: what is in the workspace, and the way to get the sample in. */
export function DatasetsView() {
  const api = useApi();
  const [datasets, setDatasets] = useState<DatasetSummary[] | null>(null);
  const [listError, setListError] = useState<ApiError | null>(null);
  const [dismissedFailure, setDismissedFailure] = useState(false);
  const sample = useLongCall<DatasetSummary>();

  const refresh = useCallback(async () => {
    try {
      const { datasets: list } = await api.call('datasets.list', {});
      setDatasets(list);
      setListError(null);
    } catch (error) {
      setListError(ApiError.from(error));
    }
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const loadSample = async () => {
    setDismissedFailure(false);
    const loaded = await sample.run((options) => api.call('datasets.loadSample', {}, options));
    if (loaded) await refresh();
  };

  const running = sample.state.status === 'running';
  const failure = sample.state.status === 'failed' && !dismissedFailure ? sample.state.error : null;

  return (
    <section className="view" aria-labelledby="datasets-heading">
      <header className="view__header">
        <h1 id="datasets-heading">Datasets</h1>
        <button type="button" className="button button--primary" onClick={loadSample} disabled={running}>
          Load sample dataset
        </button>
      </header>

      {running ? (
        <ProgressPanel
          label="Loading the sample dataset"
          progress={sample.state.status === 'running' ? sample.state.progress : null}
          onCancel={sample.cancel}
        />
      ) : null}
      {sample.state.status === 'cancelled' ? (
        <p className="notice">Loading the sample was cancelled; nothing was added to the workspace.</p>
      ) : null}
      {failure ? <ErrorBanner error={failure} onDismiss={() => setDismissedFailure(true)} /> : null}
      {listError ? <ErrorBanner error={listError} onDismiss={() => void refresh()} /> : null}

      {datasets === null ? (
        <p className="muted">Reading the workspace…</p>
      ) : datasets.length === 0 ? (
        <div className="empty-state">
          <h2>No datasets yet</h2>
          <p>
            Load the bundled synthetic liquidation sample (100,000 positions over two years) to explore Scorecal,
            or import your own data from the command line with <code>scorecal import</code>.
          </p>
        </div>
      ) : (
        <DatasetTable datasets={datasets} />
      )}
    </section>
  );
}

function DatasetTable({ datasets }: { datasets: DatasetSummary[] }) {
  return (
    <table className="data-table" aria-label="Datasets in the workspace">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col" className="numeric">
            Rows
          </th>
          <th scope="col" className="numeric">
            Base rate
          </th>
          <th scope="col">Time range (UTC)</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {datasets.map((dataset) => (
          <tr key={dataset.id}>
            <th scope="row">{dataset.name}</th>
            <td className="numeric">{formatCount(dataset.rows)}</td>
            <td className="numeric">{formatPercent(dataset.baseRate)}</td>
            <td>{formatRange(dataset.timeMin, dataset.timeMax)}</td>
            <td>
              <span title={`SHA-256 ${dataset.sourceSha256}`}>{dataset.sourceName}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
