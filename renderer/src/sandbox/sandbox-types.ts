import type { FitReport } from '../../../shared/scripting/fit-report';
import type { ScriptData } from '../../../shared/scripting/script-data';

/** A position in the script's TypeScript source, 1-based like the editor's. */
export interface SourceLocation {
  readonly line: number;
  readonly column: number;
}

export interface SandboxProgress {
  readonly phase: 'starting' | 'fitting' | 'standard-errors' | 'scoring' | 'scenario';
  readonly iteration: number;
  readonly evaluations: number;
  /** Mean objective of the best point so far; null before the first evaluation. */
  readonly objective: number | null;
  readonly elapsedMs: number;
}

export interface SandboxRunRequest {
  /** CommonJS JavaScript compiled from the script (`exports.default = defineScript(...)`). */
  readonly javascript: string;
  /** The compiler's source map (v3 JSON text), to place runtime errors in the TypeScript source. */
  readonly sourceMap: string | null;
  readonly data: ScriptData;
  readonly method?: 'auto' | 'lbfgsb' | 'nelder-mead';
  readonly maxIterations?: number;
  /** The run is stopped when no objective evaluation (or start-up) finishes within this time. Default 15 s. */
  readonly stallTimeoutMs?: number;
  readonly onProgress?: (progress: SandboxProgress) => void;
  readonly signal?: AbortSignal;
}

export type SandboxFailureKind =
  /** `export default defineScript(...)` missing or malformed (bad params, no score, …). */
  | 'definition'
  /** The script threw, or score returned something other than a probability. */
  | 'runtime'
  /** No progress within the stall timeout (an endless loop, or a far too slow score). */
  | 'timeout'
  /** The sandbox ran out of memory or crashed. */
  | 'memory'
  | 'cancelled'
  /** The sandbox answered something outside the protocol. */
  | 'protocol';

export type SandboxOutcome =
  | {
      readonly ok: true;
      readonly report: FitReport;
      /** The fitted script's probability for every test row, in dataset order. */
      readonly testScores: Float64Array;
      /** Every used row as it is and under the scenario; null when the script has none. */
      readonly scenario: { readonly baseline: Float64Array; readonly stressed: Float64Array } | null;
    }
  | {
      readonly ok: false;
      readonly kind: SandboxFailureKind;
      readonly message: string;
      /** Where in the TypeScript source, when known. */
      readonly location: SourceLocation | null;
    };
