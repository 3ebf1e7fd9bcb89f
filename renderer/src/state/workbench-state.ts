import { z } from 'zod';
import { CalibratorMethodSchema } from '../../../shared/calibration/calibrator-method';
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

const seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);

/** One walk-forward setup: the calibrator, the period, the window and how many periods it starts with. */
export const WalkForwardSettingsSchema = z.object({
  method: CalibratorMethodSchema.catch('platt'),
  period: z.enum(PERIODS).catch('month'),
  window: z.enum(['expanding', 'rolling']).catch('expanding'),
  /** Periods of a rolling window. */
  rollingPeriods: z.number().int().min(1).max(520).catch(6),
  initialPeriods: z.number().int().min(1).max(520).catch(3),
});
export type WalkForwardSettings = z.infer<typeof WalkForwardSettingsSchema>;
const DEFAULT_WALK_FORWARD: WalkForwardSettings = {
  method: 'platt',
  period: 'month',
  window: 'expanding',
  rollingPeriods: 6,
  initialPeriods: 3,
};

export const VALIDATION_SCHEMES = ['none', 'holdout', 'kfold', 'time', 'walk-forward'] as const;
export type ValidationChoice = (typeof VALIDATION_SCHEMES)[number];
export const RANK_METRICS = ['logLoss', 'brier', 'ece'] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

/** The few options of each calibrator the Calibrate view offers (docs/calibrators.md). */
export const CalibratorOptionsSchema = z.object({
  plattTargets: z.enum(['labels', 'platt']).catch('labels'),
  isotonicPreserveRanking: z.boolean().catch(false),
  histogramBins: z.number().int().min(2).max(1000).catch(10),
  histogramBinning: z.enum(['uniform', 'quantile']).catch('quantile'),
  splineSegments: z.number().int().min(1).max(100).catch(10),
  splineMonotone: z.boolean().catch(true),
  /** Long-run event rate of base-rate calibration; null: the training rows' rate. */
  baseRateTarget: z.number().gt(0).lt(1).nullable().catch(null),
});
export type CalibratorOptions = z.infer<typeof CalibratorOptionsSchema>;
const DEFAULT_CALIBRATOR_OPTIONS: CalibratorOptions = {
  plattTargets: 'labels',
  isotonicPreserveRanking: false,
  histogramBins: 10,
  histogramBinning: 'quantile',
  splineSegments: 10,
  splineMonotone: true,
  baseRateTarget: null,
};

export const CalibrateSettingsSchema = z.object({
  methods: z.array(CalibratorMethodSchema).catch(['platt', 'isotonic', 'beta']),
  options: CalibratorOptionsSchema.catch({ ...DEFAULT_CALIBRATOR_OPTIONS }),
  scheme: z.enum(VALIDATION_SCHEMES).catch('holdout'),
  testFraction: z.number().min(0.05).max(0.95).catch(0.3),
  folds: z.number().int().min(2).max(20).catch(5),
  seed: seed.catch(1),
  /** Out-of-time split (epoch ms, UTC midnight); null: the middle of the dataset's time range. */
  splitAt: z.number().nullable().catch(null),
  walkForward: WalkForwardSettingsSchema.catch({ ...DEFAULT_WALK_FORWARD }),
  bins: z.number().int().min(2).max(200).catch(10),
  binning: z.enum(['uniform', 'quantile']).catch('quantile'),
  bootstrap: z.boolean().catch(false),
  rankBy: z.enum(RANK_METRICS).catch('logLoss'),
});
export type CalibrateSettings = z.infer<typeof CalibrateSettingsSchema>;
const DEFAULT_CALIBRATE: CalibrateSettings = {
  methods: ['platt', 'isotonic', 'beta'],
  options: { ...DEFAULT_CALIBRATOR_OPTIONS },
  scheme: 'holdout',
  testFraction: 0.3,
  folds: 5,
  seed: 1,
  splitAt: null,
  walkForward: { ...DEFAULT_WALK_FORWARD },
  bins: 10,
  binning: 'quantile',
  bootstrap: false,
  rankBy: 'logLoss',
};

