/**
 * The runtime of the script sandbox's worker (docs/security.md, "Script sandbox"). It is appended
 * to the user's compiled script (shared/scripting/worker-script-layout.ts) and runs inside the
 * sandboxed iframe's blob: worker: everything here is as untrusted as the script itself, which is
 * why the host re-validates every message and the engine recomputes every metric.
 */
import { decodeScriptData } from '../../../shared/scripting/decoded-script-data';
import { fitScript, type FitProgress } from '../../../shared/scripting/fit-script';
import type { ScriptData } from '../../../shared/scripting/script-data';
import { ScriptDefinitionError } from '../../../shared/scripting/script-errors';
import { scriptStats } from '../../../shared/scripting/script-stats';
import { userLocationInStack, type GeneratedLocation } from '../../../shared/scripting/stack-location';
import {
  USER_SCRIPT_GLOBAL,
  USER_SCRIPT_LINE_OFFSET,
  type UserScriptFunction,
} from '../../../shared/scripting/worker-script-layout';

interface RunMessage {
  type: 'run';
  runId: string;
  data: ScriptData;
  options: { method?: 'auto' | 'lbfgsb' | 'nelder-mead'; maxIterations?: number; userLines: number };
}

interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  location: { href: string };
}

const scope = globalThis as unknown as WorkerScope & Record<string, unknown>;
const userScript = scope[USER_SCRIPT_GLOBAL] as UserScriptFunction | undefined;
delete scope[USER_SCRIPT_GLOBAL];
const post = scope.postMessage.bind(scope);
const workerUrl = scope.location.href;
/** Progress at most this often: enough for a live display and a heartbeat, cheap to relay. */
const PROGRESS_INTERVAL_MS = 200;

scope.addEventListener('message', (event) => {
  const message = event.data as RunMessage | null;
  if (message && message.type === 'run') run(message);
});

function run(message: RunMessage): void {
  const { runId } = message;
  const started = performance.now();
  let lastPost = 0;
  let phase: FitProgress['phase'] | 'starting' = 'starting';
  let latest: Omit<FitProgress, 'phase'> = { iteration: 0, evaluations: 0, objective: null };
  const postProgress = (force: boolean) => {
    const now = performance.now();
    if (!force && now - lastPost < PROGRESS_INTERVAL_MS) return;
    lastPost = now;
    post({ type: 'progress', runId, phase, ...latest, elapsedMs: now - started });
  };
  try {
    postProgress(true);
    if (typeof userScript !== 'function') throw new ScriptDefinitionError('the script did not load');
    const exports: Record<string, unknown> = {};
    const module = { exports };
    userScript(exports, module, (definition) => definition, scriptStats);
    const data = decodeScriptData(message.data);
    const result = fitScript(module.exports.default, data, {
      ...(message.options.method ? { method: message.options.method } : {}),
      ...(message.options.maxIterations ? { maxIterations: message.options.maxIterations } : {}),
      now: () => performance.now(),
      onProgress: (progress) => {
        const changedPhase = progress.phase !== phase;
        phase = progress.phase;
        latest = {
          iteration: progress.iteration,
          evaluations: progress.evaluations,
          objective: progress.objective,
        };
        postProgress(changedPhase);
      },
      onEvaluation: () => postProgress(false),
    });
    const transfer: ArrayBuffer[] = [result.testScores.buffer as ArrayBuffer];
    if (result.scenario) {
      transfer.push(
        result.scenario.baseline.buffer as ArrayBuffer,
        result.scenario.stressed.buffer as ArrayBuffer,
      );
    }
    post(
      {
        type: 'done',
        runId,
        report: result.report,
        testScores: result.testScores,
        scenario: result.scenario,
        transfer,
      },
      transfer,
    );
  } catch (error) {
    post({
      type: 'failed',
      runId,
      kind: error instanceof ScriptDefinitionError ? 'definition' : 'runtime',
      message: describeError(error),
      location: locate(error, message.options.userLines),
    });
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `the script threw ${typeof error === 'string' ? JSON.stringify(error) : typeof error}`;
}

function locate(error: unknown, userLines: number): GeneratedLocation | null {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return null;
  return userLocationInStack(error.stack, workerUrl, USER_SCRIPT_LINE_OFFSET, userLines);
}
