import { z } from 'zod';
import { DatasetFilterSchema, type DatasetFilter } from '../../../shared/domain/dataset-filter';
import { DEFAULT_VIEW, VIEWS } from '../navigation/views';

export const BIN_COUNTS = [5, 10, 15, 20, 25, 30, 40, 50, 75, 100] as const;
export const PERIODS = ['week', 'month', 'quarter'] as const;
export type Period = (typeof PERIODS)[number];

const DEFAULT_DIAGNOSE = {
  bins: 10,
  binning: 'uniform',
  interval: 'wilson',
  segmentColumn: null,
  period: 'month',
} as const;

/**
 * Every field falls back on its own (`catch`), so one stale or corrupt field in storage costs
 * that setting only, not the whole remembered state.
 */
export const DiagnoseSettingsSchema = z.object({
  bins: z.number().int().min(2).max(200).catch(DEFAULT_DIAGNOSE.bins),
  binning: z.enum(['uniform', 'quantile']).catch(DEFAULT_DIAGNOSE.binning),
  interval: z.enum(['wilson', 'jeffreys']).catch(DEFAULT_DIAGNOSE.interval),
  /** The segment column of the per-segment table; null: the dataset's first segment column. */
  segmentColumn: z.string().min(1).nullable().catch(DEFAULT_DIAGNOSE.segmentColumn),
  period: z.enum(PERIODS).catch(DEFAULT_DIAGNOSE.period),
});
export type DiagnoseSettings = z.infer<typeof DiagnoseSettingsSchema>;

export const WorkbenchStateSchema = z.object({
  /** The view last shown, used when the address carries none (a fresh start of the app). */
  view: z.enum(VIEWS.map((view) => view.id) as [string, ...string[]]).catch(DEFAULT_VIEW),
  datasetId: z.number().int().positive().nullable().catch(null),
  diagnose: DiagnoseSettingsSchema.catch({ ...DEFAULT_DIAGNOSE }),
  /** Row filters by dataset id: each dataset keeps its own, since filters name its columns. */
  filters: z.record(z.string(), DatasetFilterSchema).catch({}),
});
export type WorkbenchState = z.infer<typeof WorkbenchStateSchema>;

export const DEFAULT_WORKBENCH_STATE: WorkbenchState = {
  view: DEFAULT_VIEW,
  datasetId: null,
  diagnose: { ...DEFAULT_DIAGNOSE },
  filters: {},
};

export const WORKBENCH_STORAGE_KEY = 'scorecal.workbench.v1';

export const EMPTY_FILTER: DatasetFilter = { segments: [], ranges: [] };
