import { describe, expect, it } from 'vitest';
import {
  checkFetchSite,
  checkHost,
  checkOrigin,
  checkRequestSource,
} from '../../../electron/web/request-guard';
import { readCookie, serializeSessionCookie } from '../../../electron/web/session-cookie';
import { createWebCredentials } from '../../../electron/web/web-credentials';

const PORT = 51234;

describe('request guard', () => {
  it.each(['127.0.0.1:51234', 'localhost:51234', 'LOCALHOST:51234'])('accepts Host %s', (host) => {
    expect(checkHost(host, PORT).allowed).toBe(true);
  });

  it.each([
    undefined,
    '',
    '127.0.0.1',
    'localhost',
    '127.0.0.1:5123',
    'evil.com:51234',
    '127.0.0.1.nip.io:51234',
    '0.0.0.0:51234',
  ])('refuses Host %s', (host) => {
    expect(checkHost(host, PORT).allowed).toBe(false);
  });

  it('accepts no Origin, or exactly the origin the request is addressed to', () => {
    expect(checkOrigin(undefined, '127.0.0.1:51234', PORT).allowed).toBe(true);
    expect(checkOrigin('http://127.0.0.1:51234', '127.0.0.1:51234', PORT).allowed).toBe(true);
    expect(checkOrigin('http://localhost:51234', 'localhost:51234', PORT).allowed).toBe(true);
  });

  it.each([
    'http://localhost:51234',
    'http://127.0.0.1:1',
    'https://127.0.0.1:51234',
    'null',
    'http://evil.com',
    '',
  ])('refuses Origin %s on a request to 127.0.0.1', (origin) => {
    expect(checkOrigin(origin, '127.0.0.1:51234', PORT).allowed).toBe(false);
  });

  it('refuses state-changing requests marked cross-site or same-site, never reads', () => {
    expect(checkFetchSite('POST', 'cross-site').allowed).toBe(false);
    expect(checkFetchSite('POST', 'same-site').allowed).toBe(false);
    expect(checkFetchSite('POST', 'same-origin').allowed).toBe(true);
    expect(checkFetchSite('POST', undefined).allowed).toBe(true);
    expect(checkFetchSite('GET', 'cross-site').allowed).toBe(true);
  });

  it('combines all checks and explains the first refusal', () => {
    const verdict = checkRequestSource(
      { method: 'POST', headers: { host: 'evil.com', origin: 'http://evil.com' } },
      PORT,
    );
    expect(verdict).toEqual({ allowed: false, reason: expect.stringContaining('Host header (evil.com)') });
  });
});

describe('session credentials', () => {
  it('reads one cookie among several and ignores malformed pairs', () => {
    expect(readCookie('a=1; junk; scorecal_session_1=xyz; b=2', 'scorecal_session_1')).toBe('xyz');
    expect(readCookie('scorecal_session_10=xyz', 'scorecal_session_1')).toBeUndefined();
    expect(readCookie(undefined, 'x')).toBeUndefined();
  });

  it('writes a cookie scripts cannot read and other sites cannot send', () => {
    expect(serializeSessionCookie('n', 'v')).toBe('n=v; HttpOnly; SameSite=Strict; Path=/');
  });

  it('signs in with its own session cookie or the token as bearer, never with the token as cookie', () => {
    const credentials = createWebCredentials(PORT, 'the-token-of-this-start');
    const cookie = credentials.sessionCookie().split(';')[0]!;
    expect(credentials.isAuthenticated({ cookie })).toBe(true);
    expect(credentials.isAuthenticated({ cookie: `scorecal_session_${PORT}=the-token-of-this-start` })).toBe(
      false,
    );
    expect(credentials.isAuthenticated({ authorization: 'Bearer the-token-of-this-start' })).toBe(true);
    expect(credentials.isAuthenticated({ authorization: 'Bearer the-token-of-this-star' })).toBe(false);
    expect(credentials.isAuthenticated({})).toBe(false);
    expect(credentials.isToken('the-token-of-this-start')).toBe(true);
  });

  it('gives each start a different session secret', () => {
    const first = createWebCredentials(PORT, 't').sessionCookie();
    const second = createWebCredentials(PORT, 't').sessionCookie();
    expect(first).not.toBe(second);
  });
});
