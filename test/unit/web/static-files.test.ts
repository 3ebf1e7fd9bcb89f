import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf } from '../../../shared/web/content-types';
import {
  lookupStaticFile,
  resolveStaticRoot,
  safeRelativeSegments,
} from '../../../electron/web/static-files';

/** Windows needs a privilege for symlinks; without it the symlink checks cannot be set up. */
function symlinksAreAvailable(): boolean {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecal-symlink-'));
  try {
    fs.symlinkSync(probe, path.join(probe, 'link'));
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}
const symlinks = symlinksAreAvailable();

let base: string;
let root: string;
beforeAll(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecal-static-'));
  const dir = path.join(base, 'renderer');
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(dir, 'assets', 'a b.js'), '');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'PRIVATE');
  if (symlinks) {
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(dir, 'assets', 'escape.txt'));
    fs.symlinkSync(base, path.join(dir, 'assets', 'up'));
    fs.symlinkSync(path.join(dir, 'index.html'), path.join(dir, 'assets', 'inside.html'));
  }
  root = await resolveStaticRoot(dir);
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('static file confinement', () => {
  it.each([
    '/..',
    '/../secret.txt',
    '/assets/../index.html',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/assets/..%2fsecret.txt',
    '/assets%2findex.html',
    '/assets%5cindex.html',
    '/assets\\index.html',
    '/.git/config',
    '/assets//index.html',
    '/index.html%00.png',
    '/C:/Windows/win.ini',
    '/%E0%A4%A',
    'index.html',
  ])('refuses %s before touching the disk', (rawPath) => {
    expect(safeRelativeSegments(rawPath)).toBeUndefined();
  });

  it('decodes ordinary percent-encoding', () => {
    expect(safeRelativeSegments('/assets/a%20b.js')).toEqual(['assets', 'a b.js']);
  });

  it('serves index.html for / and files by path', async () => {
    expect(await lookupStaticFile(root, '/')).toMatchObject({
      kind: 'file',
      contentType: 'text/html; charset=utf-8',
    });
    expect(await lookupStaticFile(root, '/assets/a%20b.js')).toMatchObject({ kind: 'file' });
  });

  it.skipIf(!symlinks)(
    'refuses symlinks that lead out of the folder, but follows those inside it',
    async () => {
      expect(await lookupStaticFile(root, '/assets/escape.txt')).toMatchObject({ kind: 'refused' });
      expect(await lookupStaticFile(root, '/assets/up/secret.txt')).toMatchObject({ kind: 'refused' });
      expect(await lookupStaticFile(root, '/assets/inside.html')).toMatchObject({ kind: 'file' });
    },
  );

  it('reports missing files and folders as missing', async () => {
    expect(await lookupStaticFile(root, '/nope.js')).toEqual({ kind: 'missing' });
    expect(await lookupStaticFile(root, '/assets')).toEqual({ kind: 'missing' });
  });

  it('refuses to start on a folder that does not exist', async () => {
    await expect(resolveStaticRoot(path.join(base, 'missing'))).rejects.toThrow(/build the renderer/);
  });

  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.wasm', 'application/wasm'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['a.exe', 'application/octet-stream'],
  ])('serves %s as %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
  });
});
