import { Command, CommanderError } from 'commander';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliFailure } from '../../../electron/cli/cli-failure';
import { EXIT_USAGE, type CliIo } from '../../../electron/cli/cli-io';
import { registerSampleCommand } from '../../../electron/cli/commands/sample-command';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

interface Captured {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
}

function captureIo(stderrIsTty: boolean, env: NodeJS.ProcessEnv = {}): Captured {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), stderrIsTty, env },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

/** The command inside a program configured like the real CLI's: errors are thrown, not exits. */
async function runSample(args: string[], captured: Captured): Promise<void> {
  const program = new Command('scorecal').exitOverride().configureOutput({
    writeOut: captured.io.stdout,
    writeErr: captured.io.stderr,
  });
  registerSampleCommand(program, captured.io);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: captured.io.stdout, writeErr: captured.io.stderr });
  }
  await program.parseAsync(['sample', ...args], { from: 'user' });
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('scorecal sample', () => {
  it('writes the file and prints one line with rows, bytes, seconds and SHA-256', async () => {
    const out = path.join(tempDir(), 'small.csv.gz');
    const captured = captureIo(false);
    await runSample(['--rows', '2_000', '--seed', '5', '--out', out], captured);
    const line = captured.stdout();
    expect(line.split('\n')).toHaveLength(2);
    expect(line).toContain('Wrote 2,000 rows');
    expect(line).toContain(`(${fs.statSync(out).size.toLocaleString('en-US')} bytes)`);
    expect(line).toMatch(/ in \d+\.\d s, /);
    expect(line).toContain(`SHA-256 ${sha256(out)}`);
    expect(captured.stderr()).toBe('');
  });

  it('draws a one-line progress with rate and ETA on a terminal, and clears it', async () => {
    const captured = captureIo(true);
    await runSample(['--rows', '60000', '--out', path.join(tempDir(), 'tty.csv')], captured);
    const progress = captured.stderr();
    expect(progress).toContain('\r50,000 / 60,000 rows  83.3 %');
    expect(progress).toMatch(/rows\/s {2}ETA \d+ s/);
    expect(progress.endsWith('\r\x1b[K')).toBe(true);
    expect(progress).not.toContain('\n');
  });

  it('prints JSON with --json', async () => {
    const out = path.join(tempDir(), 'json.csv');
    const captured = captureIo(false);
    await runSample(['--rows', '1000', '--seed', '-3', '--out', out, '--json'], captured);
    const result = JSON.parse(captured.stdout());
    expect(result).toEqual({
      out,
      rows: 1000,
      seed: -3,
      bytes: fs.statSync(out).size,
      seconds: expect.any(Number),
      sha256: sha256(out),
    });
  });

  it('defaults to the bundled sample: 100,000 rows with seed 42', async () => {
    const out = path.join(tempDir(), 'default.csv');
    const captured = captureIo(false);
    await runSample(['--out', out, '--json'], captured);
    expect(JSON.parse(captured.stdout())).toMatchObject({ rows: 100_000, seed: 42 });
    // The decompressed bundled sample's SHA-256, as stated in resources/samples/README.md.
    expect(sha256(out)).toBe('1b5b63c48c210e0ff3dfab3ff82a863e27f006b8ff726062a8238761a347e4d6');
  });

  it.each([
    [['--rows', '0'], /--rows must be a whole number from 1/],
    [['--rows', '1.5'], /--rows must be a whole number/],
    [['--rows', 'many'], /--rows must be a whole number/],
    [['--rows', '2000000000'], /--rows must be a whole number from 1 to 1,000,000,000/],
    [['--seed', 'abc'], /--seed must be a whole number/],
    [['--seed', '1e3'], /--seed must be a whole number/],
    [['--seed', '9007199254740993'], /--seed must be a whole number/],
  ])('refuses %j as a usage error and writes nothing', async (args, message) => {
    const dir = tempDir();
    const run = runSample([...args, '--out', path.join(dir, 'x.csv')], captureIo(false));
    await expect(run).rejects.toThrow(message);
    await expect(run).rejects.toMatchObject({ exitCode: EXIT_USAGE });
    await expect(run).rejects.toBeInstanceOf(CliFailure);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('requires --out', async () => {
    const captured = captureIo(false);
    const run = runSample(['--rows', '10'], captured);
    await expect(run).rejects.toBeInstanceOf(CommanderError);
    expect(captured.stderr()).toContain("required option '--out <file>' not specified");
  });

  it('reports an unwritable destination as a one-line failure', async () => {
    const out = path.join(tempDir(), 'no-such-folder', 'x.csv');
    const run = runSample(['--rows', '10', '--out', out], captureIo(false));
    await expect(run).rejects.toBeInstanceOf(CliFailure);
    await expect(run).rejects.toThrow(/Could not write the sample to .*no-such-folder/);
  });

  it('resolves a relative --out against the folder `npm run sample` was started from', async () => {
    const userDir = tempDir();
    const captured = captureIo(false, { npm_lifecycle_event: 'sample', INIT_CWD: userDir });
    await runSample(['--rows', '10', '--out', 'relative.csv'], captured);
    expect(fs.readdirSync(userDir)).toEqual(['relative.csv']);
  });
});
