import { useCallback, useRef, useState } from 'react';
import type { ApiClient } from '../../../../shared/api/client';
import { ApiError } from '../../../../shared/api/api-error';
import type { Progress } from '../../../../shared/api/progress';
import { encodeBinaryArray } from '../../../../shared/scripting/binary-array';
import type { ScriptSelection } from '../../../../shared/scripting/script-data';
import type { CallInput } from '../../../../shared/api/contract';
import type { CompileResult } from '../../editor/compile-script';
import { runScriptInSandbox } from '../../sandbox/run-script-in-sandbox';
import type { SandboxProgress } from '../../sandbox/sandbox-types';
import { columnsToRequest } from './script-columns';
import type { RunStage, RunSubject, ScriptRunState } from './script-run-state';
import type { ScriptMethod } from './scripts-settings';

export interface ScriptRunRequest {
  /** Saves the editor's text (a new version only when it changed) and names the version that runs. */
  save(): Promise<{ scriptId: number; scriptName: string; version: number }>;
  /** Compiles what was saved; a script with errors is refused with the list. */
  compile(): Promise<CompileResult>;
  datasetId: number;
  selection: Omit<ScriptSelection, 'columns'>;
  /** Every column a row of the dataset carries (see rowColumns). */
  rowColumns: string[];
  method: ScriptMethod;
  stallTimeoutMs: number;
  /** How the engine measures the fitted script on the test rows. */
  measure: Pick<ScriptSaveRunInput, 'bins' | 'binning' | 'bootstrap'>;
}

type ScriptSaveRunInput = CallInput<'scripts.saveRun'>;

/** The sandbox reports every iteration; the screen needs a few updates a second. */
const SANDBOX_PROGRESS_INTERVAL_MS = 100;

/**
 * One script run at a time: save, compile, read the rows (engine), fit in the sandbox, measure and
 * keep the model (engine). Cancel aborts whichever step is running, the sandbox included.
 */
export function useScriptRun(api: ApiClient) {
  const [state, setState] = useState<ScriptRunState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(
    async (request: ScriptRunRequest) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const { signal } = abort;
      const live = () => !signal.aborted;
      const stage = (next: RunStage) => {
        if (live()) setState({ status: 'running', stage: next, engine: null, sandbox: null });
      };
      const cancelled = () => new ApiError('cancelled', 'The run was cancelled.');
      let lastSandboxUpdate = 0;
      const onSandboxProgress = (sandbox: SandboxProgress) => {
        const now = performance.now();
        if (!live() || now - lastSandboxUpdate < SANDBOX_PROGRESS_INTERVAL_MS) return;
        lastSandboxUpdate = now;
        setState({ status: 'running', stage: 'fitting', engine: null, sandbox });
      };
      const onEngineProgress = (current: 'reading' | 'measuring') => (engine: Progress) => {
        if (live()) setState({ status: 'running', stage: current, engine, sandbox: null });
      };

      try {
        stage('saving');
        const saved = await request.save();
        if (!live()) throw cancelled();
        const subject: RunSubject = { ...saved, datasetId: request.datasetId };

        stage('compiling');
        const compiled = await request.compile();
        if (!live()) throw cancelled();
        if (!compiled.ok) {
          setState({ status: 'refused', subject, problems: compiled.problems });
          return;
        }
        const requested = columnsToRequest(compiled.javascript, request.rowColumns);
        const selection: ScriptSelection = { ...request.selection, columns: requested.columns };

        stage('reading');
        const data = await api.call('scripts.data', selection, {
          signal,
          onProgress: onEngineProgress('reading'),
        });

        stage('fitting');
        const outcome = await runScriptInSandbox({
          javascript: compiled.javascript,
          sourceMap: compiled.sourceMap,
          data,
          method: request.method,
          stallTimeoutMs: request.stallTimeoutMs,
          onProgress: onSandboxProgress,
          signal,
        });
        if (!live() || (!outcome.ok && outcome.kind === 'cancelled')) throw cancelled();
        if (!outcome.ok) {
          setState({
            status: 'failed',
            subject,
            kind: outcome.kind,
            message: outcome.message,
            location: outcome.location,
          });
          return;
        }

        stage('measuring');
        const result = await api.call(
          'scripts.saveRun',
          {
            script: { id: subject.scriptId },
            version: subject.version,
            selection,
            fit: outcome.report,
            testScores: encodeBinaryArray(outcome.testScores),
            scenario: outcome.scenario
              ? {
                  baseline: encodeBinaryArray(outcome.scenario.baseline),
                  stressed: encodeBinaryArray(outcome.scenario.stressed),
                }
              : null,
            ...request.measure,
          },
          { signal, onProgress: onEngineProgress('measuring') },
        );
        if (!live()) throw cancelled();
        setState({
          status: 'done',
          run: {
            ...subject,
            report: outcome.report,
            result,
            rows: data.rows,
            validation: data.validation,
            columns: { names: requested.columns, basis: requested.basis },
            binning: request.measure.binning ?? 'uniform',
          },
        });
      } catch (error) {
        const apiError = ApiError.from(error);
        if (controller.current !== abort) return;
        setState(
          signal.aborted || apiError.code === 'cancelled'
            ? { status: 'cancelled' }
            : { status: 'error', error: apiError },
        );
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [api],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, cancel, dismiss };
}
