import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium';
import { useTempDirs } from '../helpers/temp-dir';
import { projectRoot, startWebHostProcess, type RunningWebHost } from '../helpers/web-host-process';

const artifacts = path.join(projectRoot, 'test-results', 'e2e');
const tempDir = useTempDirs();

describe('browser mode in real Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(projectRoot, 'out', 'renderer', 'index.html'))) {
      throw new Error('The renderer is not built: run `npm run build` first (npm test does).');
    }
    fs.mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads the sample and lists it with its row count, offline and without console errors', async () => {
    const host: RunningWebHost = await startWebHostProcess(path.join(tempDir(), 'workspace.sqlite'));
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const consoleErrors: string[] = [];
    const foreignRequests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => {
      const url = new URL(request.url());
      const local = url.origin === host.origin || url.protocol === 'data:' || url.protocol === 'blob:';
      if (!local) foreignRequests.push(request.url());
    });
    try {
      await page.goto(host.url);
      // The token leaves the address bar once it has been exchanged for the session cookie.
      expect(new URL(page.url()).search).toBe('');
      await expect.poll(() => page.getByRole('heading', { name: 'Datasets' }).isVisible()).toBe(true);
      await page.getByText('No datasets yet').waitFor();
      await page.screenshot({ path: path.join(artifacts, 'datasets-empty.png') });

      await page.getByRole('button', { name: 'Load sample dataset' }).click();
      const row = page.getByRole('row', { name: /Liquidations sample/ });
      await row.waitFor({ timeout: 30_000 });
      await expect.poll(() => row.innerText()).toContain('100,000');
      expect(await row.innerText()).toMatch(/2024-01-0\d – 2025-12-3\d/);
      await expect.poll(() => page.getByText(/Workspace: .*workspace\.sqlite/).isVisible()).toBe(true);
      await page.screenshot({ path: path.join(artifacts, 'datasets-loaded.png') });

      // A reload reads the same workspace: the dataset is really stored, not held by the page.
      await page.reload();
      await page.getByRole('row', { name: /Liquidations sample/ }).waitFor();

      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } finally {
      await page.close();
      await host.stop();
    }
  });
});
