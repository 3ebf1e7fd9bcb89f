import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../../../shared/api/api-error';
import type { DatasetSummary } from '../../../shared/domain/dataset-summary';
import { useApi } from '../api/api-context';
import { useWorkbench } from '../state/workbench-context';

interface DatasetList {
  /** null until the first answer arrives. */
  datasets: DatasetSummary[] | null;
  error: ApiError | null;
  refresh(): Promise<void>;
}

const DatasetListContext = createContext<DatasetList | null>(null);

/**
 * The workspace's datasets, read once and shared by every view; a view that changes the
 * workspace calls refresh(). A remembered selection of a dataset that is gone is dropped here.
 */
export function DatasetListProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { datasetId, selectDataset } = useWorkbench();
  const [datasets, setDatasets] = useState<DatasetSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const refresh = useCallback(async () => {
    try {
      const answer = await api.call('datasets.list', {});
      setDatasets(answer.datasets);
      setError(null);
    } catch (caught) {
      setError(ApiError.from(caught));
    }
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (datasets && datasetId !== null && !datasets.some((d) => d.id === datasetId)) selectDataset(null);
  }, [datasets, datasetId, selectDataset]);

  const value = useMemo(() => ({ datasets, error, refresh }), [datasets, error, refresh]);
  return <DatasetListContext.Provider value={value}>{children}</DatasetListContext.Provider>;
}

export function useDatasetList(): DatasetList {
  const list = useContext(DatasetListContext);
  if (!list) throw new Error('useDatasetList() needs a <DatasetListProvider> above it.');
  return list;
}
