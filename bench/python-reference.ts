import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CANDIDATES = ['/usr/bin/python3', 'python3'];

/**
 * Debian's python3 carries numpy, pandas, scikit-learn and SciPy; another python3 earlier on PATH
 * may not, so each candidate is asked to import them.
 */
export function findReferencePython(): string | null {
  for (const candidate of CANDIDATES) {
    if (candidate.startsWith('/') && !fs.existsSync(candidate)) continue;
    const probe = spawnSync(candidate, ['-c', 'import numpy, pandas, sklearn, scipy'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

/** Runs a Python snippet that prints one JSON object on its last line, and parses it. */
export function runPythonJson<T>(python: string, code: string, args: string[] = []): T {
  const result = spawnSync(python, ['-c', code, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`The Python reference failed:\n${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] as string) as T;
}
