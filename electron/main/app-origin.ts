/**
 * The one origin the desktop renderer is served from. A custom, privileged scheme instead of
 * file:// keeps the page in an ordinary web origin (same-origin policy, CSP, secure context)
 * and confines what it can load to the files the app ships.
 */
export const APP_SCHEME = 'scorecal';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for URLs on the app origin. Compared field by field because Node's URL gives
 * non-special schemes the opaque origin "null", so `url.origin` cannot be used here.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
