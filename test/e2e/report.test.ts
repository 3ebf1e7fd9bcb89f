import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalibrateInput } from '../../shared/api/calls/calibration-calls';
import { launchChromium } from '../helpers/chromium';
import { sampleEngine, type SampleEngine } from '../helpers/sample-engine';
import { useTempDirs } from '../helpers/temp-dir';
import { projectRoot } from '../helpers/web-host-process';

const tempDir = useTempDirs();
const SCREENSHOTS = path.join(projectRoot, 'test-results', 'e2e');

describe('HTML report in real Chromium', () => {
  let browser: Browser;
  let sample: SampleEngine;

  beforeAll(async () => {
    browser = await launchChromium();
    sample = await sampleEngine();
    const input: CalibrateInput = {
      dataset: { id: sample.datasetId },
      methods: [
        { method: 'isotonic', options: {} },
        { method: 'beta', options: {} },
      ],
      validation: { scheme: 'time', splitAt: Date.UTC(2025, 0, 1) },
      bootstrap: { resamples: 20, seed: 1 },
    };
    const output = await sample.client.call('calibration.run', input);
    await sample.client.call('models.save', {
      name: 'isotonic 2024',
      run: { input, output },
      method: 'isotonic',
    });
    await sample.client.call('models.save', { name: 'beta 2024', run: { input, output }, method: 'beta' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    sample?.close();
  });

  async function open(file: string, screenshot: string) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    const url = pathToFileURL(file).href;
    await page.goto(url);
    await page.waitForLoadState('load');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${screenshot}.png`), fullPage: true });
    return { page, requests: requests.filter((r) => r !== url), consoleErrors };
  }

  it('opens from disk with no network request, its charts drawn and no console error', async () => {
    const file = path.join(tempDir(), 'report.html');
    await sample.client.call('models.report', {
      sources: [{ model: { name: 'isotonic 2024' } }],
      path: file,
    });
    const { page, requests, consoleErrors } = await open(file, 'report');
    try {
      expect(requests).toEqual([]);
      expect(consoleErrors).toEqual([]);
      for (const chart of ['reliability', 'histogram', 'roc']) {
        const svg = page.locator(`svg[data-chart=${chart}]`);
        await expect.poll(() => svg.count()).toBe(1);
        const box = await svg.boundingBox();
        expect(box!.width).toBeGreaterThan(300);
      }
      // The reliability diagram has its points, the CI band and the diagonal.
      expect(await page.locator('svg[data-chart=reliability] circle').count()).toBeGreaterThan(5);
      expect(await page.locator('svg[data-chart=reliability] polygon.ci-band').count()).toBe(1);
      expect(await page.locator('svg[data-chart=histogram] rect.bar').count()).toBeGreaterThan(3);
      await page.getByRole('heading', { name: 'Over time (by month)' }).waitFor();
      await page.getByRole('heading', { name: 'By asset' }).waitFor();
      expect(await page.locator('table.groups').last().innerText()).toMatch(/2025-0[1-9]/);
      expect(await page.locator('table.provenance').innerText()).toMatch(/Source SHA-256\s+[0-9a-f]{64}/);
    } finally {
      await page.close();
    }
  });

  it('draws a comparison of two models', async () => {
    const file = path.join(tempDir(), 'comparison.html');
    await sample.client.call('models.report', {
      sources: [{ model: { name: 'isotonic 2024' } }, { model: { name: 'beta 2024' } }],
      path: file,
    });
    const { page, requests, consoleErrors } = await open(file, 'report-comparison');
    try {
      expect(requests).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(await page.locator('svg[data-chart=reliability]').count()).toBe(3);
      expect(await page.locator('#comparison table tbody tr').count()).toBe(2);
    } finally {
      await page.close();
    }
  });
});
