import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { useTempDirs } from './temp-dir';
import { projectRoot } from './web-host-process';
import { openWorkbench, type WorkbenchSession } from './workbench-session';

export interface BrowserTests {
  /** A fresh temporary folder, removed after the test that made it. */
  tempDir(): string;
  /**
   * Starts `scorecal web` on a new workspace (`workspace.sqlite` in `folder`, by default a fresh
   * temporary folder) and opens the workbench in a new page of the shared Chromium.
   */
  openWorkbench(options?: {
    folder?: string;
    viewport?: { width: number; height: number };
  }): Promise<WorkbenchSession>;
}

/**
 * The setup of a file of browser tests: checks that the renderer is built, launches Chromium once
 * for the file (closed after it), and gives every test its own workspace in a temporary folder.
 */
export function useBrowser(): BrowserTests {
  const tempDir = useTempDirs();
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(projectRoot, 'out', 'renderer', 'index.html'))) {
      throw new Error('The renderer is not built: run `npm run build` first (npm test does).');
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    tempDir,
    openWorkbench: ({ folder = tempDir(), viewport } = {}) => {
      if (!browser) throw new Error('Chromium is not running: open the workbench inside a test.');
      return openWorkbench(browser, path.join(folder, 'workspace.sqlite'), viewport ? { viewport } : {});
    },
  };
}