/** Drift alert thresholds (analysis.drift); the defaults are the engine's. */
export const ThresholdsSchema = z.object({
  psiWarning: z.number().positive().catch(0.1),
  psiAlert: z.number().positive().catch(0.25),
  hosmerLemeshowP: z.number().gt(0).lt(1).catch(0.01),
  oeTolerance: z.number().positive().catch(0.2),
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;
export const DEFAULT_THRESHOLDS: Thresholds = {
  psiWarning: 0.1,
  psiAlert: 0.25,
  hosmerLemeshowP: 0.01,
  oeTolerance: 0.2,
};

export const MonitorSettingsSchema = z.object({
  period: z.enum(PERIODS).catch('month'),
  referencePeriods: z.number().int().min(1).max(520).catch(3),
  thresholds: ThresholdsSchema.catch({ ...DEFAULT_THRESHOLDS }),
  /** Numeric column whose quantiles define the regimes; null: the first feature column. */
  regimeColumn: z.string().min(1).nullable().catch(null),
  regimeGroups: z.number().int().min(2).max(20).catch(5),
  /** Segment column of the segment calibration; null: the first segment column. */
  segmentColumn: z.string().min(1).nullable().catch(null),
  minEvents: z.number().int().min(1).max(1_000_000).catch(30),
  walkForward: WalkForwardSettingsSchema.catch({ ...DEFAULT_WALK_FORWARD }),
  walkForwardMetric: z.enum(['logLoss', 'brier', 'ece', 'oeRatio']).catch('logLoss'),
});
export type MonitorSettings = z.infer<typeof MonitorSettingsSchema>;
const DEFAULT_MONITOR: MonitorSettings = {
  period: 'month',
  referencePeriods: 3,
  thresholds: { ...DEFAULT_THRESHOLDS },
  regimeColumn: null,
  regimeGroups: 5,
  segmentColumn: null,
  minEvents: 30,
  walkForward: { ...DEFAULT_WALK_FORWARD },
  walkForwardMetric: 'logLoss',
};

/** The model open in the Models view and the one it is compared with. */
export const ModelsSelectionSchema = z.object({
  selectedId: z.number().int().positive().nullable().catch(null),
  compareId: z.number().int().positive().nullable().catch(null),
});
export type ModelsSelection = z.infer<typeof ModelsSelectionSchema>;

export const WorkbenchStateSchema = z.object({
  /** The view last shown, used when the address carries none (a fresh start of the app). */
  view: z.enum(VIEWS.map((view) => view.id) as [string, ...string[]]).catch(DEFAULT_VIEW),
  datasetId: z.number().int().positive().nullable().catch(null),
  diagnose: DiagnoseSettingsSchema.catch({ ...DEFAULT_DIAGNOSE }),
  /** Row filters by dataset id: each dataset keeps its own, since filters name its columns. */
  filters: z.record(z.string(), DatasetFilterSchema).catch({}),
  calibrate: CalibrateSettingsSchema.catch({ ...DEFAULT_CALIBRATE }),
  monitor: MonitorSettingsSchema.catch({ ...DEFAULT_MONITOR }),
  models: ModelsSelectionSchema.catch({ selectedId: null, compareId: null }),
});
export type WorkbenchState = z.infer<typeof WorkbenchStateSchema>;

export const DEFAULT_WORKBENCH_STATE: WorkbenchState = {
  view: DEFAULT_VIEW,
  datasetId: null,
  diagnose: { ...DEFAULT_DIAGNOSE },
  filters: {},
  calibrate: { ...DEFAULT_CALIBRATE },
  monitor: { ...DEFAULT_MONITOR },
  models: { selectedId: null, compareId: null },
};

export const WORKBENCH_STORAGE_KEY = 'scorecal.workbench.v1';

export const EMPTY_FILTER: DatasetFilter = { segments: [], ranges: [] };
