import type { Session } from 'electron';
import { isAppUrl } from './app-origin';

/**
 * Schemes a page may request besides the app origin: inline data the page itself made, and the
 * developer tools' own pages. Everything else (http, https, ws, file, ftp, ...) is cancelled.
 */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:']);

export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  try {
    return LOCAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * Zero network traffic in normal use, enforced below the page: even if the CSP were bypassed,
 * the session refuses to send a request off the machine.
 */
export function lockDownNetwork(session: Pick<Session, 'webRequest'>, log: (message: string) => void): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) log(`Blocked a ${details.resourceType} request to a non-app URL.`);
    callback({ cancel: !allowed });
  });
}
