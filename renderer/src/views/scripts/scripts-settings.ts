import { z } from 'zod';

const seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);

export const SCRIPT_METHODS = ['auto', 'lbfgsb', 'nelder-mead'] as const;
export type ScriptMethod = (typeof SCRIPT_METHODS)[number];
export const SCRIPT_VALIDATIONS = ['none', 'holdout', 'time'] as const;
export type ScriptValidationChoice = (typeof SCRIPT_VALIDATIONS)[number];

/**
 * What the Scripts view remembers across reloads (in localStorage, like every view's settings):
 * the open script and the run settings. Every field falls back on its own.
 */
export const ScriptsSettingsSchema = z.object({
  /** The script open in the editor; null: the most recently changed. */
  scriptId: z.number().int().positive().nullable().catch(null),
  scheme: z.enum(SCRIPT_VALIDATIONS).catch('holdout'),
  testFraction: z.number().min(0.05).max(0.95).catch(0.3),
  seed: seed.catch(1),
  /** Out-of-time split (epoch ms, UTC midnight); null: the month nearest the middle of the data. */
  splitAt: z.number().nullable().catch(null),
  method: z.enum(SCRIPT_METHODS).catch('auto'),
  /** A run stops when the sandbox makes no progress for this long. */
  stallTimeoutSeconds: z.number().int().min(1).max(600).catch(15),
  /** Reliability bins of the test diagnostic. */
  bins: z.number().int().min(2).max(200).catch(10),
  binning: z.enum(['uniform', 'quantile']).catch('quantile'),
  /** Percentile bootstrap intervals of the test metrics (slower). */
  bootstrap: z.boolean().catch(false),
});
export type ScriptsSettings = z.infer<typeof ScriptsSettingsSchema>;

export const DEFAULT_SCRIPTS_SETTINGS: ScriptsSettings = {
  scriptId: null,
  scheme: 'holdout',
  testFraction: 0.3,
  seed: 1,
  splitAt: null,
  method: 'auto',
  stallTimeoutSeconds: 15,
  bins: 10,
  binning: 'quantile',
  bootstrap: false,
};

/** Resamples of the optional bootstrap, as in Diagnose. */
export const SCRIPT_BOOTSTRAP_RESAMPLES = 200;
export const SCRIPT_BOOTSTRAP_SEED = 20_240_601;

export const SCRIPTS_STORAGE_KEY = 'scorecal.scripts.v1';
