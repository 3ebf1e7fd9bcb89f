import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScorecal } from '../helpers/run-cli';
import { useBrowser } from '../helpers/use-browser';
import { expectCleanRun } from '../helpers/workbench-session';

const number = (text: string) => Number(text.split('\n')[0]?.trim());

describe('browser mode in real Chromium: Calibrate, Models and Export', () => {
  const browser = useBrowser();

  it('calibrates the sample with three methods, keeps the best, compares, exports the parameter file and the report', async () => {
    const folder = browser.tempDir();
    const session = await browser.openWorkbench({
      folder,
      viewport: { width: 1440, height: 1000 },
    });
    const { page } = session;
    try {
      // Empty states say what to do next.
      await page.getByRole('link', { name: 'Calibrate' }).click();
      await page.getByText('No dataset to calibrate').waitFor();
      await page.getByRole('link', { name: 'Models' }).click();
      await page.getByText('No models kept yet').waitFor();
      await session.screenshot('models-empty');

      await session.loadSample();
      await page.getByRole('link', { name: 'Calibrate' }).click();
      await page.getByText('No results yet').waitFor();

      // Three calibrators, stratified holdout.
      const calibrators = page.getByRole('group', { name: 'Calibrators' });
      for (const name of [
        'Platt',
        'Temperature',
        'Isotonic',
        'Beta',
        'Histogram',
        'Spline',
        'Venn-ABERS',
        'Base rate',
      ]) {
        const box = calibrators.getByRole('checkbox', { name, exact: true });
        if (['Platt', 'Isotonic', 'Beta'].includes(name)) await box.check();
        else await box.uncheck();
      }
      await page.getByRole('radio', { name: 'Holdout' }).check();
      await page.getByRole('button', { name: 'Run', exact: true }).click();

      const table = page.getByRole('table', { name: 'Calibrators compared on the test rows' });
      await table.waitFor({ timeout: 60_000 });
      // Three calibrators ranked, then the raw score as the baseline.
      await expect.poll(() => table.locator('tbody tr').count()).toBe(4);
      const ranked = async (metric: string) =>
        (await table.locator(`tbody:first-of-type td[data-metric="${metric}"]`).allInnerTexts()).map(number);
      const logLosses = await ranked('logLoss');
      expect(logLosses).toHaveLength(3);
      expect([...logLosses].sort((a, b) => a - b)).toEqual(logLosses);
      const baseline = number(
        await table.locator('tr[data-method="uncalibrated"] td[data-metric="logLoss"]').innerText(),
      );
      expect(logLosses[0]).toBeLessThan(baseline);
      await expect.poll(() => table.locator('tr.is-best').count()).toBe(1);
      const best = await table.locator('tr.is-best').getAttribute('data-method');
      expect(['platt', 'isotonic', 'beta']).toContain(best);
      expect(await page.getByText(/^70,000$/).count()).toBeGreaterThan(0);

      // Overlaid reliability curves: one trace per method and the raw score, with axis titles.
      await expect
        .poll(() => page.evaluate(() => performance.getEntriesByName('calibration-curves-drawn').length), {
          timeout: 30_000,
        })
        .toBeGreaterThan(0);
      const legend = await page.locator('.plot .legendtext').allTextContents();
      expect(legend).toEqual(
        expect.arrayContaining(['Platt', 'Isotonic', 'Beta', 'Uncalibrated', 'Perfect calibration']),
      );
      const axes = await page.locator('.plot .g-xtitle, .plot .g-ytitle').allTextContents();
      expect(axes).toEqual(expect.arrayContaining(['Mean predicted probability (%)', 'Observed rate (%)']));
      await session.settled();
      await session.screenshot('calibrate', { fullPage: true });

      // Ranking by ECE re-orders the table.
      await page.getByRole('radio', { name: 'ECE' }).check();
      const eces = await ranked('ece');
      expect([...eces].sort((a, b) => a - b)).toEqual(eces);
      await page.getByRole('radio', { name: 'Log loss' }).check();

      // Keep the best as a model, with the suggested name.
      await table
        .locator('tr.is-best')
        .getByRole('button', { name: /Keep .* as model/ })
        .click();
      const nameField = page.getByRole('dialog', { name: 'Keep as model' }).getByLabel('Model name');
      await expect
        .poll(() => nameField.inputValue())
        .toMatch(new RegExp(`^${best} · Liquidations sample · \\d{4}-\\d{2}-\\d{2}$`));
      const bestName = await nameField.inputValue();
      await session.screenshot('calibrate-keep-dialog');
      await page.getByRole('button', { name: 'Keep model' }).click();
      await page.getByText(`Kept as model`).waitFor();

      // A second model to compare with: Platt, unless Platt was the best (then isotonic).
      const second = best === 'platt' ? 'isotonic' : 'platt';
      await table
        .locator(`tr[data-method="${second}"]`)
        .getByRole('button', { name: /Keep .* as model/ })
        .click();
      await nameField.fill(`${second} for comparison`);
      await page.getByRole('button', { name: 'Keep model' }).click();
      await page.getByRole('button', { name: 'Open in Models' }).click();

      // Models: both listed; open the best and compare it with the second.
      const models = page.getByRole('table', { name: 'Kept models' });
      await expect.poll(() => models.locator('tbody tr').count()).toBe(2);
      await models.getByRole('button', { name: bestName }).click();
      await page.getByRole('heading', { name: bestName, level: 2 }).waitFor();
      await page.getByRole('table', { name: 'Model test metrics' }).waitFor();
      await page.getByLabel('Compare with').selectOption({ label: `${second} for comparison` });
      const comparison = page.getByRole('table', { name: 'Model comparison' });
      await comparison.waitFor();
      expect(await comparison.locator('thead').innerText()).toContain('B − A');
      await expect.poll(() => comparison.locator('tr[data-metric="logLoss"] td').count()).toBe(3);
      await expect.poll(() => page.locator('.plot .svg-container').count(), { timeout: 30_000 }).toBe(2);
      await session.settled();
      await session.screenshot('models-compare', { fullPage: true });

      // Export the parameter file; its content is checked here and by `scorecal verify`.
      await page.getByRole('button', { name: 'Save parameter file…' }).click();
      const pathField = page.getByRole('dialog', { name: 'Save parameter file' }).getByLabel(/Save to/);
      expect(await pathField.inputValue()).toBe(
        path.join(folder, `${bestName.replace(/ · /g, ' - ')}.params.json`),
      );
      const paramsPath = path.join(folder, 'best.params.json');
      await pathField.fill(paramsPath);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.locator('.written-file').filter({ hasText: 'Parameter file' }).waitFor();
      expect(await page.locator('.written-file__path').first().innerText()).toBe(paramsPath);
      const document = JSON.parse(fs.readFileSync(paramsPath, 'utf8'));
      expect(document.format).toBe('scorecal.calibration');
      expect(document.version).toBe(1);
      expect(document.method).toBe(best);
      expect(document.params.method).toBe(best);
      expect(document.provenance.dataset.name).toBe('Liquidations sample');
      expect(document.provenance.dataset.rows).toBe(100_000);
      expect(document.provenance.validation.scheme).toBe('holdout');
      expect(document.contentHash.value).toMatch(/^[0-9a-f]{64}$/);
      const verdict = runScorecal(['verify', paramsPath]);
      expect(verdict.status, verdict.stderr + verdict.stdout).toBe(0);

      // Apply the model to the sample: a scored CSV and a calibration check with its lights.
      await page.getByRole('button', { name: 'Apply to a dataset…' }).click();
      const scoredPath = path.join(folder, 'scored.csv');
      await page
        .getByRole('dialog', { name: 'Apply to a dataset' })
        .getByLabel(/Save to/)
        .fill(scoredPath);
      await page.getByRole('button', { name: 'Apply and save' }).click();
      const check = page.getByRole('table', { name: 'Calibration check of the scored rows' });
      await check.waitFor({ timeout: 60_000 });
      expect(await check.innerText()).toMatch(/Green|Yellow|Red/);
      expect(fs.readFileSync(scoredPath, 'utf8').split('\n', 1)[0]).toContain('calibrated');

      // The report of the compared pair: an HTML file with its SVG charts.
      await page.getByRole('button', { name: 'Save report…' }).click();
      const reportPath = path.join(folder, 'pair.report.html');
      await page
        .getByRole('dialog', { name: 'Save report' })
        .getByLabel(/Save to/)
        .fill(reportPath);
      await page.getByRole('button', { name: 'Save report', exact: true }).click();
      await page.locator('.written-file').filter({ hasText: 'Report' }).waitFor();
      const html = fs.readFileSync(reportPath, 'utf8');
      expect(html).toMatch(/<svg/);
      expect(html).toContain(bestName);
      expect(html).toContain(`${second} for comparison`);
      await session.screenshot('models-export', { fullPage: true });

      // The calibration results stay while the analyst works in another view.
      await page.getByRole('link', { name: 'Calibrate' }).click();
      await table.waitFor();
      await page.getByRole('link', { name: 'Models' }).click();

      // The model and its comparison survive a reload; dark mode follows the OS.
      await page.reload();
      await page.getByRole('heading', { name: bestName, level: 2 }).waitFor();
      expect(await page.getByLabel('Compare with').inputValue()).not.toBe('');
      await page.emulateMedia({ colorScheme: 'dark' });
      await comparison.waitFor();
      await expect.poll(() => page.locator('.plot .svg-container').count(), { timeout: 30_000 }).toBe(2);
      await session.settled();
      await session.screenshot('models-dark', { fullPage: true });

      // Rename and delete, each confirmed.
      await page.getByRole('button', { name: 'Rename…' }).click();
      await page.getByRole('dialog', { name: 'Rename model' }).getByLabel('Name').fill('kept best');
      await page.getByRole('button', { name: 'Rename', exact: true }).click();
      await models.getByRole('button', { name: 'kept best' }).waitFor();
      await models.getByRole('button', { name: `${second} for comparison` }).click();
      await page.getByRole('button', { name: 'Delete…' }).click();
      await page.getByRole('dialog', { name: 'Delete model?' }).waitFor();
      await page.getByRole('button', { name: 'Delete model' }).click();
      await expect.poll(() => models.locator('tbody tr').count()).toBe(1);

      // After the reload Calibrate has its settings back (not its results): a bootstrapped run
      // shows its progress and stops on Cancel; a plain run draws the table again, in dark mode.
      await page.getByRole('link', { name: 'Calibrate' }).click();
      await page.getByText('No results yet').waitFor();
      expect(await calibrators.getByRole('checkbox', { name: 'Beta', exact: true }).isChecked()).toBe(true);
      expect(await calibrators.getByRole('checkbox', { name: 'Spline', exact: true }).isChecked()).toBe(
        false,
      );
      await page.getByLabel(/Bootstrap intervals/).check();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Calibrating' }).waitFor();
      await session.screenshot('calibrate-progress');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByText('The run was cancelled').waitFor();
      await page.getByLabel(/Bootstrap intervals/).uncheck();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await table.waitFor({ timeout: 60_000 });
      await session.settled();
      await session.screenshot('calibrate-dark', { fullPage: true });
      expectCleanRun(session);
    } finally {
      await session.close();
    }
  });
});
