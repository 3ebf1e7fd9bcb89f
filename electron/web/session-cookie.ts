/**
 * Cookies are scoped to a host, not to a port, so two browser-mode hosts on one machine would
 * overwrite each other's cookie if it had a fixed name. The port in the name keeps them apart
 * (Jupyter does the same).
 */
export function sessionCookieName(port: number): string {
  return `scorecal_session_${port}`;
}

/**
 * HttpOnly keeps page scripts from reading it; SameSite=Strict keeps every other site's pages
 * from sending it, which is what stops cross-site requests from riding on the session. No
 * Max-Age: the cookie ends with the browser session, and the host forgets it on restart anyway.
 */
export function serializeSessionCookie(name: string, value: string): string {
  return `${name}=${value}; HttpOnly; SameSite=Strict; Path=/`;
}

/** The value of one cookie in a Cookie header, or undefined; malformed pairs are skipped. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) continue;
    if (pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return undefined;
}
