import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScript, loadTrustedScript } from '../helpers/compile-script';
import {
  runInSandbox,
  sandboxHostBundle,
  tinyScriptData,
  type HarnessOutcome,
} from '../helpers/sandbox-harness';
import { useBrowser } from '../helpers/use-browser';
import type { WorkbenchSession } from '../helpers/workbench-session';
import { decodeScriptData } from '../../shared/scripting/decoded-script-data';
import { fitScript } from '../../shared/scripting/fit-script';

/**
 * The script sandbox against hostile scripts (docs/security.md, "Script sandbox"). Every attempt
 * runs inside the real sandbox host, page and worker runtime of the built renderer, served by the
 * real browser-mode host. A listener on another loopback port records any request that gets out;
 * attempts on the app's own host are checked through its API answers and the page's request log.
 */

const browser = useBrowser();
let bundle = '';
let listener: http.Server;
let listenerUrl = '';
const leaks: string[] = [];

beforeAll(async () => {
  bundle = await sandboxHostBundle();
  listener = http.createServer((request, response) => {
    leaks.push(`${request.method} ${request.url}`);
    response.end('leaked');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => listener.close(() => resolve()));
});

/** A script whose score first tries `attempt` (JavaScript statements) and reports what happened by throwing. */
function probe(attempt: string): string {
  return `"use strict";
exports.default = defineScript({
  params: { a: { init: 0 } },
  score(row, p) {
    let verdict;
    try {
      ${attempt}
      verdict = 'ESCAPED';
    } catch (error) {
      verdict = 'blocked: ' + (error && error.name);
    }
    throw new Error(verdict);
  },
});
`;
}

async function run(
  session: WorkbenchSession,
  javascript: string,
  stallTimeoutMs?: number,
): Promise<HarnessOutcome> {
  return runInSandbox(session.page, bundle, {
    javascript,
    data: tinyScriptData(),
    ...(stallTimeoutMs ? { stallTimeoutMs } : {}),
  });
}

function failureMessage(outcome: HarnessOutcome): string {
  if (outcome.ok) throw new Error('the hostile script was expected to fail');
  return outcome.message;
}

describe('script sandbox', () => {
  it('fits a script and returns the same numbers as the engine-side code', async () => {
    const session = await browser.openWorkbench();
    const { javascript, sourceMap } = compileScript(`export default defineScript({
  params: { a: { init: 0 }, b: { init: 1, lower: -10, upper: 10 } },
  score(row, p) {
    return stats.logistic(p.a + p.b * row.x);
  },
});
`);
    const data = tinyScriptData();
    const outcome = await runInSandbox(session.page, bundle, { javascript, sourceMap, data });
    expect(outcome.ok ? 'ok' : outcome.message).toBe('ok');
    if (!outcome.ok) return;
    const reference = fitScript(loadTrustedScript(javascript), decodeScriptData(data));
    expect(outcome.report.converged).toBe(true);
    for (const [j, param] of outcome.report.params.entries()) {
      // Chromium's V8 and Node's may differ in the last bits of Math.exp; the numerical Hessian
      // behind a standard error magnifies that, and the optimiser's path follows it within its tolerance: relative 1e-5.
      const expected = reference.report.params[j]!;
      expect(Math.abs(param.value - expected.value)).toBeLessThan(
        1e-5 * Math.max(1, Math.abs(expected.value)),
      );
      expect(Math.abs(param.standardError! - expected.standardError!)).toBeLessThan(
        1e-5 * expected.standardError!,
      );
    }
    expect(outcome.testScores).toHaveLength(data.rows.test);
    expect(outcome.testScores[0]).toBeCloseTo(reference.testScores[0]!, 7);
    await session.close();
  });

  it('refuses the known escapes: eval, Function constructor chains, require, import(), importScripts', async () => {
    const session = await browser.openWorkbench();
    const attempts: Record<string, string> = {
      eval: `eval('1 + 1');`,
      'indirect eval': `(0, eval)('1 + 1');`,
      'Function constructor': `Function('return this')();`,
      'constructor chain to Function': `({}).constructor.constructor('return globalThis')();`,
      'constructor chain to process': `({}).constructor.constructor('return process')().exit(1);`,
      'async function constructor': `(async function () {}).constructor('return 1');`,
      'setTimeout with a string': `if (typeof setTimeout('1') === 'number') throw new EvalError('string timers are eval');`,
      require: `require('node:fs').readFileSync('/etc/passwd');`,
      process: `process.env.HOME.length;`,
      importScripts: `importScripts('${'LISTENER'}/importScripts');`,
      'the DOM': `document.cookie.length;`,
      'the parent window': `parent.postMessage('hello', '*');`,
      'the top window': `top.location.href = 'about:blank';`,
      'IndexedDB of the app': `indexedDB.open('scorecal');`,
      'synchronous XMLHttpRequest': `const x = new XMLHttpRequest(); x.open('GET', 'LISTENER/xhr', false); x.send();`,
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      const outcome = await run(session, probe(attempt.replace('LISTENER', listenerUrl)));
      const message = failureMessage(outcome);
      expect(message, name).toMatch(/blocked: /);
      expect(message, name).not.toContain('ESCAPED');
    }
    expect(leaks).toEqual([]);
    await session.close();
  });

  it('lets no request out: fetch, dynamic import, WebSocket, EventSource, nested workers, the app API', async () => {
    const session = await browser.openWorkbench();
    const failed = new Map<string, string>();
    session.page.on('requestfailed', (request) =>
      failed.set(request.url(), request.failure()?.errorText ?? ''),
    );
    // The app's own API on the same loopback host: one connect-src 'none' governs every host, so
    // the listener (same interface, another port) stands witness for it too.
    const appApi = `${session.host.origin}/api/call/datasets.list`;
    const attempts = [
      `fetch('${listenerUrl}/fetch').catch(() => {});`,
      `fetch('${appApi}', { method: 'POST', credentials: 'include', body: '{}' }).catch(() => {});`,
      `fetch('${listenerUrl}/api/call/datasets.list', { method: 'POST', body: '{}' }).catch(() => {});`,
      `import('${listenerUrl}/import.js').catch(() => {});`,
      `const ws = new WebSocket('${listenerUrl.replace('http', 'ws')}/ws'); ws.onerror = () => {};`,
      `new EventSource('${listenerUrl}/sse');`,
      `navigator.sendBeacon && navigator.sendBeacon('${listenerUrl}/beacon', 'x');`,
      `const inner = "fetch('${listenerUrl}/nested').catch(() => {})";
       new Worker(URL.createObjectURL(new Blob([inner], { type: 'text/javascript' })));`,
    ];
    for (const attempt of attempts) {
      // Each fires its request, then the score fails so the run ends; the request must never arrive.
      const outcome = await run(session, probe(attempt));
      expect(outcome.ok).toBe(false);
    }
    await session.page.waitForTimeout(1500);
    expect(leaks).toEqual([]);
    // Chromium's request log is no witness here: it announces some attempts (import(), EventSource)
    // before the policy check stops them, and reports them as blocked or aborted depending on timing.
    // The listener is the witness: a request that got out would have arrived.
    await session.close();
  });

  it('keeps prototype pollution and forged messages inside the sandbox', async () => {
    const session = await browser.openWorkbench();
    // Polluting while the run is under way: the runtime builds the report in a polluted realm.
    const polluting = `"use strict";
let polluted = false;
exports.default = defineScript({
  params: { a: { init: 0 } },
  score(row, p) {
    if (!polluted) {
      polluted = true;
      Object.prototype.polluted = 'yes';
      Array.prototype.extra = 'yes';
      Object.defineProperty(Object.prototype, 'toJSON', { value: () => 'hijacked', configurable: true });
    }
    return stats.logistic(p.a + row.x);
  },
});
`;
    const outcome = await run(session, polluting);
    expect(outcome.ok ? 'ok' : outcome.message).toBe('ok');
    if (outcome.ok) {
      expect(Object.keys(outcome.report.params[0]!)).toEqual([
        'name',
        'init',
        'lower',
        'upper',
        'value',
        'standardError',
      ]);
      expect(JSON.stringify(outcome.report)).not.toContain('hijacked');
      expect(JSON.stringify(outcome.report)).not.toContain('polluted');
    }
    // Polluting before the definition is read breaks only the script's own run.
    const early = await run(
      session,
      `"use strict";
Object.prototype.polluted = 'yes';
exports.default = defineScript({ params: { a: { init: 0 } }, score(row, p) { return 0.5; } });`,
    );
    expect(early).toMatchObject({ ok: false, kind: 'definition' });
    const hostPolluted = await session.page.evaluate(() => ({
      object: ({} as Record<string, unknown>).polluted ?? null,
      array: ([] as unknown as Record<string, unknown>).extra ?? null,
      json: JSON.stringify({ a: 1 }),
    }));
    expect(hostPolluted).toEqual({ object: null, array: null, json: '{"a":1}' });

    const forged = `"use strict";
postMessage({ type: 'done', runId: 'forged', report: { toString: null }, testScores: [], scenario: null, transfer: [] });
exports.default = defineScript({ params: { a: { init: 0 } }, score() { while (true) {} } });
`;
    const forgedOutcome = await run(session, forged, 4000);
    expect(forgedOutcome).toMatchObject({ ok: false, kind: 'protocol' });

    const reservedName = `"use strict";
exports.default = defineScript({ params: { ['__proto__']: { init: 0 } }, score() { return 0.5; } });`;
    const reserved = await run(session, reservedName);
    expect(reserved.ok).toBe(false);
    await session.close();
  });

  it('stops an endless loop at the deadline and stays usable', async () => {
    const session = await browser.openWorkbench();
    const looping = `"use strict";
exports.default = defineScript({ params: { a: { init: 0 } }, score() { for (;;) {} } });`;
    const started = Date.now();
    const pending = run(session, looping, 3000);
    // The page answers while the script loops in its worker.
    await session.page.waitForTimeout(500);
    expect(await session.page.evaluate(() => 6 * 7)).toBe(42);
    const outcome = await pending;
    expect(outcome).toMatchObject({ ok: false, kind: 'timeout' });
    expect(failureMessage(outcome)).toMatch(/no progress for 3 s/);
    expect(Date.now() - started).toBeLessThan(15_000);
    const after = await run(
      session,
      `"use strict"; exports.default = defineScript({ params: { a: { init: 0 } }, score(r, p) { return stats.logistic(p.a); } });`,
    );
    expect(after.ok).toBe(true);
    await session.close();
  });

  it('contains a memory bomb: the sandbox process dies, the workbench carries on', async () => {
    const session = await browser.openWorkbench();
    // Playwright declares the whole page crashed when any of its frames' processes dies, so this
    // test talks to the page over its own DevTools session, which keeps working.
    const cdp = await session.page.context().newCDPSession(session.page);
    const evaluate = async (expression: string): Promise<unknown> => {
      const answer = (await cdp.send('Runtime.evaluate', {
        expression,
        awaitPromise: true,
        returnByValue: true,
      })) as {
        result: { value?: unknown };
        exceptionDetails?: { text: string };
      };
      if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.text);
      return answer.result.value;
    };
    await runInSandbox(session.page, bundle, { javascript: 'exports.default = 1;', data: tinyScriptData() });
    const bomb = `"use strict";
exports.default = defineScript({ params: { a: { init: 0 } }, score() { const hoard = []; for (;;) hoard.push({ a: Math.random(), b: [1, 2, 3] }); } });`;
    const request = JSON.stringify({
      javascript: bomb,
      sourceMap: null,
      data: tinyScriptData(),
      stallTimeoutMs: 20_000,
    });
    const outcome = (await evaluate(
      `__sandboxHarness.run(${request}).then((o) => ({ ok: o.ok, kind: o.kind, message: o.message }))`,
    )) as {
      ok: boolean;
      kind: string;
      message: string;
    };
    expect(outcome.ok).toBe(false);
    // Usually the sandbox's process is gone by the deadline ('memory'); on a machine with a very
    // large heap limit the deadline may come first ('timeout'). Either way the worker is ended.
    expect(['memory', 'timeout']).toContain(outcome.kind);
    expect(await evaluate('document.querySelectorAll("iframe").length')).toBe(0);
    expect(await evaluate('document.title')).toMatch(/Scorecal/);
    const after = (await evaluate(
      `__sandboxHarness.run(${JSON.stringify({ javascript: '"use strict"; exports.default = defineScript({ params: { a: { init: 0 } }, score(r, p) { return stats.logistic(p.a); } });', sourceMap: null, data: tinyScriptData() })}).then((o) => o.ok)`,
    )) as boolean;
    expect(after).toBe(true);
    await cdp.detach();
    await session.host.stop();
  }, 120_000);

  it('shows where a thrown error and a bad probability come from, in the TypeScript source', async () => {
    const session = await browser.openWorkbench();
    const source = `// line 1
interface Unused { a: number }
export default defineScript({
  params: { a: { init: 0 } },
  score(row, p) {
    if (row.x > 1) {
      throw new RangeError('x too large: ' + row.x);
    }
    return stats.logistic(p.a * row.x);
  },
});
`;
    const { javascript, sourceMap } = compileScript(source);
    const outcome = await runInSandbox(session.page, bundle, {
      javascript,
      sourceMap,
      data: tinyScriptData(),
    });
    expect(outcome).toMatchObject({ ok: false, kind: 'runtime', location: { line: 7, column: 13 } });
    expect(failureMessage(outcome)).toContain('RangeError: x too large');

    const notProbability = compileScript(`export default defineScript({
  params: { a: { init: 0 } },
  score(row, p) { return 1 + row.x * 0 + p.a + 0.5; },
});`);
    const bad = await runInSandbox(session.page, bundle, { ...notProbability, data: tinyScriptData() });
    expect(bad).toMatchObject({ ok: false, kind: 'runtime' });
    expect(failureMessage(bad)).toMatch(/score returned 1\.5 for row 1 with the starting parameters/);

    const syntax = await run(
      session,
      `"use strict";\nexports.default = defineScript({ params: { a: { init: 0 } }, score( { } });`,
    );
    expect(syntax).toMatchObject({ ok: false, kind: 'definition', location: { line: 2 } });

    const noDefault = await run(session, `"use strict";\nconst forgotten = 1;`);
    expect(failureMessage(noDefault)).toMatch(/export default defineScript/);
    await session.close();
  });
});
