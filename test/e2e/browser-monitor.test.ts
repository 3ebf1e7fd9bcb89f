import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/use-browser';
import { expectCleanRun } from '../helpers/workbench-session';

describe('browser mode in real Chromium: Monitor', () => {
  const browser = useBrowser();

  it('shows drift with red stressed months, walk-forward where refitting wins, regimes and per-segment maps', async () => {
    const session = await browser.openWorkbench({
      viewport: { width: 1440, height: 1000 },
    });
    const { page } = session;
    try {
      await page.getByRole('link', { name: 'Monitor' }).click();
      await page.getByText('No dataset to monitor').waitFor();
      await session.loadSample();
      await page.getByRole('link', { name: 'Monitor' }).click();

      // Drift: the stressed months of the sample are red, with the reasons in words.
      const alerts = page.getByRole('table', { name: 'Drift alerts' });
      await alerts.waitFor({ timeout: 30_000 });
      for (const month of ['2024-08', '2025-03', '2025-10']) {
        const row = alerts.locator(`tr[data-period="${month}"]`);
        await row.waitFor();
        expect(await row.innerText()).toContain('Red');
      }
      expect(await alerts.innerText()).toMatch(/outside 1 ± 0\.2/);

      // Walk-forward: per-period chart and pooled numbers where refitting beats never refitting.
      const pooled = page.getByRole('table', { name: 'Walk-forward pooled metrics' });
      await pooled.waitFor({ timeout: 30_000 });
      const pooledLogLoss = async (strategy: string) =>
        Number(await pooled.locator(`tr[data-strategy="${strategy}"] td[data-metric="logLoss"]`).innerText());
      expect(await pooledLogLoss('refit')).toBeLessThan(await pooledLogLoss('static'));
      expect(await pooled.locator('tr.is-best').getAttribute('data-strategy')).toBe('refit');
      await page.getByRole('table', { name: 'Walk-forward periods' }).locator('tbody tr').first().waitFor();

      // Regimes: quintiles of realized volatility, each with its light.
      const regimes = page.getByRole('table', { name: 'Calibration by regime' });
      await expect.poll(() => regimes.locator('tbody tr').count(), { timeout: 30_000 }).toBe(5);
      expect(await regimes.locator('thead').textContent()).toContain('realized_vol');
      // The score is blind to the regime: the most volatile fifth is under-predicted (red).
      expect(await regimes.locator('tbody tr').last().innerText()).toContain('Red');

      // Segments: PEPE gets its own map, and it beats the global one out of sample.
      const segments = page.getByRole('table', { name: 'Segment calibration' });
      const pepe = segments.locator('tr[data-segment="PEPE"]');
      await pepe.waitFor({ timeout: 30_000 });
      expect(await pepe.locator('td').nth(2).textContent()).toBe('Own');
      const globalLogLoss = Number(await pepe.locator('td').nth(10).textContent());
      const segmentedLogLoss = Number(await pepe.locator('td').nth(13).textContent());
      expect(segmentedLogLoss).toBeLessThan(globalLogLoss);

      // Every chart drawn, with axis titles carrying units.
      await expect.poll(() => page.locator('.plot .svg-container').count(), { timeout: 30_000 }).toBe(4);
      const axes = await page.locator('.plot .g-xtitle, .plot .g-ytitle').allTextContents();
      expect(axes).toEqual(
        expect.arrayContaining([
          'Period (UTC)',
          'PSI (unitless)',
          'Test period (UTC)',
          'Log loss (nats per row)',
        ]),
      );
      await session.settled();
      await session.screenshot('monitor', { fullPage: true });

      // Thresholds are settings: a stricter PSI warning is used at once and survives a reload.
      await page.getByLabel('PSI warning').fill('0.05');
      await page
        .getByLabel('Walk-forward settings')
        .getByLabel('Training window', { exact: true })
        .selectOption('rolling');
      await session.settled();
      await page.reload();
      await alerts.waitFor({ timeout: 30_000 });
      expect(await page.getByLabel('PSI warning').inputValue()).toBe('0.05');
      expect(
        await page
          .getByLabel('Walk-forward settings')
          .getByLabel('Training window', { exact: true })
          .inputValue(),
      ).toBe('rolling');

      await page.emulateMedia({ colorScheme: 'dark' });
      await pooled.waitFor({ timeout: 30_000 });
      await session.settled();
      await session.screenshot('monitor-dark', { fullPage: true });

      // Calibrate's walk-forward scheme shows the same layout for its run.
      await page.getByRole('link', { name: 'Calibrate' }).click();
      await page.getByRole('radio', { name: 'Walk-forward' }).check();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await pooled.waitFor({ timeout: 60_000 });
      await session.settled();
      await session.screenshot('calibrate-walk-forward', { fullPage: true });
      expectCleanRun(session);
    } finally {
      await session.close();
    }
  });
});
