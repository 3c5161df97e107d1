import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import type { CommentDetail } from '../../shared/api/coding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureClientBuilt,
  fixturesDir,
  launchChromium,
  startServer,
  watchConsole,
  type RunningServer,
} from './helpers';

/** axe's serious and critical findings, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
}

/** Sum of the counts in the report's table view. */
async function tableTotal(page: Page): Promise<number> {
  await page.getByLabel('Table').check();
  const cells = page.locator('table.counts tbody td button');
  await cells.first().waitFor();
  const texts = await cells.allTextContents();
  return texts.reduce((sum, t) => sum + Number(t), 0);
}

describe('a new user codes a small survey in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      ensureClientBuilt().then(startServer),
      launchChromium(),
    ]);
    const context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(8_000);
    consoleErrors = watchConsole(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a project with the parents/carers starter codebook', async () => {
    await page.goto(server.baseUrl);
    await page.getByLabel('Project name').fill('EHC survey 2016');
    await page.getByLabel('Parents/carers').check();
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/projects\/\d+\/import$/);
    await page.getByRole('heading', { name: 'Import a survey' }).waitFor();
  });

  it('shows each problem of a bad file with its row and column', async () => {
    await page
      .getByLabel('Survey file (CSV or XLSX)')
      .setInputFiles(join(fixturesDir, 'bad-survey.csv'));
    await page.getByRole('table', { name: 'First 3 rows' }).waitFor();
    await page.getByLabel('Use of column respondent_id').selectOption('id');
    for (const column of ['worked', 'not_worked'])
      await page.getByLabel(`Use of column ${column}`).selectOption('ignore');
    const importButton = page.getByRole('button', { name: 'Import 3 rows' });
    await importButton.click();
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toBe(
      'Choose at least one column as an open question.',
    );

    await page.getByLabel('Use of column worked').selectOption('open');
    await importButton.click();
    await expect
      .poll(() => alert.textContent())
      .toContain('Nothing was saved.');
    expect(await alert.textContent()).toContain('Nothing was saved.');
    const problems = await alert.locator('li').allTextContents();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^Row 3, column respondent_id: .*appears again/,
    );
    expect(problems[1]).toMatch(/^Row 4, column respondent_id: .*empty/);
  });

  it('previews, maps and imports a CSV with progress and a report', async () => {
    await page
      .getByLabel('Survey file (CSV or XLSX)')
      .setInputFiles(join(fixturesDir, 'small-survey.csv'));
    await page.getByRole('table', { name: 'First 8 rows' }).waitFor();
    await page.getByLabel('Use of column respondent_id').selectOption('id');
    await page.getByLabel('Use of column group').selectOption('group');
    await page
      .getByLabel('Use of column local_authority')
      .selectOption('attribute');
    await page.getByLabel('Use of column worked').selectOption('open');
    await page.getByLabel('Use of column not_worked').selectOption('open');
    await page
      .getByLabel('Question label for worked')
      .fill('What worked well?');
    await page
      .getByLabel('Question label for not_worked')
      .fill('What did not work well?');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Import 8 rows' }).click();
    const report = page.getByRole('region', { name: 'Imported' });
    await report.waitFor();
    await expect.poll(() => report.textContent()).toContain('8 respondents');
    expect(await report.textContent()).toContain('2 respondent groups');
  });

  it('shows zero counts in the report before any coding', async () => {
    await page.getByRole('link', { name: 'Report', exact: true }).click();
    await page.getByRole('tab', { name: 'Parents/carers' }).waitFor();
    // Themes with 0 are hidden by default: nothing is coded yet.
    await page.getByText(/No theme counts a comment/).waitFor();
    await page.getByLabel('Hide themes with 0').uncheck();
    await page.getByText('Paperwork').first().waitFor();
    expect(await page.locator('.chart .recharts-bar-rectangle').count()).toBe(
      0,
    );
    expect(await tableTotal(page)).toBe(0);
  });

  it('codes three comments with the keyboard only', async () => {
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    const status = page.locator('.queue-header [role=status]');
    await expect
      .poll(() => status.textContent())
      .toMatch(/^0 of 1\d coded \(0 by you\)$/);
    const text = page.locator('.comment-text');
    await text.waitFor();
    const first = await text.textContent();

    // First comment: accept the starred suggestions with `a`.
    await expect
      .poll(() => page.locator('.starred').count())
      .toBeGreaterThan(0);
    expect(await page.locator('.comment-text mark').count()).toBeGreaterThan(0);
    await page.keyboard.press('a');
    const ticked = page.locator('.theme-picker input:checked');
    await expect.poll(() => ticked.count()).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => text.textContent()).not.toBe(first);

    // Second and third: toggle themes by their number keys.
    const position = page.locator('.position');
    await expect.poll(() => position.textContent()).toMatch(/^Comment 2 of/);
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await expect.poll(() => ticked.count()).toBe(2);
    await page.keyboard.press('Enter');
    await expect.poll(() => position.textContent()).toMatch(/^Comment 3 of/);
    await page.keyboard.press('3');
    await expect.poll(() => ticked.count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => status.textContent())
      .toMatch(/^3 of 1\d coded \(3 by you\)$/);

    // Back shows the saved ticks of the third comment.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => ticked.count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('reaches themes with j/k and Space, and z after a first save uncodes', async () => {
    const status = page.locator('.queue-header [role=status]');
    const position = page.locator('.position');
    const ticked = page.locator('.theme-picker input:checked');
    await page.keyboard.press('Enter'); // unchanged: moves on, saves nothing
    await expect.poll(() => position.textContent()).toMatch(/^Comment 4 of/);

    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const active = page.locator('.theme-list li.active');
    const second = page.locator('.theme-list li').nth(1);
    expect(await active.textContent()).toBe(await second.textContent());
    await page.keyboard.press(' ');
    await expect.poll(() => second.locator('input').isChecked()).toBe(true);
    await page.keyboard.press('z');
    await expect.poll(() => ticked.count()).toBe(0);

    // The theme list ends above the key help, whatever its length.
    const list = await page.locator('.theme-list').boundingBox();
    const help = await page.locator('.key-help').boundingBox();
    expect((list?.y ?? 0) + (list?.height ?? 0)).toBeLessThanOrEqual(
      help?.y ?? 0,
    );

    await page.keyboard.press('0');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => status.textContent())
      .toMatch(/^4 of 1\d coded \(4 by you\)$/);
    await page.keyboard.press('z');
    await expect
      .poll(() => status.textContent())
      .toMatch(/^3 of 1\d coded \(3 by you\)$/);
    await expect.poll(() => position.textContent()).toMatch(/^Comment 4 of/);
    expect(await page.getByText('the comment is uncoded again').count()).toBe(
      1,
    );
    expect(await page.getByLabel('No theme applies').isChecked()).toBe(false);

    // Back to the coded third comment for the next step.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => position.textContent()).toMatch(/^Comment 3 of/);
    await expect.poll(() => ticked.count()).toBe(1);
  });

  it('shows the saved coding and the message when someone saved first', async () => {
    const shown = await page.locator('.comment-text').textContent();
    const queue = await server.app.inject('/api/projects/1/queue?status=coded');
    const ids = queue.json<{ commentIds: number[] }>().commentIds;
    const comments = await Promise.all(
      ids.map(async (id) =>
        (await server.app.inject(`/api/comments/${id}`)).json<CommentDetail>(),
      ),
    );
    const target = comments.find((c) => c.text === shown);
    if (!target?.coding) throw new Error('The comment on screen is not coded.');
    const elsewhere = await server.app.inject({
      method: 'PUT',
      url: `/api/comments/${target.id}/coding`,
      payload: { themeIds: [], version: target.coding.version },
    });
    expect(elsewhere.statusCode).toBe(200);

    await page.keyboard.press('5');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toContain('Someone changed this coding since you opened it.');
    expect(await alert.textContent()).toContain('Saved now: no theme.');

    // Enter again saves the ticks over the newer version and moves on.
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.comment-text').textContent())
      .not.toBe(shown);
  });

  it('undoes a tick with z and adds a theme inline with n', async () => {
    const ticked = page.locator('.theme-picker input:checked');
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await page.keyboard.press('z');
    await expect.poll(() => ticked.count()).toBe(1);

    await page.keyboard.press('n');
    const name = page.getByLabel('New theme name');
    await expect
      .poll(() => name.evaluate((e) => e === document.activeElement))
      .toBe(true);
    await page.keyboard.type('Waiting lists');
    await page.keyboard.press('Enter');
    const added = page.getByRole('checkbox', { name: /Waiting lists/ });
    await expect.poll(() => added.isChecked()).toBe(true);
    expect(await ticked.count()).toBe(2);

    await page.keyboard.press('/');
    const search = page.getByLabel('Search (/)');
    expect(await search.evaluate((e) => e === document.activeElement)).toBe(
      true,
    );
  });

  it('shows the new counts in the chart and the table, and the comments behind a count', async () => {
    await page.getByRole('link', { name: 'Report', exact: true }).click();
    await page.getByRole('tab', { name: 'Parents/carers' }).waitFor();
    await page.getByLabel('Chart').check();
    const bars = page.locator('.chart .recharts-bar-rectangle path');
    await expect.poll(() => bars.count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    expect(await tableTotal(page)).toBeGreaterThanOrEqual(3);
    const nonZero = page.locator('table.counts tbody td button', {
      hasNotText: /^0$/,
    });
    // Each cell gives both percentages: of all comments and of the coded.
    expect(await nonZero.first().locator('..').textContent()).toMatch(
      /^\d+ · [\d.]+% of all \d+ · [\d.]+% of \d+ coded$/,
    );
    await nonZero.first().click();
    const behind = page.locator('.comments-behind');
    await behind.waitFor();
    await expect.poll(() => behind.locator('li').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    // The filter: an attribute first, then one of its values.
    const all = await tableTotal(page);
    await page
      .getByLabel('Filter respondents by')
      .selectOption('local_authority');
    const value = page.getByLabel('local_authority is');
    expect(await value.inputValue()).toBe('North');
    await value.selectOption('South');
    await expect.poll(() => tableTotal(page)).toBeLessThanOrEqual(all);
    await page.getByLabel('Filter respondents by').selectOption('');
    await expect.poll(() => value.count()).toBe(0);
  });

  it('downloads the counts as CSV and the coded comments as XLSX', async () => {
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Counts CSV' }).click(),
    ]);
    const rows = parse<Record<string, string>>(readFileSync(await csv.path()), {
      bom: true,
      columns: true,
    });
    expect(rows.length).toBeGreaterThan(0);

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Coded (long) XLSX' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBeGreaterThan(1);
  });

  it('downloads the chart as SVG and PNG', async () => {
    await page.getByLabel('Chart').check();
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Chart SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe(
      'EHC survey 2016 - Parents_carers.svg',
    );
    const svgText = readFileSync(await svg.path(), 'utf8');
    expect(svgText).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('Partnership');
    // The file stands alone: title, base, filter and the counting note.
    expect(svgText).toContain('EHC survey 2016 — Parents/carers');
    expect(svgText).toMatch(
      /Base: 4 respondents\. What worked well\?: 3 comments/,
    );
    expect(svgText).toContain('Filter: none (all respondents).');
    expect(svgText).toContain('Comments count once in each theme');

    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Chart PNG' }).click(),
    ]);
    const bytes = readFileSync(await png.path());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(2000);
  });

  it('refuses to delete a theme in use, with the reason, until confirmed', async () => {
    await page.getByRole('link', { name: 'Codebook', exact: true }).click();
    const row = page.getByRole('row', { name: /Paperwork/ });
    await row.waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Transport');
    await page.getByRole('button', { name: 'Add theme' }).click();
    await page.getByRole('row', { name: /Transport/ }).waitFor();

    const used = await page
      .locator('table.themes tbody tr')
      .filter({ hasNotText: /\b0 comments/ })
      .first()
      .locator('th')
      .textContent();
    // Answer the confirm as it opens: it blocks the page until answered.
    const asked = new Promise<string>((resolve) => {
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.dismiss();
      });
    });
    await page.getByRole('button', { name: `Delete ${used ?? ''}` }).click();
    expect(await asked).toMatch(/is used in \d+ coding/);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/is used in \d+ coding/);
    expect(await page.getByRole('row', { name: used ?? '' }).count()).toBe(1);
  });

  it('logged no console errors beyond the three refusals it provoked', () => {
    // Chromium logs every 4xx reply; these three were asked for above.
    const provoked = [
      /status of 400 .*\/api\/projects\/\d+\/imports$/,
      /status of 409 .*\/api\/comments\/\d+\/coding$/,
      /status of 409 .*\/api\/themes\/\d+$/,
    ];
    const unexpected = consoleErrors.filter(
      (e) => !provoked.some((p) => p.test(e)),
    );
    expect(unexpected).toEqual([]);
    expect(consoleErrors).toHaveLength(3);
  });
});
