import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/engine/param-file/atomic-file';
import { verifyParamFile } from '../../../electron/engine/param-file/param-file-io';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const FIXTURE = path.join(
  __dirname,
  '..',
  '..',
  'fixtures',
  'param-file',
  'documents',
  'venn-abers-logit.json',
);
const MODULE = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  'electron',
  'engine',
  'param-file',
  'atomic-file.ts',
);

/** A process killed (SIGKILL: no cleanup, like a power cut for the file's content) part way through a write. */
function killedWhileWriting(target: string, text: string, at: 'afterChunk' | 'beforeRename') {
  const script = `
    require('tsx/cjs');
    const { writeFileAtomic } = require(${JSON.stringify(MODULE)});
    const text = require('node:fs').readFileSync(0, 'utf8');
    writeFileAtomic(${JSON.stringify(target)}, text, { ${at}: () => process.kill(process.pid, 'SIGKILL') });
  `;
  return spawnSync(process.execPath, ['-e', script], { input: text, encoding: 'utf8', timeout: 30_000 });
}

describe('atomic parameter file writes', () => {
  it('a crash in the middle of writing leaves the previous file intact', () => {
    const dir = tempDir();
    const target = path.join(dir, 'params.json');
    const previous = fs.readFileSync(FIXTURE, 'utf8');
    fs.writeFileSync(target, previous);
    const replacement = previous.replace('"createdAt": "', '"createdAt": "X').repeat(3);
    const child = killedWhileWriting(target, replacement, 'afterChunk');
    expect(child.signal).toBe('SIGKILL');
    expect(fs.readFileSync(target, 'utf8')).toBe(previous);
    expect(verifyParamFile(target).ok).toBe(true);
    // What the crash left behind is only a hidden temporary file, never the target half-written.
    const leftovers = fs.readdirSync(dir).filter((name) => name !== 'params.json');
    expect(leftovers.every((name) => name.startsWith('.params.json.') && name.endsWith('.tmp'))).toBe(true);
    expect(fs.statSync(path.join(dir, leftovers[0]!)).size).toBeLessThan(replacement.length);
  });

  it('a crash after writing but before the rename leaves no file where there was none', () => {
    const dir = tempDir();
    const target = path.join(dir, 'new.json');
    const child = killedWhileWriting(target, fs.readFileSync(FIXTURE, 'utf8'), 'beforeRename');
    expect(child.signal).toBe('SIGKILL');
    expect(fs.existsSync(target)).toBe(false);
  });

  it('a failed write removes its temporary file and keeps the old one', () => {
    const dir = tempDir();
    const target = path.join(dir, 'params.json');
    fs.writeFileSync(target, 'old');
    expect(() =>
      writeFileAtomic(target, 'x'.repeat(200_000), {
        afterChunk: (bytes) => {
          if (bytes > 70_000) throw new Error('disk full');
        },
      }),
    ).toThrow('disk full');
    expect(fs.readdirSync(dir)).toEqual(['params.json']);
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
  });

  it('replaces the file completely when the write succeeds', () => {
    const dir = tempDir();
    const target = path.join(dir, 'params.json');
    fs.writeFileSync(target, 'old content that is longer than the new one');
    writeFileAtomic(target, 'new');
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['params.json']);
  });
});
