import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { writeLargePositionsCsv } from '../helpers/large-csv';
import { useBrowser } from '../helpers/use-browser';
import { e2eFixtures, expectCleanRun } from '../helpers/workbench-session';

/** Opens the wizard, enters the path as a browser-mode user does, and reads the preview. */
async function previewInWizard(page: Page, file: string) {
  await page.getByRole('button', { name: 'Import file…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import a dataset' });
  await wizard.getByLabel('Path of the file on this machine').fill(file);
  await wizard.getByRole('button', { name: 'Preview' }).click();
  await wizard.getByRole('table', { name: 'Column mapping' }).waitFor();
  return wizard;
}

describe('browser mode in real Chromium: the import wizard', () => {
  const browser = useBrowser();

  it('imports a file with an adjusted mapping, reports on it, and diagnoses it', async () => {
    const session = await browser.openWorkbench();
    const { page } = session;
    try {
      const wizard = await previewInWizard(page, path.join(e2eFixtures, 'desk-book.csv'));
      // Detected: a semicolon CSV with decimal commas and dd.mm.yyyy dates.
      expect(await wizard.getByLabel('Delimiter').inputValue()).toBe('');
      expect(await wizard.getByLabel('Delimiter').locator('option:checked').innerText()).toBe(
        'Detected (semicolon)',
      );
      expect(await wizard.getByLabel('Decimal').locator('option:checked').innerText()).toBe('Detected (,)');
      expect(await wizard.getByLabel('Timestamp format of Stichtag').inputValue()).toBe('dd.mm.yyyy');
      // "m7 output" matches no score heuristic: the analyst makes it the score.
      expect(await wizard.getByLabel('Role of m7 output').inputValue()).toBe('feature');
      await wizard.getByText('No score column: Diagnose needs one.', { exact: false }).waitFor();
      await wizard.getByLabel('Role of m7 output').selectOption('score');
      expect(await wizard.getByLabel('Score scale of m7 output').inputValue()).toBe('probability');
      await wizard.getByLabel('Import Notiz').uncheck();
      await wizard.getByLabel('Stored name of Stichtag').fill('as_of');
      await wizard.getByLabel('Dataset name').fill('Desk book H1');
      await session.screenshot('import-mapping');

      await wizard.getByRole('button', { name: 'Import', exact: true }).click();
      await wizard
        .getByText('Imported “Desk book H1”: 1,500 rows', { exact: false })
        .waitFor({ timeout: 30_000 });
      await wizard.getByRole('heading', { name: 'Validation report' }).waitFor();
      await session.screenshot('import-report');

      await wizard.getByRole('button', { name: 'Diagnose this dataset' }).click();
      await page.getByRole('heading', { name: 'Diagnose', level: 1 }).waitFor();
      await expect
        .poll(() => page.locator('.usage-line').innerText(), { timeout: 30_000 })
        .toContain('1,500 of 1,500 rows used');
      expect(await page.locator('.usage-line').innerText()).toContain('m7 output');
      const stored = page
        .getByRole('table', { name: 'Calibration metrics' })
        .getByRole('row', { name: /^Rows/ });
      expect(await stored.innerText()).toContain('1,500');
      await expect.poll(() => session.diagramDraws(), { timeout: 30_000 }).toBeGreaterThan(0);
      const draws = await session.diagramDraws();
      await page.getByRole('radio', { name: 'Quantile' }).check();
      await expect.poll(() => session.diagramDraws(), { timeout: 30_000 }).toBeGreaterThan(draws);
      // The renamed time column and the kept segment drive the period chart and the filter.
      await page.getByRole('img', { name: /per period/ }).waitFor();
      await page.getByText('Desk / Book', { exact: true }).first().waitFor();
      expectCleanRun(session);
    } finally {
      await session.close();
    }
  });

  it('cancels a running import and keeps nothing', async () => {
    const dir = browser.tempDir();
    const file = path.join(dir, 'positions-3m.csv');
    await writeLargePositionsCsv(file, 3_000_000);
    const session = await browser.openWorkbench({ folder: dir });
    const { page } = session;
    try {
      const wizard = await previewInWizard(page, file);
      await wizard.getByRole('button', { name: 'Import', exact: true }).click();
      // Progress with rows/s and an ETA, then Cancel while the engine is still reading.
      const progress = wizard.getByRole('status').filter({ hasText: 'rows/s' });
      await progress.waitFor({ timeout: 30_000 });
      expect(await progress.innerText()).toMatch(/ETA/);
      await session.screenshot('import-progress');
      await wizard.getByRole('button', { name: 'Cancel' }).click();
      await wizard
        .getByText('The import was cancelled. Nothing was added to the workspace.')
        .waitFor({ timeout: 30_000 });
      await wizard.getByRole('button', { name: 'Close dialog' }).click();
      await page.getByText('No datasets yet').waitFor();
      await page.reload();
      await page.getByText('No datasets yet').waitFor();
      expectCleanRun(session);
    } finally {
      await session.close();
    }
  });

  it('shows the validation report of a malformed file and imports nothing', async () => {
    const session = await browser.openWorkbench();
    const { page } = session;
    // The engine refuses the file: an HTTP 400 answer, which Chromium logs. Nothing else is excused.
    session.expectFailedCall('datasets.import');
    try {
      const wizard = await previewInWizard(page, path.join(e2eFixtures, 'malformed-positions.csv'));
      await wizard.getByRole('button', { name: 'Import', exact: true }).click();
      await wizard.getByText('The import was refused. Nothing was imported.').waitFor({ timeout: 30_000 });
      const problem = await wizard.locator('.problem').innerText();
      expect(problem).toContain('line 4, column 2 (score)');
      expect(problem).toContain('"high" is not a number');
      await session.screenshot('import-refused');
      await wizard.getByRole('button', { name: 'Close dialog' }).click();
      await page.reload();
      await page.getByText('No datasets yet').waitFor();

      // Skipping bad rows instead imports the good ones and lists every problem found.
      const again = await previewInWizard(page, path.join(e2eFixtures, 'malformed-positions.csv'));
      await again.getByRole('radio', { name: 'Skip bad rows' }).check();
      await again.getByRole('button', { name: 'Import', exact: true }).click();
      await again.getByRole('heading', { name: 'Validation report' }).waitFor({ timeout: 30_000 });
      const report = again.getByRole('list', { name: 'Problems found' });
      expect(await report.innerText()).toContain('Not a number');
      await session.screenshot('import-report-skipped');
      await again.getByRole('button', { name: 'Close', exact: true }).click();
      await page.getByRole('row', { name: /malformed-positions/ }).waitFor();
      expectCleanRun(session);
    } finally {
      await session.close();
    }
  });
});
