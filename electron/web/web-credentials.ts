import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { secretsMatch } from './constant-time-equal';
import { readCookie, serializeSessionCookie, sessionCookieName } from './session-cookie';

/**
 * The secrets of one start of the host. The token is what the user receives in the printed URL;
 * it is traded once per browser for a session cookie whose value is a second, unrelated secret,
 * so the token itself never sits in a cookie jar or in later requests.
 */
export interface WebCredentials {
  readonly token: string;
  /** Whether a token from a URL or an Authorization header is this start's token. */
  isToken(presented: string): boolean;
  /** Whether a request carries this start's session cookie or the token as a bearer credential. */
  isAuthenticated(headers: IncomingHttpHeaders): boolean;
  /** The Set-Cookie value that signs a browser in. */
  sessionCookie(): string;
}

export function randomSecret(): string {
  return randomBytes(32).toString('hex');
}

export function createWebCredentials(port: number, token: string = randomSecret()): WebCredentials {
  if (token.length === 0) throw new Error('The browser-mode token must not be empty.');
  const sessionSecret = randomSecret();
  const cookieName = sessionCookieName(port);
  const isToken = (presented: string) => secretsMatch(presented, token);
  return {
    token,
    isToken,
    isAuthenticated(headers) {
      const cookie = readCookie(headers.cookie, cookieName);
      if (cookie !== undefined && secretsMatch(cookie, sessionSecret)) return true;
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
      return bearer?.[1] !== undefined && isToken(bearer[1]);
    },
    sessionCookie: () => serializeSessionCookie(cookieName, sessionSecret),
  };
}
