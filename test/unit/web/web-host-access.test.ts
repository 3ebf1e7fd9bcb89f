import net from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy';
import {
  browserHeaders,
  httpRequest,
  jsonBody,
  postCall,
  startTestHost,
  type TestHost,
} from './web-host-harness';

let test: TestHost;
beforeAll(async () => {
  test = await startTestHost();
});
afterAll(async () => {
  await test.close();
});

const hostHeader = () => `127.0.0.1:${test.host.port}`;

describe('browser-mode host: signing in', () => {
  it('prints a loopback URL that carries the token', () => {
    expect(test.host.url).toBe(`http://127.0.0.1:${test.host.port}/?token=${test.host.token}`);
    expect(test.host.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses pages and the API without the token or a session, and runs nothing', async () => {
    const page = await httpRequest(test.host.port, { headers: { host: hostHeader() } });
    expect(page.status).toBe(401);
    expect(page.body).toContain('URL printed in the terminal');
    const before = test.calls.length;
    const call = await httpRequest(test.host.port, {
      method: 'POST',
      path: '/api/call/app.info',
      headers: { host: hostHeader(), 'content-type': 'application/json' },
      body: JSON.stringify({ input: {}, requestId: 'r1' }),
    });
    expect(call.status).toBe(401);
    expect(test.calls.length).toBe(before);
  });

  it('refuses a wrong token without setting a cookie', async () => {
    const answer = await httpRequest(test.host.port, {
      path: '/?token=0123456789abcdef',
      headers: { host: hostHeader() },
    });
    expect(answer.status).toBe(403);
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.body).toContain('URL printed in the terminal');
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie and a 303 to a token-free URL', async () => {
    const answer = await httpRequest(test.host.port, {
      path: `/?token=${test.host.token}`,
      headers: { host: hostHeader() },
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/');
    const cookie = answer.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^scorecal_session_${test.host.port}=[0-9a-f]{64}; `));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain(test.host.token);
  });

  it('serves the renderer to a signed-in browser with the right content types', async () => {
    const index = await httpRequest(test.host.port, { headers: browserHeaders(test) });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body).toContain('<title>Scorecal</title>');
    const script = await httpRequest(test.host.port, {
      path: '/assets/app.js',
      headers: browserHeaders(test),
    });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const svg = await httpRequest(test.host.port, {
      path: '/assets/logo.svg',
      headers: browserHeaders(test),
    });
    expect(svg.headers['content-type']).toBe('image/svg+xml');
  });

  it('refuses a forged session cookie', async () => {
    const forged = `scorecal_session_${test.host.port}=${'0'.repeat(64)}`;
    const answer = await httpRequest(test.host.port, { headers: { host: hostHeader(), cookie: forged } });
    expect(answer.status).toBe(401);
  });

  it('accepts the token as a bearer credential for scripts, and nothing else', async () => {
    const call = (authorization: string) =>
      httpRequest(test.host.port, {
        method: 'POST',
        path: '/api/call/app.info',
        headers: { host: hostHeader(), 'content-type': 'application/json', authorization },
        body: JSON.stringify({ input: {} }),
      });
    expect((await call(`Bearer ${test.host.token}`)).status).toBe(200);
    expect((await call('Bearer 0123')).status).toBe(401);
    expect((await call(`Basic ${test.host.token}`)).status).toBe(401);
  });
});

describe('browser-mode host: where requests come from', () => {
  it.each([
    'evil.com:PORT',
    '127.0.0.1.nip.io:PORT',
    'localhost.evil.com:PORT',
    '127.0.0.1:1',
    '127.0.0.1',
    '[::1]:PORT',
  ])('refuses Host %s even with a valid session (DNS rebinding)', async (forged) => {
    const before = test.calls.length;
    const host = forged.replace('PORT', String(test.host.port));
    const page = await httpRequest(test.host.port, { headers: { ...browserHeaders(test), host } });
    expect(page.status).toBe(403);
    const call = await postCall(test, 'app.info', { input: {} }, { host });
    expect(call.status).toBe(403);
    expect(test.calls.length).toBe(before);
  });

  it('refuses the token exchange under a foreign Host', async () => {
    const answer = await httpRequest(test.host.port, {
      path: `/?token=${test.host.token}`,
      headers: { host: `evil.com:${test.host.port}` },
    });
    expect(answer.status).toBe(403);
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('accepts localhost:PORT as the Host', async () => {
    const answer = await postCall(test, 'app.info', { input: {} }, { host: `localhost:${test.host.port}` });
    expect(answer.status).toBe(200);
  });

  it.each([
    'http://evil.com',
    'http://127.0.0.1:1',
    'https://127.0.0.1:PORT',
    'http://localhost:PORT',
    'null',
  ])('refuses a request from Origin %s', async (origin) => {
    const before = test.calls.length;
    const answer = await postCall(
      test,
      'app.info',
      { input: {} },
      { origin: origin.replace('PORT', String(test.host.port)) },
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('another origin');
    expect(test.calls.length).toBe(before);
  });

  it('accepts a request from its own origin', async () => {
    const answer = await postCall(test, 'app.info', { input: {} }, { origin: test.host.origin });
    expect(answer.status).toBe(200);
  });

  it.each(['cross-site', 'same-site'])('refuses a POST the browser marks as %s', async (site) => {
    const answer = await postCall(test, 'app.info', { input: {} }, { 'sec-fetch-site': site });
    expect(answer.status).toBe(403);
  });

  it('accepts a POST the browser marks as same-origin', async () => {
    const answer = await postCall(
      test,
      'app.info',
      { input: {} },
      { 'sec-fetch-site': 'same-origin', origin: test.host.origin },
    );
    expect(answer.status).toBe(200);
  });
});

describe('browser-mode host: network exposure', () => {
  it('listens on 127.0.0.1', async () => {
    expect(test.host.origin).toBe(`http://127.0.0.1:${test.host.port}`);
    const connected = await canConnect('127.0.0.1', test.host.port);
    expect(connected).toBe(true);
  });

  const outward = Object.values(os.networkInterfaces())
    .flat()
    .filter((address) => address !== undefined && address.family === 'IPv4' && !address.internal)
    .map((address) => address!.address);

  it.skipIf(outward.length === 0)(
    `cannot be reached on this machine's network addresses (${outward.join(', ') || 'none: no non-loopback IPv4 interface, so skipped'})`,
    async () => {
      for (const address of outward) expect(await canConnect(address, test.host.port)).toBe(false);
    },
  );

  it('cannot be reached on IPv6 loopback either', async () => {
    expect(await canConnect('::1', test.host.port)).toBe(false);
  });
});

describe('browser-mode host: response headers', () => {
  it('sends the security headers on pages, API answers and refusals alike', async () => {
    const answers = [
      await httpRequest(test.host.port, { headers: browserHeaders(test) }),
      await postCall(test, 'app.info', { input: {} }),
      await httpRequest(test.host.port, { headers: { host: hostHeader() } }),
      await httpRequest(test.host.port, { headers: { host: 'evil.com' } }),
    ];
    for (const answer of answers) {
      expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      expect(answer.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(answer.headers['cache-control']).toBe('no-store');
    }
    expect(jsonBody(answers[1]!).ok).toBe(true);
  });

  it('uses the desktop policy: nothing remote, no inline scripts, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });
});

function canConnect(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}
