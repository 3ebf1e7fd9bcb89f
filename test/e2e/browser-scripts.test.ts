import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/use-browser';
import { expectCleanRun } from '../helpers/workbench-session';

/** The pixel top of the editor line whose text contains `text` (Monaco renders only visible lines). */
function lineTop(page: Page, text: string): Promise<number | null> {
  return page.evaluate((needle) => {
    const line = Array.from(document.querySelectorAll<HTMLElement>('.script-editor .view-line')).find(
      (element) => (element.textContent ?? '').replace(/\u00a0/g, ' ').includes(needle),
    );
    return line ? Number.parseFloat(line.style.top) : null;
  }, text);
}

/** The pixel tops of the lines that carry an error squiggle (TypeScript's or the sandbox's marker). */
function errorTops(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.script-editor .view-overlays .squiggly-error')).map(
      (element) => Number.parseFloat((element.parentElement as HTMLElement).style.top),
    ),
  );
}

/** The pixel top of the line the cursor is on (its highlight). */
function cursorLineTop(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const highlight = document.querySelector<HTMLElement>('.script-editor .view-overlays .current-line');
    return highlight ? Number.parseFloat((highlight.parentElement as HTMLElement).style.top) : null;
  });
}

/** Calls the engine as the page does (same origin, the session cookie goes along). */
function callApi(page: Page, name: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> {
  return page.evaluate(
    async ({ name, input }) => {
      const response = await fetch(`/api/call/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ input, requestId: crypto.randomUUID() }),
      });
      return response.json();
    },
    { name, input },
  );
}

describe('browser mode in real Chromium: Scripts', () => {
  const browser = useBrowser();

  it('writes a script from an example with completions and error markers, fits it beside production and exports its parameter file', async () => {
    const folder = browser.tempDir();
    const session = await browser.openWorkbench({ folder, viewport: { width: 1440, height: 1000 } });
    const { page } = session;
    try {
      await session.loadSample();
      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Scripts' }).click();
      await page.getByRole('heading', { name: 'No scripts yet' }).waitFor();
      await session.screenshot('scripts-empty');

      // New script from the logistic example.
      await page.getByRole('button', { name: 'Logistic on leverage and collateral' }).click();
      const newDialog = page.getByRole('dialog', { name: 'New script' });
      expect(await newDialog.getByLabel('Script name').inputValue()).toBe(
        'Logistic on leverage and collateral',
      );
      await session.screenshot('scripts-new-dialog');
      await newDialog.getByRole('button', { name: 'Create script' }).click();
      await page.getByRole('heading', { name: 'Logistic on leverage and collateral', level: 2 }).waitFor();
      const editor = page.locator('.script-editor .monaco-editor');
      await editor.waitFor({ timeout: 30_000 });
      await expect.poll(() => lineTop(page, 'return stats.logistic(z);')).not.toBeNull();

      // Completion of the dataset's columns on `row.`.
      await page.locator('.script-editor .view-line', { hasText: 'return stats.logistic(z);' }).click();
      await page.keyboard.press('Home');
      await page.keyboard.type('const lev: string = row.');
      const suggestions = page.locator('.suggest-widget.visible');
      await suggestions.waitFor({ timeout: 30_000 });
      await expect
        .poll(() => suggestions.locator('.monaco-list-row').allInnerTexts())
        .toEqual(expect.arrayContaining([expect.stringContaining('leverage')]));
      expect((await suggestions.innerText()).includes('collateral_ratio')).toBe(true);
      await session.screenshot('scripts-completion');
      await page.keyboard.press('Escape');
      await page.keyboard.type('leverage;');
      await page.keyboard.press('Enter');
      await page.getByTestId('unsaved-indicator').waitFor();

      // A type error: a marker on that line.
      const errorLine = await lineTop(page, 'const lev: string = row.leverage;');
      expect(errorLine).not.toBeNull();
      await expect.poll(() => errorTops(page), { timeout: 30_000 }).toContain(errorLine);
      await session.screenshot('scripts-type-error');

      // Run refuses a script that does not compile (after saving it), listing the errors; a click
      // on one moves the cursor there.
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const problems = page.getByRole('list', { name: 'Compile errors' });
      await problems.waitFor({ timeout: 30_000 });
      const problem = problems.getByRole('button').first();
      expect(await problem.innerText()).toMatch(/^15:\d+\s+Type 'number' is not assignable to type 'string'/);
      expect(await page.getByTestId('unsaved-indicator').count()).toBe(0);
      await page.getByText('Version 2 of 2').waitFor();
      await session.screenshot('scripts-refused');
      await page.getByRole('button', { name: 'Save', exact: true }).focus();
      await problem.click();
      await expect.poll(() => cursorLineTop(page)).toBe(errorLine);

      // Fixed: the marker goes; Ctrl+S saves version 3.
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+End');
      await page.keyboard.type('const lev: number = row.leverage;');
      await expect.poll(() => errorTops(page), { timeout: 30_000 }).toEqual([]);
      await page.getByTestId('unsaved-indicator').waitFor();
      await page.keyboard.press('Control+s');
      await page.getByText('Version 3 of 3').waitFor();
      expect(await page.getByTestId('unsaved-indicator').count()).toBe(0);

      // Run: rows from the engine, the fit in the sandbox, the measurements (with bootstrap
      // intervals) and the kept model.
      await page.getByRole('checkbox', { name: /Bootstrap intervals/ }).check();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const params = page.getByRole('table', { name: 'Fitted parameters' });
      await params.waitFor({ timeout: 20_000 });
      expect(await params.locator('tbody tr').count()).toBe(3);
      for (const name of ['intercept', 'leverage', 'collateral']) {
        const value = Number(
          await params.locator(`tr[data-param="${name}"] [data-field="value"]`).innerText(),
        );
        expect(Number.isFinite(value)).toBe(true);
        const se = Number(
          await params.locator(`tr[data-param="${name}"] [data-field="standardError"]`).innerText(),
        );
        expect(se).toBeGreaterThan(0);
      }
      expect(await page.getByText('Version 3 of 3').count()).toBe(1);
      const metrics = page.getByRole('table', { name: 'Script test metrics' });
      const metric = async (path: string, side: 'script' | 'production') =>
        Number(
          (await metrics.locator(`tr[data-metric="${path}"] td[data-side="${side}"]`).innerText())
            .split('\n')[0]
            ?.replace(/,/g, ''),
        );
      expect(await metric('n', 'script')).toBe(30_000);
      expect(await metric('n', 'production')).toBe(30_000);
      expect(await metric('auc', 'script')).toBeGreaterThan(0.6);
      expect(await metric('auc', 'production')).toBeGreaterThan(0.6);
      expect(
        await metrics.locator('tr[data-metric="auc"] td[data-side="script"] .metric-table__ci').innerText(),
      ).toMatch(/^0\.\d{4} – 0\.\d{4}$/);
      const convergence = page.getByRole('region', { name: 'Convergence' });
      expect(await convergence.locator('[data-converged]').getAttribute('data-converged')).toBe('true');
      await page.getByRole('table', { name: 'Scenario' }).waitFor();
      await expect
        .poll(() => page.evaluate(() => performance.getEntriesByName('script-curves-drawn').length), {
          timeout: 30_000,
        })
        .toBeGreaterThan(0);
      const legend = await page.locator('.plot .legendtext').allTextContents();
      expect(legend).toEqual(
        expect.arrayContaining([
          'Logistic on leverage and collateral v3',
          'Production (score)',
          'Perfect calibration',
        ]),
      );
      await session.settled();
      await session.screenshot('scripts-results', { fullPage: true });

      // Export the kept model's parameter file; the engine verifies it.
      await page.getByRole('button', { name: 'Export parameter file…' }).click();
      const paramsPath = path.join(folder, 'logistic.params.json');
      await page
        .getByRole('dialog', { name: 'Save parameter file' })
        .getByLabel(/Save to/)
        .fill(paramsPath);
      await page.getByRole('button', { name: 'Save', exact: true }).last().click();
      await page.locator('.written-file').filter({ hasText: 'Parameter file' }).waitFor();
      expect(fs.existsSync(paramsPath)).toBe(true);
      const document = JSON.parse(fs.readFileSync(paramsPath, 'utf8'));
      expect(document.method).toBe('script');
      expect(document.script.version).toBe(3);
      const verdict = await callApi(page, 'models.verifyParams', { path: paramsPath });
      expect(verdict.ok).toBe(true);
      expect((verdict.value as { ok: boolean }).ok).toBe(true);

      // The kept model opens in Models.
      const modelName = await page.locator('.saved-model .banner strong').innerText();
      expect(modelName).toMatch(/^Logistic on leverage and collateral v3 on Liquidations sample/);
      await page.getByRole('button', { name: 'Open in Models' }).click();
      await page.getByRole('heading', { name: modelName, level: 2 }).waitFor();
      await page.getByRole('table', { name: 'Model test metrics' }).waitFor();
      await session.settled();
      await session.screenshot('scripts-model', { fullPage: true });

      // The results stay while the analyst looks elsewhere.
      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Scripts' }).click();
      await params.waitFor();

      // History: three versions; version 1 opens read-only, and the latest comes back.
      await page.getByRole('button', { name: 'History…' }).click();
      const history = page.getByRole('dialog', { name: 'History of Logistic on leverage and collateral' });
      const versions = history.getByRole('table', { name: 'Script versions' });
      await expect.poll(() => versions.locator('tbody tr').count()).toBe(3);
      await session.screenshot('scripts-history');
      await versions.locator('tr[data-version="1"]').getByRole('button', { name: 'Open' }).click();
      await page.getByText('Showing version 1 of Logistic on leverage and collateral, read-only.').waitFor();
      await expect.poll(() => lineTop(page, 'const lev')).toBeNull();
      await page.getByRole('button', { name: 'Back to the latest version' }).click();
      await expect.poll(() => lineTop(page, 'const lev: number = row.leverage;')).not.toBeNull();

      // A script that throws: the sandbox's message under the editor and a marker on its line.
      await page
        .locator('.script-editor .view-line', { hasText: 'const lev: number = row.leverage;' })
        .click();
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+End');
      await page.keyboard.type("if (p.intercept < 1000) throw new Error('deliberate failure');");
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const failure = page.getByRole('alert').filter({ hasText: 'The script failed while running' });
      await failure.waitFor({ timeout: 60_000 });
      expect(await failure.innerText()).toContain('deliberate failure');
      await page.getByText('Version 4 of 4').waitFor();
      const throwLine = await lineTop(page, 'deliberate failure');
      await expect.poll(() => errorTops(page), { timeout: 30_000 }).toContain(throwLine);
      await session.screenshot('scripts-runtime-error');

      // An endless loop: the progress shows the fit, Cancel stops it; with a short stall timeout
      // the sandbox gives up by itself.
      await page.locator('.script-editor .view-line', { hasText: 'deliberate failure' }).click();
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+End');
      await page.keyboard.type('while (p.intercept < 1000) Math.sqrt(2);');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const progress = page.getByRole('status', { name: 'Run progress' });
      await progress.locator('li[aria-current="step"]', { hasText: 'Fit' }).waitFor({ timeout: 30_000 });
      await session.screenshot('scripts-progress');
      await progress.getByRole('button', { name: 'Cancel' }).click();
      await page.getByText('The run was cancelled; nothing was kept.').waitFor();
      await page.getByLabel('Stall timeout (s)').fill('2');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'The script stopped making progress' })
        .waitFor({ timeout: 30_000 });

      // Restore version 3 as the newest version, then delete the script (asked first).
      await page.getByRole('button', { name: 'History…' }).click();
      await versions.locator('tr[data-version="3"]').getByRole('button', { name: 'Restore' }).click();
      await page.getByText('Version 3 restored as version 6.').waitFor();
      await expect.poll(() => lineTop(page, 'const lev: number = row.leverage;')).not.toBeNull();
      await page
        .locator('.script-editor .view-line', { hasText: 'const lev: number = row.leverage;' })
        .click();
      await page.keyboard.press('End');
      await page.keyboard.type(' // to be discarded');
      await page.getByTestId('unsaved-indicator').waitFor();
      await page.getByRole('button', { name: 'Discard changes' }).click();
      await expect.poll(() => lineTop(page, 'to be discarded')).toBeNull();
      expect(await page.getByTestId('unsaved-indicator').count()).toBe(0);
      await page.getByRole('button', { name: 'Delete…' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete script?' });
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Delete…' }).click();
      await confirm.getByRole('button', { name: 'Delete script' }).click();
      await page.getByRole('heading', { name: 'No scripts yet' }).waitFor();

      // Dark mode follows the OS, the editor included.
      await page.getByRole('button', { name: 'First-passage liquidation' }).click();
      await newDialog.getByRole('button', { name: 'Create script' }).click();
      await expect.poll(() => lineTop(page, 'export default defineScript({')).not.toBeNull();
      await page.emulateMedia({ colorScheme: 'dark' });
      await session.settled();
      await session.screenshot('scripts-dark');
      expectCleanRun(session);
    } catch (error) {
      await session.screenshot('scripts-failure', { fullPage: true });
      console.log(session.consoleErrors.join('\n'));
      throw error;
    } finally {
      await session.close();
    }
  }, 240_000);
});
