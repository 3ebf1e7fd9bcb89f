import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/use-browser';
import { expectCleanRun } from '../helpers/workbench-session';

describe('browser mode in real Chromium: Diagnose', () => {
  const browser = useBrowser();

  it('diagnoses the sample: charts, metrics, binning, filter, themes, and settings that survive a reload', async () => {
    const session = await browser.openWorkbench({
      viewport: { width: 1440, height: 2200 },
    });
    const { page } = session;
    const metric = (label: RegExp) =>
      page.getByRole('table', { name: 'Calibration metrics' }).getByRole('row', { name: label });
    try {
      await page.getByRole('link', { name: 'Diagnose' }).click();
      await page.getByText('No dataset to diagnose').waitFor();
      await page.getByRole('link', { name: 'Go to Datasets' }).click();
      await page.getByRole('button', { name: 'Load sample dataset' }).click();
      await page.getByRole('row', { name: /Liquidations sample/ }).waitFor({ timeout: 30_000 });
      await page.getByRole('link', { name: 'Diagnose' }).click();

      // Every chart is drawn, with its axis titles and units.
      await expect.poll(() => session.diagramDraws(), { timeout: 30_000 }).toBeGreaterThan(0);
      await expect.poll(() => page.locator('.plot .svg-container').count(), { timeout: 30_000 }).toBe(4);
      const axisTitles = await page
        .locator('.plot .g-xtitle, .plot .g-ytitle, .plot .g-y2title')
        .allTextContents();
      expect(axisTitles).toEqual(
        expect.arrayContaining([
          'Predicted probability (%)',
          'Observed rate (%)',
          'Rows',
          'False positive rate (%)',
          'True positive rate (%)',
          'Period (UTC)',
        ]),
      );
      expect(await metric(/^AUC/).innerText()).toContain('0.8006');
      expect(await metric(/^Rows/).innerText()).toContain('100,000');
      await page
        .getByRole('table', { name: 'Calibration by segment' })
        .getByRole('row', { name: /BTC/ })
        .waitFor();
      expect(await page.getByRole('table', { name: 'Calibration by segment' }).innerText()).toMatch(
        /Red|Yellow|Green/,
      );

      // Quantile binning redraws the diagram with bins of equal counts.
      let draws = await session.diagramDraws();
      await page.getByRole('radio', { name: 'Quantile' }).check();
      await expect.poll(() => session.diagramDraws(), { timeout: 30_000 }).toBeGreaterThan(draws);
      await page.getByText('10 quantile bins', { exact: false }).waitFor();
      draws = await session.diagramDraws();
      await page.getByLabel('Bins').selectOption('20');
      await expect.poll(() => session.diagramDraws(), { timeout: 30_000 }).toBeGreaterThan(draws);
      await page.getByText('20 quantile bins', { exact: false }).waitFor();

      // A segment filter narrows the rows every panel reads.
      await page.getByRole('group', { name: 'Row filter' }).getByText('side', { exact: true }).click();
      await page.getByRole('group', { name: 'Values of side' }).getByLabel('short').uncheck();
      await page.keyboard.press('Escape');
      await expect
        .poll(() => page.locator('.usage-line').innerText(), { timeout: 30_000 })
        .not.toContain('100,000 of');
      const usedWithFilter = await page.locator('.usage-line').innerText();
      await expect.poll(() => page.locator('.panel__body--busy').count(), { timeout: 30_000 }).toBe(0);
      await session.screenshot('diagnose');

      // The settings, the filter and the view survive a reload.
      await page.reload();
      await expect
        .poll(() => page.locator('.usage-line').innerText(), { timeout: 30_000 })
        .toBe(usedWithFilter);
      expect(await page.getByLabel('Quantile').isChecked()).toBe(true);
      expect(await page.getByLabel('Bins').inputValue()).toBe('20');

      // Dark mode follows the OS, charts included.
      draws = await session.diagramDraws();
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(() => session.diagramDraws()).toBeGreaterThan(draws);
      const background = await page
        .locator('.plot .main-svg')
        .first()
        .evaluate((svg) => getComputedStyle(svg).backgroundColor);
      const surface = await page.evaluate(() =>
        getComputedStyle(document.body).getPropertyValue('--surface').trim(),
      );
      expect(surface).toBe('#1a1e25');
      expect(background).toBe('rgb(26, 30, 37)');
      await expect.poll(() => page.locator('.panel__body--busy').count(), { timeout: 30_000 }).toBe(0);
      await session.screenshot('diagnose-dark');

      // Bootstrap intervals run with progress and stop on Cancel.
      await page.getByRole('button', { name: 'Bootstrap intervals (B = 200)' }).click();
      await page.getByRole('status').filter({ hasText: 'Bootstrap' }).waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Bootstrap intervals (B = 200)' }).waitFor();
      expectCleanRun(session);
    } finally {
      await session.close();
    }
  });
});
