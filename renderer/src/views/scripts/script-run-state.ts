import type { ApiError } from '../../../../shared/api/api-error';
import type { ScriptRunResult } from '../../../../shared/api/calls/script-calls';
import type { Progress } from '../../../../shared/api/progress';
import type { FitReport } from '../../../../shared/scripting/fit-report';
import type { ScriptData } from '../../../../shared/scripting/script-data';
import type { ScriptProblem } from '../../editor/script-problem';
import type { SandboxFailureKind, SandboxProgress, SourceLocation } from '../../sandbox/sandbox-types';

/** The steps of a run, in order: each is shown as it starts. */
export const RUN_STAGES = [
  { id: 'saving', label: 'Save' },
  { id: 'compiling', label: 'Compile' },
  { id: 'reading', label: 'Read rows' },
  { id: 'fitting', label: 'Fit' },
  { id: 'measuring', label: 'Measure' },
] as const;
export type RunStage = (typeof RUN_STAGES)[number]['id'];

/** Which script version ran on which data. */
export interface RunSubject {
  readonly scriptId: number;
  readonly scriptName: string;
  readonly version: number;
  readonly datasetId: number;
}

export interface FinishedRun extends RunSubject {
  readonly report: FitReport;
  readonly result: ScriptRunResult;
  readonly rows: ScriptData['rows'];
  readonly validation: ScriptData['validation'];
  readonly columns: { readonly names: string[]; readonly basis: 'mentioned' | 'all' };
  /** How the test rows' reliability curve is binned. */
  readonly binning: 'uniform' | 'quantile';
}

export type ScriptRunState =
  | { status: 'idle' }
  | {
      status: 'running';
      stage: RunStage;
      /** The engine's progress while it reads rows or measures. */
      engine: Progress | null;
      /** The sandbox's progress while it fits. */
      sandbox: SandboxProgress | null;
    }
  | { status: 'done'; run: FinishedRun }
  /** The script does not compile: nothing ran. */
  | { status: 'refused'; subject: RunSubject; problems: ScriptProblem[] }
  /** The sandbox stopped the script (it threw, stalled, ran out of memory…). */
  | {
      status: 'failed';
      subject: RunSubject;
      kind: SandboxFailureKind;
      message: string;
      location: SourceLocation | null;
    }
  | { status: 'error'; error: ApiError }
  | { status: 'cancelled' };
