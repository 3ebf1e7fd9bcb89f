import fs from 'node:fs';
import path from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { projectRoot, startWebHostProcess, type RunningWebHost } from './web-host-process';

export const e2eArtifacts = path.join(projectRoot, 'test-results', 'e2e');
export const e2eFixtures = path.join(projectRoot, 'test', 'fixtures', 'e2e');

export interface WorkbenchSession {
  page: Page;
  host: RunningWebHost;
  /** Console errors and uncaught exceptions so far (minus the failed calls a test expects). */
  consoleErrors: string[];
  /** Requests to anything but the host itself (data: and blob: URLs are the page's own). */
  foreignRequests: string[];
  /**
   * Chromium logs every non-2xx answer as a console error. A test that provokes an engine error
   * on purpose (a refused import) names the call here; nothing else is excused.
   */
  expectFailedCall(callName: string): void;
  /** Saves `test-results/e2e/<name>.png`; `fullPage` captures the whole scrolled view. */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<void>;
  /** Datasets → Load sample dataset, waiting until the sample is listed. */
  loadSample(): Promise<void>;
  /** Resolves once no panel shows its busy state (every chart and table is up to date). */
  settled(timeout?: number): Promise<void>;
  /** The number of times the reliability diagram has been drawn (its performance mark). */
  diagramDraws(): Promise<number>;
  close(): Promise<void>;
}

/** Fails unless the renderer had a clean run: no console error, no request off the machine. */
export function expectCleanRun(session: WorkbenchSession): void {
  if (session.consoleErrors.length > 0) {
    throw new Error(`The page logged errors:\n${session.consoleErrors.join('\n')}`);
  }
  if (session.foreignRequests.length > 0) {
    throw new Error(`The page made requests to other hosts:\n${session.foreignRequests.join('\n')}`);
  }
}

/** Starts `scorecal web` on its own workspace and opens the workbench in a new page. */
export async function openWorkbench(
  browser: Browser,
  workspace: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<WorkbenchSession> {
  const host = await startWebHostProcess(workspace);
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1440, height: 900 } });
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const expectedFailures = new Set<string>();
  const excused = (message: ConsoleMessage) => {
    const url = message.location().url;
    return (
      message.text().startsWith('Failed to load resource') &&
      [...expectedFailures].some((name) => url === `${host.origin}/api/call/${name}`)
    );
  };
  page.on('console', (message) => {
    if (message.type() === 'error' && !excused(message))
      consoleErrors.push(`${message.text()} [${message.location().url}]`);
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    const local = url.origin === host.origin || url.protocol === 'data:' || url.protocol === 'blob:';
    if (!local) foreignRequests.push(request.url());
  });
  fs.mkdirSync(e2eArtifacts, { recursive: true });
  await page.goto(host.url);
  return {
    page,
    host,
    consoleErrors,
    foreignRequests,
    expectFailedCall: (name) => expectedFailures.add(name),
    screenshot: async (name, screenshotOptions = {}) => {
      if (screenshotOptions.fullPage) {
        // The view scrolls inside the app's content area, not the page: capture that area whole.
        const content = page.locator('#content');
        const height = await content.evaluate((element) => element.scrollHeight);
        const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
        await page.setViewportSize({ width: viewport.width, height: Math.min(height + 40, 6000) });
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(e2eArtifacts, `${name}.png`) });
        await page.setViewportSize(viewport);
        return;
      }
      await page.screenshot({ path: path.join(e2eArtifacts, `${name}.png`) });
    },
    loadSample: async () => {
      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Datasets' }).click();
      await page.getByRole('button', { name: 'Load sample dataset' }).click();
      await page.getByRole('row', { name: /Liquidations sample/ }).waitFor({ timeout: 30_000 });
    },
    settled: async (timeout = 30_000) => {
      await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, null, {
        timeout,
      });
    },
    diagramDraws: () => page.evaluate(() => performance.getEntriesByName('diagram-drawn').length),
    close: async () => {
      await page.close();
      await host.stop();
    },
  };
}
