import { ApiError } from '../../../shared/api/api-error';
import type { CallResult } from '../../../shared/api/bridge';
import { ProgressEventSchema, type Progress } from '../../../shared/api/progress';
import type { ApiTransport } from '../../../shared/api/transport';

const UNREACHABLE =
  'The Scorecal engine is not reachable. Is Scorecal still running in its terminal (npm run web)? ' +
  'If it was restarted, open the new URL it printed.';
/** How long a call with progress waits for the event stream before starting without it. */
const STREAM_OPEN_WAIT_MS = 2_000;

type ProgressListener = (progress: Progress) => void;

/**
 * One EventSource for the whole page, opened on first need, that hands each progress event to
 * the call it belongs to. The host sends every event to every stream, so unknown ids are normal.
 */
class ProgressRouter {
  private source: EventSource | undefined;
  private opened: Promise<void> | undefined;
  private readonly listeners = new Map<string, ProgressListener>();

  constructor(private readonly url: string) {}

  subscribe(requestId: string, listener: ProgressListener): () => void {
    this.listeners.set(requestId, listener);
    return () => this.listeners.delete(requestId);
  }

  /**
   * Resolves once the stream is open (so early progress is not missed), or when it failed, or
   * after a short wait: progress is a nicety, and the call itself will report a host that is gone.
   */
  ready(): Promise<void> {
    // A browser gives up on a stream that was refused (the host restarted): start a new one.
    if (this.source?.readyState === EventSource.CLOSED) this.opened = undefined;
    this.opened ??= new Promise<void>((resolve) => {
      const source = new EventSource(this.url);
      this.source = source;
      source.addEventListener('open', () => resolve(), { once: true });
      source.addEventListener('error', () => resolve(), { once: true });
      source.addEventListener('message', (event) => this.route(event.data));
      setTimeout(resolve, STREAM_OPEN_WAIT_MS);
    });
    return this.opened;
  }

  private route(data: unknown): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(data));
    } catch {
      return;
    }
    const event = ProgressEventSchema.safeParse(parsed);
    if (event.success) this.listeners.get(event.data.requestId)?.(event.data.progress);
  }
}

function isCallResult(body: unknown): body is CallResult {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

/** The host answers API errors as CallResult JSON; refusals before the API (401, 403) as text. */
async function readAnswer(response: Response): Promise<unknown> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isCallResult(body)) {
    if (body.ok) return body.value;
    throw ApiError.fromPayload(body.error);
  }
  const explanation = text.trim();
  throw new ApiError(
    'internal',
    explanation === '' ? `The Scorecal host answered HTTP ${response.status}.` : explanation,
    `HTTP ${response.status}`,
  );
}

/** Loopback pages are a secure context, so randomUUID is there; the fallback is for odd embeddings. */
function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/**
 * The transport of browser mode: API calls as same-origin POSTs (the session cookie goes along
 * by itself), progress over one shared Server-Sent Events stream, cancellation as a POST.
 */
export function httpTransport(options: { baseUrl?: string } = {}): ApiTransport {
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  const progress = new ProgressRouter(`${base}/api/events`);

  const cancel = (requestId: string) =>
    fetch(`${base}/api/cancel/${encodeURIComponent(requestId)}`, { method: 'POST', keepalive: true }).catch(
      () => undefined,
    );

  return {
    async call(name, input, { signal, onProgress }) {
      const cancelled = () => new ApiError('cancelled', `${name} was cancelled.`);
      if (signal?.aborted) throw cancelled();
      const requestId = newRequestId();
      const body = JSON.stringify({ input, requestId });
      const unsubscribe = onProgress ? progress.subscribe(requestId, onProgress) : () => undefined;
      // Aborting the fetch alone would also stop the call (the host notices the closed
      // connection), but the explicit cancel reaches it even if the connection lingers.
      const request = new AbortController();
      const onAbort = () => {
        void cancel(requestId);
        request.abort();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        if (onProgress) await progress.ready();
        if (signal?.aborted) throw cancelled();
        let response: Response;
        try {
          response = await fetch(`${base}/api/call/${encodeURIComponent(name)}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body,
            credentials: 'same-origin',
            cache: 'no-store',
            signal: request.signal,
          });
        } catch (error) {
          if (signal?.aborted) throw cancelled();
          throw new ApiError('internal', UNREACHABLE, String(error));
        }
        try {
          return await readAnswer(response);
        } catch (error) {
          if (signal?.aborted) throw cancelled();
          throw error instanceof ApiError ? error : new ApiError('internal', UNREACHABLE, String(error));
        }
      } finally {
        signal?.removeEventListener('abort', onAbort);
        unsubscribe();
      }
    },
  };
}
