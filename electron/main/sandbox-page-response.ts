import { createHash } from 'node:crypto';
import {
  SANDBOX_BRIDGE_SCRIPT,
  SANDBOX_PAGE_HTML,
  SANDBOX_PAGE_PATH,
  sandboxContentSecurityPolicy,
} from '../../shared/security/sandbox-page';
import { APP_HOST, APP_SCHEME } from './app-origin';

const POLICY = sandboxContentSecurityPolicy(
  createHash('sha256').update(SANDBOX_BRIDGE_SCRIPT, 'utf8').digest('base64'),
);

/** Whether a request on the app scheme asks for the script sandbox page. */
export function isSandboxPageRequest(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.pathname === `/${SANDBOX_PAGE_PATH}`
    );
  } catch {
    return false;
  }
}

/** The sandbox page with its own policy (see shared/security/sandbox-page.ts), never the app's. */
export function sandboxPageResponse(method: string): Response {
  return new Response(method === 'HEAD' ? null : SANDBOX_PAGE_HTML, {
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    },
  });
}
