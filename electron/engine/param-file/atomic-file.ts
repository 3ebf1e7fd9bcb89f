import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Test hooks: run between the steps of a write, to simulate a crash or a full disk there. */
export interface AtomicWriteHooks {
  afterChunk?: (bytesWritten: number) => void;
  beforeRename?: () => void;
}

export interface AtomicFile {
  write(text: string): void;
  /** fsync, then rename over the target, then fsync the folder: the new file is complete or absent. */
  commit(): void;
  /** Removes the temporary file; the target is left as it was. */
  abort(): void;
}

/**
 * A file written next to its target under a temporary name and renamed over it only when complete
 * and flushed to disk (rename is atomic within a folder on POSIX and NTFS). A crash at any moment
 * leaves either the old file or the new one, never half of either; at worst a stray
 * `.<name>.<pid>.<random>.tmp` remains beside it.
 */
export function openAtomicFile(target: string, hooks: AtomicWriteHooks = {}): AtomicFile {
  const absolute = path.resolve(target);
  const folder = path.dirname(absolute);
  const temp = path.join(
    folder,
    `.${path.basename(absolute)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  let fd: number | null = fs.openSync(temp, 'wx', 0o644);
  let written = 0;
  const cleanUp = () => {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed: nothing to release
      }
      fd = null;
    }
    fs.rmSync(temp, { force: true });
  };
  return {
    write(text) {
      if (fd === null) throw new Error('the file was already committed or aborted');
      const bytes = Buffer.from(text, 'utf8');
      let offset = 0;
      while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
      written += bytes.length;
      hooks.afterChunk?.(written);
    },
    commit() {
      if (fd === null) throw new Error('the file was already committed or aborted');
      try {
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        fd = null;
        hooks.beforeRename?.();
        fs.renameSync(temp, absolute);
      } catch (error) {
        cleanUp();
        throw error;
      }
      syncFolder(folder);
    },
    abort: cleanUp,
  };
}

/** Writes a whole text atomically, in chunks so that hooks can interrupt it part way. */
export function writeFileAtomic(target: string, text: string, hooks: AtomicWriteHooks = {}): void {
  const file = openAtomicFile(target, hooks);
  try {
    const chunk = 1 << 16;
    for (let start = 0; start < text.length; start += chunk) file.write(text.slice(start, start + chunk));
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}

/** Makes the rename itself durable; folders cannot be opened for syncing on Windows, where NTFS journals it. */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  let fd: number | null = null;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder; the rename has still happened.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
