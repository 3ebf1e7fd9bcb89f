import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../../shared/api/api-error';
import { describeIssues } from '../../shared/api/validation';
import type { EngineApi } from '../engine/api/engine-api';
import { httpStatusForApiError } from './api-error-status';
import { CallEnvelopeSchema, RequestIdSchema } from './call-envelope';
import type { ProgressEventStreams } from './event-stream';
import { sendJson } from './http-replies';
import type { InFlightCalls } from './in-flight-calls';
import { BodyError, readJsonBody } from './read-json-body';

export interface ApiRouteContext {
  api: EngineApi;
  calls: InFlightCalls;
  streams: ProgressEventStreams;
  bodyLimitBytes: number;
  log: (message: string) => void;
}

function sendError(
  response: ServerResponse,
  error: ApiError,
  status = error instanceof BodyError ? error.status : httpStatusForApiError(error.code),
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { ok: false, error: error.toPayload() }, headers);
}

function methodNotAllowed(response: ServerResponse, allowed: string): void {
  sendError(response, new ApiError('invalid-input', `This route accepts ${allowed} only.`), 405, {
    Allow: allowed,
  });
}

/** One path segment, percent-decoded; undefined when it is not valid percent-encoding. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

async function handleCall(
  request: IncomingMessage,
  response: ServerResponse,
  name: string,
  context: ApiRouteContext,
): Promise<void> {
  let body: unknown;
  try {
    body = await readJsonBody(request, context.bodyLimitBytes);
  } catch (error) {
    const apiError = ApiError.from(error);
    // After a refused upload the rest of the body is unread; closing is cheaper than draining it.
    const tooLarge = apiError instanceof BodyError && apiError.status === 413;
    sendError(response, apiError, undefined, tooLarge ? { Connection: 'close' } : {});
    return;
  }
  const envelope = CallEnvelopeSchema.safeParse(body);
  if (!envelope.success) {
    sendError(
      response,
      new ApiError('invalid-input', `Invalid request body: ${describeIssues(envelope.error)}`),
    );
    return;
  }
  const requestId = envelope.data.requestId ?? randomUUID();
  const controller = context.calls.begin(requestId);
  if (controller === undefined) {
    sendError(response, new ApiError('conflict', `A call with requestId "${requestId}" is already running.`));
    return;
  }
  // A client that disconnects (closed tab, aborted fetch) no longer wants the answer.
  response.once('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  // Wrapped so that an engine that throws instead of rejecting still gets its error answered.
  const call = (async () =>
    context.api.call(name, envelope.data.input, {
      signal: controller.signal,
      onProgress: (progress) => context.streams.publish({ requestId, progress }),
    }))();
  context.calls.track(requestId, call);
  try {
    sendJson(response, 200, { ok: true, value: await call });
  } catch (error) {
    if (!(error instanceof ApiError))
      context.log(`Unexpected error in ${name}: ${(error as Error)?.stack ?? String(error)}`);
    sendError(response, ApiError.from(error));
  }
}

function handleCancel(response: ServerResponse, rawRequestId: string, context: ApiRouteContext): void {
  const requestId = RequestIdSchema.safeParse(decodeSegment(rawRequestId));
  if (!requestId.success) {
    sendError(
      response,
      new ApiError('invalid-input', `Invalid cancel request: ${describeIssues(requestId.error)}`),
    );
    return;
  }
  sendJson(response, 200, { ok: true, value: { cancelled: context.calls.cancel(requestId.data) } });
}

/**
 * The API under /api: POST /api/call/:name, POST /api/cancel/:requestId, GET /api/events.
 * The caller has already checked the request's origin and credentials.
 */
export async function routeApiRequest(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  context: ApiRouteContext,
): Promise<void> {
  const segments = pathname.split('/').slice(2);
  const [route, argument, ...rest] = segments;
  const method = request.method ?? '';

  if (route === 'events' && argument === undefined) {
    if (method !== 'GET') return methodNotAllowed(response, 'GET');
    context.streams.open(request, response);
    return;
  }
  if (
    (route === 'call' || route === 'cancel') &&
    argument !== undefined &&
    argument !== '' &&
    rest.length === 0
  ) {
    if (method !== 'POST') return methodNotAllowed(response, 'POST');
    if (route === 'cancel') return handleCancel(response, argument, context);
    const name = decodeSegment(argument);
    if (name === undefined) {
      sendError(
        response,
        new ApiError('invalid-input', 'The call name in the URL is not valid percent-encoding.'),
      );
      return;
    }
    return handleCall(request, response, name, context);
  }
  sendError(
    response,
    new ApiError(
      'unknown-call',
      `There is no API route ${pathname}. Use POST /api/call/:name, POST /api/cancel/:requestId or GET /api/events.`,
    ),
  );
}
