import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { encodeBinaryArray } from '../../shared/scripting/binary-array';
import type { ScriptData } from '../../shared/scripting/script-data';
import type { SandboxOutcome } from '../../renderer/src/sandbox/sandbox-types';
import { projectRoot } from './web-host-process';

/**
 * The renderer's real sandbox host (run-script-in-sandbox.ts) bundled for a test page, pointing at
 * the worker runtime the renderer build produced, so tests drive exactly what ships without going
 * through the editor. Page evaluation is not bound by the page's CSP, which is how it gets in.
 */
export async function sandboxHostBundle(): Promise<string> {
  const assets = path.join(projectRoot, 'out', 'renderer', 'assets');
  const runtime = fs.readdirSync(assets).find((name) => /^sandbox-worker-.*\.js$/.test(name));
  if (!runtime)
    throw new Error('The sandbox runtime is not built: run `npm run build` first (npm test does).');
  const result = await build({
    stdin: {
      contents: `import { runScriptInSandbox } from './renderer/src/sandbox/run-script-in-sandbox';
        globalThis.__sandboxHarness = { run: runScriptInSandbox };`,
      resolveDir: projectRoot,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    plugins: [
      {
        name: 'built-sandbox-runtime',
        setup(builder) {
          builder.onResolve({ filter: /\?worker&url$/ }, () => ({
            path: 'runtime',
            namespace: 'runtime-url',
          }));
          builder.onLoad({ filter: /.*/, namespace: 'runtime-url' }, () => ({
            contents: `export default ${JSON.stringify(`./assets/${runtime}`)};`,
            loader: 'js',
          }));
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

/** Small ScriptData: n rows of one number column `x` and an outcome, the last third test rows. */
export function tinyScriptData(n = 300): ScriptData {
  const x = Float64Array.from({ length: n }, (_, i) => (i % 50) / 10 - 2.5);
  const outcome = Uint8Array.from({ length: n }, (_, i) =>
    (((Math.sin(i * 12.9898) * 43758.5453) % 1) + 1) % 1 < 1 / (1 + Math.exp(-(0.5 + 1.5 * x[i]!))) ? 1 : 0,
  );
  const isTest = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 2 ? 1 : 0));
  const test = isTest.reduce((s, v) => s + v, 0);
  return {
    datasetId: 1,
    datasetName: 'tiny',
    outcomeColumn: 'y',
    weightColumn: null,
    scoreColumn: null,
    validation: { scheme: 'holdout', testFraction: 1 / 3, seed: 1 },
    rows: { inDataset: n, afterFilter: n, missing: 0, used: n, train: n - test, test },
    columns: [{ name: 'x', kind: 'number', values: encodeBinaryArray(x), dictionary: null }],
    outcome: encodeBinaryArray(outcome),
    weight: null,
    isTest: encodeBinaryArray(isTest),
  };
}

/** What a test reads back from a sandbox run: Float64Arrays as plain arrays. */
export type HarnessOutcome =
  | {
      ok: true;
      report: Extract<SandboxOutcome, { ok: true }>['report'];
      testScores: number[];
      scenario: boolean;
    }
  | Extract<SandboxOutcome, { ok: false }>;

export interface HarnessRun {
  javascript: string;
  sourceMap?: string | null;
  data: ScriptData;
  stallTimeoutMs?: number;
}

/** Runs a script through the real sandbox host inside `page` (which must be on the app's origin). */
export async function runInSandbox(page: Page, bundle: string, run: HarnessRun): Promise<HarnessOutcome> {
  // Zod decides at schema construction whether to compile parsers with `new Function`, probing
  // for eval; page evaluation is not bound by the CSP, so the probe would pass and the parsers
  // later fail under it. The app's own bundle probes under the CSP and never compiles.
  await page.evaluate(() => {
    const holder = globalThis as unknown as { __zod_globalConfig?: Record<string, unknown> };
    holder.__zod_globalConfig = Object.assign(holder.__zod_globalConfig ?? {}, { jitless: true });
  });
  await page.evaluate(bundle);
  return page.evaluate(async (request) => {
    const harness = (
      globalThis as unknown as { __sandboxHarness: { run: (r: unknown) => Promise<SandboxOutcome> } }
    ).__sandboxHarness;
    const outcome = await harness.run({ ...request, sourceMap: request.sourceMap ?? null });
    if (!outcome.ok) return outcome;
    return {
      ok: true as const,
      report: outcome.report,
      testScores: Array.from(outcome.testScores),
      scenario: outcome.scenario !== null,
    };
  }, run);
}
