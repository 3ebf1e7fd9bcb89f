import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/use-browser';
import { expectCleanRun } from '../helpers/workbench-session';

describe('browser mode in real Chromium: Datasets', () => {
  const browser = useBrowser();

  it('loads the sample and lists it with its row count, offline and without console errors', async () => {
    const session = await browser.openWorkbench();
    const { page } = session;
    try {
      // The token leaves the address bar once it has been exchanged for the session cookie.
      expect(new URL(page.url()).search).toBe('');
      await expect
        .poll(() => page.getByRole('heading', { name: 'Datasets', exact: true }).isVisible())
        .toBe(true);
      await page.getByText('No datasets yet').waitFor();
      await session.screenshot('datasets-empty');

      await page.getByRole('button', { name: 'Load sample dataset' }).click();
      const row = page.getByRole('row', { name: /Liquidations sample/ });
      await row.waitFor({ timeout: 30_000 });
      await expect.poll(() => row.innerText()).toContain('100,000');
      expect(await row.innerText()).toMatch(/2024-01-0\d – 2025-12-3\d/);
      await expect.poll(() => page.getByText(/Workspace: .*workspace\.sqlite/).isVisible()).toBe(true);
      // The loaded sample is selected: its provenance and columns are shown.
      await page
        .getByRole('table', { name: 'Columns of Liquidations sample' })
        .getByRole('row', { name: /liquidated/ })
        .waitFor();
      expect(await page.getByText(/^[0-9a-f]{64}$/).innerText()).toMatch(/^[0-9a-f]{64}$/);
      await session.screenshot('datasets-loaded');

      // A reload reads the same workspace: the dataset is really stored, not held by the page.
      await page.reload();
      await page.getByRole('row', { name: /Liquidations sample/ }).waitFor();
      // ... and the selection survived it.
      await page.getByRole('heading', { name: 'Liquidations sample', level: 2 }).waitFor();

      expectCleanRun(session);
    } finally {
      await session.close();
    }
  });

  it('renames, then deletes a dataset after a confirmation that Escape dismisses', async () => {
    const session = await browser.openWorkbench();
    const { page } = session;
    try {
      await page.getByRole('button', { name: 'Load sample dataset' }).click();
      await page.getByRole('row', { name: /Liquidations sample/ }).waitFor({ timeout: 30_000 });

      await page.getByRole('button', { name: 'Rename…' }).click();
      const renameDialog = page.getByRole('dialog', { name: 'Rename dataset' });
      await renameDialog.getByLabel('Name').fill('Q4 back-test');
      await renameDialog.getByRole('button', { name: 'Rename' }).click();
      await page.getByRole('row', { name: /Q4 back-test/ }).waitFor();
      await page.getByText('Renamed “Liquidations sample” to “Q4 back-test”.').waitFor();

      // Escape closes the confirmation without deleting anything.
      await page.getByRole('button', { name: 'Delete…' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete dataset?' });
      await confirm.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
      await page.keyboard.press('Escape');
      await confirm.waitFor({ state: 'detached' });
      await page.getByRole('row', { name: /Q4 back-test/ }).waitFor();

      // Focus stays inside the confirmation however often Tab is pressed.
      await page.getByRole('button', { name: 'Delete…' }).click();
      await confirm.waitFor();
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
      }
      await session.screenshot('datasets-delete-confirm');
      await confirm.getByRole('button', { name: 'Delete dataset' }).click();
      await page.getByText('No datasets yet').waitFor();
      await page.getByText('Deleted “Q4 back-test”.').waitFor();

      await page.reload();
      await page.getByText('No datasets yet').waitFor();
      expectCleanRun(session);
    } finally {
      await session.close();
    }
  });
});
