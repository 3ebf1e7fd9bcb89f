import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  SANDBOX_BRIDGE_SCRIPT,
  SANDBOX_PAGE_HTML,
  sandboxContentSecurityPolicy,
} from '../../shared/security/sandbox-page';

const BODY = Buffer.from(SANDBOX_PAGE_HTML, 'utf8');
const POLICY = sandboxContentSecurityPolicy(
  createHash('sha256').update(SANDBOX_BRIDGE_SCRIPT, 'utf8').digest('base64'),
);

/**
 * Answers `/sandbox.html` with the script sandbox page and its own policy instead of the app's
 * (which would forbid both its inline bridge and being framed). frame-ancestors 'self' takes the
 * place of X-Frame-Options: DENY.
 */
export function serveSandboxPage(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', POLICY);
  response.removeHeader('X-Frame-Options');
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': BODY.length });
  response.end(request.method === 'HEAD' ? undefined : BODY);
}
