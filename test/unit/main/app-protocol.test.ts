import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  refuseFileScheme,
  registerAppScheme,
  resolveAppRequest,
  respondToAppRequest,
  serveAppProtocol,
} from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy';
import { FakeProtocol } from './fake-electron';
import { useTempDirs } from '../../helpers/temp-dir';

describe('app protocol', () => {
  const tempDir = useTempDirs();
  let base: string;
  let root: string;

  beforeEach(() => {
    base = tempDir();
    root = path.join(base, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Scorecal</title>');
    fs.writeFileSync(path.join(root, 'assets', 'main.js'), 'console.log("app");');
    fs.writeFileSync(path.join(root, 'assets', 'style.css'), 'body{}');
    fs.writeFileSync(path.join(root, 'assets', 'codicon.ttf'), 'font');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'outside the app');
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'escape.txt'));
    fs.symlinkSync(base, path.join(root, 'escape-dir'));
  });

  it('registers a standard, secure scheme with fetch support', () => {
    const protocol = new FakeProtocol();
    registerAppScheme(protocol);
    expect(protocol.privilegedSchemes).toEqual([
      {
        scheme: 'scorecal',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      },
    ]);
  });

  it('maps app URLs to files under the root', async () => {
    expect(await resolveAppRequest(root, 'scorecal://app/assets/main.js')).toEqual({
      path: fs.realpathSync(path.join(root, 'assets', 'main.js')),
    });
    expect(await resolveAppRequest(root, 'scorecal://app/assets/main.js?v=1#top')).toEqual({
      path: fs.realpathSync(path.join(root, 'assets', 'main.js')),
    });
  });

  it('serves index.html for the bare origin', async () => {
    const index = { path: fs.realpathSync(path.join(root, 'index.html')) };
    expect(await resolveAppRequest(root, 'scorecal://app/')).toEqual(index);
    expect(await resolveAppRequest(root, 'scorecal://app')).toEqual(index);
  });

  it.each([
    ['a .. segment', 'scorecal://app/../secret.txt'],
    ['a nested .. segment', 'scorecal://app/assets/../../secret.txt'],
    ['an encoded ../', 'scorecal://app/%2e%2e%2fsecret.txt'],
    ['an upper-case encoded ..', 'scorecal://app/assets/%2E%2E/%2E%2E/secret.txt'],
    ['a mixed encoded ..', 'scorecal://app/.%2e/secret.txt'],
    ['an encoded backslash', 'scorecal://app/%5c..%5csecret.txt'],
    ['a raw backslash', 'scorecal://app/assets\\..\\..\\secret.txt'],
    ['an absolute path', 'scorecal://app//etc/passwd'],
    ['an encoded absolute path', 'scorecal://app/%2Fetc%2Fpasswd'],
    ['a drive letter', 'scorecal://app/C:/Windows/win.ini'],
    ['a NUL byte', 'scorecal://app/index.html%00.js'],
    ['another host', 'scorecal://evil/index.html'],
    ['credentials in the URL', 'scorecal://user:pw@app/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['an unreadable escape', 'scorecal://app/%E0%A4%A'],
    ['a symlink to a file outside the root', 'scorecal://app/assets/escape.txt'],
    ['a symlink to a folder outside the root', 'scorecal://app/escape-dir/secret.txt'],
  ])('refuses %s', async (_what, url) => {
    expect(await resolveAppRequest(root, url)).toEqual({ status: 403 });
  });

  it('answers 404 for missing files and folders', async () => {
    expect(await resolveAppRequest(root, 'scorecal://app/missing.js')).toEqual({ status: 404 });
    expect(await resolveAppRequest(root, 'scorecal://app/assets')).toEqual({ status: 404 });
    expect(await resolveAppRequest(root, 'scorecal://app/assets/')).toEqual({ status: 404 });
  });

  it('serves a real file with its content type, the CSP and nosniff', async () => {
    const response = await respondToAppRequest(root, new Request('scorecal://app/assets/main.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log("app");');

    const page = await respondToAppRequest(root, new Request('scorecal://app/'));
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const css = await respondToAppRequest(root, new Request('scorecal://app/assets/style.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const font = await respondToAppRequest(root, new Request('scorecal://app/assets/codicon.ttf'));
    expect(font.headers.get('content-type')).toBe('font/ttf');
  });

  it('answers refusals without the file and still with the CSP', async () => {
    const refused = await respondToAppRequest(root, new Request('scorecal://app/assets/escape.txt'));
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('outside the app');
    expect(refused.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await respondToAppRequest(root, new Request('scorecal://app/nope.js'))).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await respondToAppRequest(
      root,
      new Request('scorecal://app/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });

  it('is what protocol.handle serves, and file:// is refused outright', async () => {
    const protocol = new FakeProtocol();
    serveAppProtocol(protocol, root);
    refuseFileScheme(protocol);
    const app = await protocol.handlers.get('scorecal')?.(new Request('scorecal://app/index.html'));
    expect(app?.status).toBe(200);
    const file = await protocol.handlers.get('file')?.(new Request('file:///etc/passwd'));
    expect(file?.status).toBe(403);
  });
});
