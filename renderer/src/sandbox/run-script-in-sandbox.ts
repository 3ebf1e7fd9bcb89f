import { SANDBOX_PAGE_PATH } from '../../../shared/security/sandbox-page';
import { originalLocation } from '../../../shared/scripting/source-map';
import { workerLineToUser, type GeneratedLocation } from '../../../shared/scripting/stack-location';
import {
  composeWorkerSource,
  USER_SCRIPT_LINE_OFFSET,
  userScriptLineCount,
} from '../../../shared/scripting/worker-script-layout';
import runtimeUrl from './sandbox-worker?worker&url';
import { SandboxMessageSchema, type SandboxMessage } from './sandbox-messages';
import type { SandboxFailureKind, SandboxOutcome, SandboxRunRequest, SourceLocation } from './sandbox-types';

const DEFAULT_STALL_TIMEOUT_MS = 15_000;
/** A live sandbox page answers a ping at once even while its worker loops; silence means it is gone. */
const PING_TIMEOUT_MS = 2_000;
const READY_TIMEOUT_MS = 10_000;

let runtimeSource: Promise<string> | null = null;

/** The worker runtime's bundled text, fetched once from the app's own files. */
function loadRuntimeSource(): Promise<string> {
  runtimeSource ??= fetch(runtimeUrl).then((response) => {
    if (!response.ok) throw new Error(`the sandbox runtime could not be loaded (${response.status})`);
    return response.text();
  });
  return runtimeSource;
}

/**
 * Fits a compiled script inside the sandbox (docs/security.md, "Script sandbox"): a fresh
 * `<iframe sandbox="allow-scripts">` per run, whose worker runs the script; the iframe is removed
 * afterwards, which ends the worker whatever it is doing. A run that shows no progress for
 * `stallTimeoutMs` is stopped; if the page then does not answer a ping either, its process died
 * (out of memory) — the app itself is untouched either way.
 */
export async function runScriptInSandbox(request: SandboxRunRequest): Promise<SandboxOutcome> {
  if (request.signal?.aborted) return failure('cancelled', 'The run was cancelled.');
  let runtime: string;
  try {
    runtime = await loadRuntimeSource();
  } catch (error) {
    runtimeSource = null;
    return failure('protocol', error instanceof Error ? error.message : String(error));
  }
  const source = composeWorkerSource(request.javascript, runtime);
  const userLines = userScriptLineCount(request.javascript);
  const runId = crypto.randomUUID();
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.title = 'Script sandbox';
  iframe.className = 'script-sandbox-frame';
  iframe.style.display = 'none';
  iframe.src = new URL(SANDBOX_PAGE_PATH, document.baseURI).href;

  return new Promise<SandboxOutcome>((resolve) => {
    let settled = false;
    let started = false;
    let stallTimer: ReturnType<typeof setTimeout> | undefined;
    let pingTimer: ReturnType<typeof setTimeout> | undefined;
    let pingNonce: string | null = null;
    const stallTimeout = request.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;

    const finish = (outcome: SandboxOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(stallTimer);
      clearTimeout(pingTimer);
      window.removeEventListener('message', onMessage);
      request.signal?.removeEventListener('abort', onAbort);
      iframe.remove();
      resolve(outcome);
    };
    const armStallTimer = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(onStall, started ? stallTimeout : Math.max(stallTimeout, READY_TIMEOUT_MS));
    };
    const onStall = () => {
      if (!started) {
        finish(failure('protocol', 'The script sandbox did not start: its page did not load.'));
        return;
      }
      pingNonce = crypto.randomUUID();
      iframe.contentWindow?.postMessage({ type: 'ping', nonce: pingNonce }, '*');
      pingTimer = setTimeout(() => {
        finish(
          failure(
            'memory',
            'The sandbox stopped responding and was closed: the script most likely ran out of memory. The workbench is unaffected.',
          ),
        );
      }, PING_TIMEOUT_MS);
    };
    const onAbort = () => finish(failure('cancelled', 'The run was cancelled.'));

    const onMessage = (event: MessageEvent) => {
      if (event.source !== iframe.contentWindow || event.source === null) return;
      const parsed = SandboxMessageSchema.safeParse(event.data);
      if (!parsed.success) {
        finish(failure('protocol', 'The sandbox sent a message outside its protocol; the run was stopped.'));
        return;
      }
      handle(parsed.data);
    };

    const handle = (message: SandboxMessage) => {
      if (message.type === 'ready') {
        started = true;
        armStallTimer();
        iframe.contentWindow?.postMessage(
          {
            type: 'start',
            runId,
            source,
            data: request.data,
            options: { method: request.method ?? 'auto', maxIterations: request.maxIterations, userLines },
          },
          '*',
        );
        return;
      }
      if (message.type === 'pong') {
        if (message.nonce !== pingNonce) return;
        clearTimeout(pingTimer);
        finish(
          failure(
            'timeout',
            `The script was stopped: it showed no progress for ${Math.round(stallTimeout / 1000)} s (an endless loop, or a score far too slow for the data).`,
          ),
        );
        return;
      }
      if (message.runId !== runId) {
        finish(failure('protocol', 'The sandbox answered for another run; the run was stopped.'));
        return;
      }
      armStallTimer();
      if (message.type === 'progress') {
        const { phase, iteration, evaluations, objective, elapsedMs } = message;
        request.onProgress?.({ phase, iteration, evaluations, objective, elapsedMs });
        return;
      }
      if (message.type === 'done') {
        const { rows } = request.data;
        const expected = message.scenario ? rows.used : 0;
        if (
          message.testScores.length !== rows.test ||
          (message.scenario &&
            (message.scenario.baseline.length !== expected || message.scenario.stressed.length !== expected))
        ) {
          finish(failure('protocol', 'The sandbox returned scores for the wrong number of rows.'));
          return;
        }
        finish({
          ok: true,
          report: message.report,
          testScores: message.testScores,
          scenario: message.scenario,
        });
        return;
      }
      if (message.type === 'failed') {
        finish(failure(message.kind, message.message, mapLocation(message.location, request.sourceMap)));
        return;
      }
      // Uncaught while loading is a syntax error in the script; later, an error thrown from a timer.
      const at = workerLineToUser(message.line, message.column, USER_SCRIPT_LINE_OFFSET, userLines);
      const kind = message.message.includes('SyntaxError') ? 'definition' : 'runtime';
      finish(failure(kind, message.message, mapLocation(at, request.sourceMap)));
    };

    window.addEventListener('message', onMessage);
    request.signal?.addEventListener('abort', onAbort);
    armStallTimer();
    document.body.append(iframe);
  });
}

function mapLocation(at: GeneratedLocation | null, sourceMap: string | null): SourceLocation | null {
  if (!at) return null;
  if (!sourceMap) return at;
  return originalLocation(sourceMap, at) ?? at;
}

function failure(
  kind: SandboxFailureKind,
  message: string,
  location: SourceLocation | null = null,
): SandboxOutcome {
  return { ok: false, kind, message, location };
}
