import { z } from 'zod';

/** A metric value: a finite number, or null where it is undefined (see docs/metrics.md). */
const metric = z.number().finite().nullable();

export const ReliabilityBinSchema = z.strictObject({
  lo: z.number().finite(),
  hi: z.number().finite(),
  n: z.number().int().nonnegative(),
  meanPredicted: metric,
  observedRate: metric,
  ciLow: metric,
  ciHigh: metric,
});

/** The calibration diagnostic, exactly the object `scorecal evaluate --json` prints (without `ci`). */
export const DiagnosticSchema = z.strictObject({
  n: z.number().int().nonnegative(),
  positives: z.number().int().nonnegative(),
  baseRate: metric,
  meanPredicted: metric,
  oeRatio: metric,
  brier: metric,
  brierDecomposition: z.strictObject({ reliability: metric, resolution: metric, uncertainty: metric }),
  logLoss: metric,
  auc: metric,
  gini: metric,
  ks: metric,
  ece: metric,
  mce: metric,
  ace: metric,
  intercept: metric,
  slope: metric,
  interceptOffset: metric,
  spiegelhalter: z.strictObject({ z: metric, p: metric }),
  hosmerLemeshow: z.strictObject({ statistic: metric, df: z.number().int(), p: metric }),
  rms: z.strictObject({
    Dxy: metric,
    C: metric,
    R2: metric,
    D: metric,
    U: metric,
    Q: metric,
    Emax: metric,
    E90: metric,
    Eavg: metric,
  }),
  reliability: z.array(ReliabilityBinSchema),
});

export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export type ReliabilityBinJson = z.infer<typeof ReliabilityBinSchema>;

/** Bootstrap intervals [low, high] keyed by scalar metric path ("brier", "rms.Emax", ...). */
export const DiagnosticCiSchema = z.record(
  z.string(),
  z.tuple([z.number().finite(), z.number().finite()]).nullable(),
);
export type DiagnosticCi = z.infer<typeof DiagnosticCiSchema>;
