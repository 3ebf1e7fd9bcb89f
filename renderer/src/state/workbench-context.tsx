import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DatasetFilter } from '../../../shared/domain/dataset-filter';
import { DEFAULT_VIEW, viewFromHash, viewHref, type ViewId } from '../navigation/views';
import { readPersisted, writePersisted } from './persisted-value';
import {
  DEFAULT_WORKBENCH_STATE,
  EMPTY_FILTER,
  WORKBENCH_STORAGE_KEY,
  WorkbenchStateSchema,
  type CalibrateSettings,
  type DiagnoseSettings,
  type ModelsSelection,
  type MonitorSettings,
  type WorkbenchState,
} from './workbench-state';

interface Workbench {
  view: ViewId;
  showView(view: ViewId): void;
  datasetId: number | null;
  selectDataset(id: number | null): void;
  diagnose: DiagnoseSettings;
  updateDiagnose(patch: Partial<DiagnoseSettings>): void;
  calibrate: CalibrateSettings;
  updateCalibrate(patch: Partial<CalibrateSettings>): void;
  monitor: MonitorSettings;
  updateMonitor(patch: Partial<MonitorSettings>): void;
  models: ModelsSelection;
  updateModels(patch: Partial<ModelsSelection>): void;
  filterOf(datasetId: number): DatasetFilter;
  setFilter(datasetId: number, filter: DatasetFilter): void;
  /** Drops everything remembered about a dataset that no longer exists. */
  forgetDataset(id: number): void;
}

const WorkbenchContext = createContext<Workbench | null>(null);

/**
 * The selection and settings that survive a reload: the view lives in the address (so Back and
 * Forward work), everything else in localStorage, validated on every read.
 */
export function WorkbenchProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<WorkbenchState>(() =>
    readPersisted(WORKBENCH_STORAGE_KEY, WorkbenchStateSchema, DEFAULT_WORKBENCH_STATE),
  );
  const [view, setView] = useState<ViewId>(
    () => viewFromHash(window.location.hash) ?? viewFromHash(`#/${state.view}`) ?? DEFAULT_VIEW,
  );

  useEffect(() => writePersisted(WORKBENCH_STORAGE_KEY, { ...state, view }), [state, view]);

  useEffect(() => {
    // Keep the address in step without adding a history entry for the initial view.
    if (viewFromHash(window.location.hash) !== view) window.history.replaceState(null, '', viewHref(view));
    const onHashChange = () => {
      const next = viewFromHash(window.location.hash);
      if (next) setView(next);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [view]);

  const showView = useCallback((next: ViewId) => {
    if (viewFromHash(window.location.hash) !== next) window.location.hash = viewHref(next);
    setView(next);
  }, []);

  const selectDataset = useCallback((id: number | null) => setState((s) => ({ ...s, datasetId: id })), []);
  const updateDiagnose = useCallback(
    (patch: Partial<DiagnoseSettings>) => setState((s) => ({ ...s, diagnose: { ...s.diagnose, ...patch } })),
    [],
  );
  const updateCalibrate = useCallback(
    (patch: Partial<CalibrateSettings>) =>
      setState((s) => ({ ...s, calibrate: { ...s.calibrate, ...patch } })),
    [],
  );
  const updateMonitor = useCallback(
    (patch: Partial<MonitorSettings>) => setState((s) => ({ ...s, monitor: { ...s.monitor, ...patch } })),
    [],
  );
  const updateModels = useCallback(
    (patch: Partial<ModelsSelection>) => setState((s) => ({ ...s, models: { ...s.models, ...patch } })),
    [],
  );
  const setFilter = useCallback(
    (datasetId: number, filter: DatasetFilter) =>
      setState((s) => ({ ...s, filters: { ...s.filters, [String(datasetId)]: filter } })),
    [],
  );
  const forgetDataset = useCallback(
    (id: number) =>
      setState((s) => {
        const filters = { ...s.filters };
        delete filters[String(id)];
        return { ...s, filters, datasetId: s.datasetId === id ? null : s.datasetId };
      }),
    [],
  );
  const filterOf = useCallback(
    (datasetId: number) => state.filters[String(datasetId)] ?? EMPTY_FILTER,
    [state.filters],
  );

  const value = useMemo<Workbench>(
    () => ({
      view,
      showView,
      datasetId: state.datasetId,
      selectDataset,
      diagnose: state.diagnose,
      updateDiagnose,
      calibrate: state.calibrate,
      updateCalibrate,
      monitor: state.monitor,
      updateMonitor,
      models: state.models,
      updateModels,
      filterOf,
      setFilter,
      forgetDataset,
    }),
    [
      state.calibrate,
      updateCalibrate,
      state.monitor,
      updateMonitor,
      state.models,
      updateModels,
      view,
      showView,
      state.datasetId,
      selectDataset,
      state.diagnose,
      updateDiagnose,
      filterOf,
      setFilter,
      forgetDataset,
    ],
  );
  return <WorkbenchContext.Provider value={value}>{children}</WorkbenchContext.Provider>;
}

export function useWorkbench(): Workbench {
  const workbench = useContext(WorkbenchContext);
  if (!workbench) throw new Error('useWorkbench() needs a <WorkbenchProvider> above it.');
  return workbench;
}
