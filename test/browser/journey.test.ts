import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import type { CommentDetail } from '../../shared/api/coding';
import { ensureCoder } from '../../server/coders/local-coder';
import * as seed from '../helpers/factories';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
} from 'vitest';
import {
  commentsOf,
  ensureClientBuilt,
  fixturesDir,
  launchChromium,
  saveCoding,
  seedSurvey,
  startServer,
  watchConsole,
  type RunningServer,
  type SeededSurvey,
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

/** The report's group panel once the counts for its filter have arrived. */
const settledReport = (page: Page) =>
  page.locator('#group-panel[aria-busy="false"]');

/** Sum of the counts in the report's table view, once settled. */
async function tableTotal(page: Page): Promise<number> {
  await page.getByLabel('Table').check();
  await settledReport(page).waitFor();
  const cells = page.locator('table.counts tbody td button');
  await cells.first().waitFor();
  const texts = await cells.allTextContents();
  return texts.reduce((sum, t) => sum + Number(t), 0);
}

/** The coding panel once its comment is on screen and no key waits. */
const settledPanel = (page: Page) => page.locator('.coding[aria-busy="false"]');

/** The element with the focus, as `tag.class` (or its id). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'none';
    const inPanel = el.closest('.coding') ? ' in panel' : '';
    return `${el.tagName.toLowerCase()}.${el.className}${inPanel}`;
  });

/**
 * The controls the fixed key help bar covers: any button, field or link
 * whose visible part (clipped by the lists it scrolls in) meets the bar.
 */
function coveredByKeyHelp(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const help = document.querySelector('.key-help')?.getBoundingClientRect();
    if (!help) return ['no key help'];
    const controls = document.querySelectorAll<HTMLElement>(
      'main button, main input, main select, main a, main [tabindex]',
    );
    const covered: string[] = [];
    for (const control of controls) {
      if (control.closest('.key-help')) continue;
      const box = control.getBoundingClientRect();
      let top = box.top;
      let bottom = box.bottom;
      for (let p = control.parentElement; p; p = p.parentElement) {
        if (getComputedStyle(p).overflowY === 'visible') continue;
        const clip = p.getBoundingClientRect();
        top = Math.max(top, clip.top);
        bottom = Math.min(bottom, clip.bottom);
      }
      if (box.width === 0 || bottom <= top) continue;
      if (bottom > help.top && top < help.bottom)
        covered.push(
          control.getAttribute('aria-label') ??
            (control.textContent?.trim() || control.tagName),
        );
    }
    return covered;
  });
}

/** The live region that says where the coder is in the queue. */
const whereAmI = (page: Page) =>
  page.locator('p.visually-hidden[aria-live]').textContent();

/** Themes by the start of their name, from a seeded codebook. */
function themeId(survey: SeededSurvey, start: string): number {
  const found = [...survey.themes].find(([name]) => name.startsWith(start));
  if (!found) throw new Error(`No theme starts with ${start}.`);
  return found[1];
}

/** The comment whose text starts so, from the API. */
function commentStarting(comments: CommentDetail[], start: string) {
  const found = comments.find((c) => c.text.startsWith(start));
  if (!found) throw new Error(`No comment starts with ${start}.`);
  return found;
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
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // Each test has a page of its own, and (but the first) a project of its
  // own: none depends on what the tests before it did or left on screen.
  beforeEach(async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(8_000);
    consoleErrors = watchConsole(page);
  });

  afterEach(async () => {
    await page.context().close();
  });

  /**
   * Nothing logged to the console but the refusals the test provoked
   * (Chromium logs every 4xx reply), each exactly once.
   */
  function expectOnlyRefusals(provoked: RegExp[]) {
    const unexpected = consoleErrors.filter(
      (e) => !provoked.some((p) => p.test(e)),
    );
    expect(unexpected).toEqual([]);
    expect(consoleErrors).toHaveLength(provoked.length);
  }

  async function openPage(projectId: number, name: string) {
    await page.goto(`${server.baseUrl}/#/projects/${projectId}/${name}`);
  }

  /** A seeded project on the coding page, its first comment on screen. */
  async function startCoding(name: string): Promise<SeededSurvey> {
    const survey = await seedSurvey(server.app, name);
    await openPage(survey.projectId, 'code');
    await settledPanel(page).waitFor();
    return survey;
  }

  /** A seeded project with three comments coded, on the report page. */
  async function openCodedReport(name: string): Promise<SeededSurvey> {
    const survey = await seedSurvey(server.app, name);
    const comments = await commentsOf(server.app, survey.projectId);
    const partnership = themeId(survey, 'Partnership');
    const paperwork = themeId(survey, 'Paperwork');
    // Two of North (P-001), one of South (P-002).
    await saveCoding(
      server.app,
      commentStarting(comments, 'We were listened to'),
      [partnership],
    );
    await saveCoding(
      server.app,
      commentStarting(comments, 'The plan took nine months'),
      [paperwork],
    );
    await saveCoding(
      server.app,
      commentStarting(comments, 'Far too many forms'),
      [paperwork],
    );
    await openPage(survey.projectId, 'report');
    await page.getByRole('tab', { name: 'Parents/carers' }).waitFor();
    await settledReport(page).waitFor();
    return survey;
  }

  it('creates a project and imports a CSV, showing a bad file’s problems first', async () => {
    // Step 1: a project with the parents/carers starter codebook.
    await page.goto(server.baseUrl);
    await page.getByLabel('Project name').fill('EHC survey 2016');
    await page.getByLabel('Parents/carers').check();
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/projects\/\d+\/import$/);
    await page.getByRole('heading', { name: 'Import a survey' }).waitFor();

    // Step 2: a bad file: each problem with its row and column.
    await page
      .getByLabel('Survey file (CSV or XLSX)')
      .setInputFiles(join(fixturesDir, 'bad-survey.csv'));
    await page.getByRole('table', { name: 'First 3 rows' }).waitFor();
    await page.getByLabel('Use of column respondent_id').selectOption('id');
    for (const column of ['worked', 'not_worked'])
      await page.getByLabel(`Use of column ${column}`).selectOption('ignore');
    const importBad = page.getByRole('button', { name: 'Import 3 rows' });
    await importBad.click();
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toBe('Choose at least one column as an open question.');

    await page.getByLabel('Use of column worked').selectOption('open');
    await importBad.click();
    await expect
      .poll(() => alert.textContent())
      .toContain('Nothing was saved.');
    const problems = await alert.locator('li').allTextContents();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^Row 3, column respondent_id: .*appears again/,
    );
    expect(problems[1]).toMatch(/^Row 4, column respondent_id: .*empty/);

    // Step 3: the good file: preview, map, import with a report.
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
    expectOnlyRefusals([/status of 400 .*\/api\/projects\/\d+\/imports$/]);
  });

  it('shows zero counts in the report before any coding', async () => {
    const survey = await seedSurvey(server.app, 'Nothing coded');
    await openPage(survey.projectId, 'report');
    await page.getByRole('tab', { name: 'Parents/carers' }).waitFor();
    // Themes with 0 are hidden by default: nothing is coded yet.
    await page.getByText(/No theme counts a comment/).waitFor();
    await page.getByLabel('Hide themes with 0').uncheck();
    await page.getByText('Paperwork').first().waitFor();
    expect(await page.locator('.chart .recharts-bar-rectangle').count()).toBe(
      0,
    );
    expect(await tableTotal(page)).toBe(0);
    expectOnlyRefusals([]);
  });

  it('codes three comments with the keyboard only', async () => {
    await startCoding('Keyboard coding');
    const status = page.locator('.queue-header [role=status]');
    expect(await status.textContent()).toMatch(/^0 of 1\d coded \(0 by you\)$/);
    const text = page.locator('.comment-text');
    const first = await text.textContent();

    // First comment: accept the starred suggestions with `a`.
    expect(await page.locator('.starred').count()).toBeGreaterThan(0);
    expect(await page.locator('.comment-text mark').count()).toBeGreaterThan(0);
    await page.keyboard.press('a');
    const ticked = page.locator('.theme-picker input:checked');
    await expect.poll(() => ticked.count()).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => text.textContent()).not.toBe(first);

    // Second and third: toggle themes by their number keys. Each new
    // comment takes the focus and is announced, so nobody loses their place.
    const position = page.locator('.position');
    await expect.poll(() => position.textContent()).toMatch(/^Comment 2 of/);
    await settledPanel(page).waitFor();
    expect(await focused(page)).toBe('section.coding-comment in panel');
    expect(await whereAmI(page)).toMatch(/^Comment 2 of 1\d$/);
    // A checkbox's name starts with the key that ticks it.
    const names = await page
      .locator('.theme-list .theme-name')
      .allTextContents();
    await page.getByRole('checkbox', { name: `2 ${names[1] ?? ''}` }).waitFor();
    await page.getByRole('checkbox', { name: '0 No theme applies' }).waitFor();
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
    await settledPanel(page).waitFor();
    expect(await focused(page)).toBe('section.coding-comment in panel');

    // Back shows the saved ticks of the third comment.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => position.textContent()).toMatch(/^Comment 3 of/);
    await expect.poll(() => ticked.count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expectOnlyRefusals([]);
  });

  it('keeps keys typed while a save is on its way for the next comment', async () => {
    const survey = await startCoding('Typed ahead');
    const names = await page
      .locator('.theme-list .theme-name')
      .allTextContents();
    // No waiting between keys: each Enter saves while the next keys come.
    for (const key of ['1', 'Enter', '2', 'Enter', '3', '4', 'Enter', 'z'])
      await page.keyboard.press(key);
    const status = page.locator('.queue-header [role=status]');
    // The z undid the last save, a first coding: two remain.
    await expect
      .poll(() => status.textContent())
      .toMatch(/^2 of 1\d coded \(2 by you\)$/);
    await settledPanel(page).waitFor();
    expect(await status.textContent()).toMatch(/^2 of 1\d coded \(2 by you\)$/);
    expect(await page.locator('.position').textContent()).toMatch(
      /^Comment 3 of/,
    );

    const comments = await commentsOf(server.app, survey.projectId);
    const themesOf = (c: CommentDetail | undefined) =>
      (c?.coding?.themeIds ?? []).map(
        (id) => [...survey.themes].find(([, tid]) => tid === id)?.[0],
      );
    expect(themesOf(comments[0])).toEqual([names[0]]);
    expect(themesOf(comments[1])).toEqual([names[1]]);
    expect(comments[2]?.coding).toBeNull();
    // The ticks of the undone comment are back on screen.
    await expect
      .poll(() =>
        page
          .locator('.theme-list li:has(input:checked) .theme-name')
          .allTextContents(),
      )
      .toEqual([]);
    expectOnlyRefusals([]);
  });

  it('reaches themes with j/k and Space, and z after a first save uncodes', async () => {
    await startCoding('Cursor and undo');
    const status = page.locator('.queue-header [role=status]');
    const position = page.locator('.position');
    const ticked = page.locator('.theme-picker input:checked');

    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const second = page.locator('.theme-list li').nth(1);
    await expect.poll(() => second.getAttribute('class')).toContain('active');
    expect(await page.locator('.theme-list li.active').count()).toBe(1);
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
      .toMatch(/^1 of 1\d coded \(1 by you\)$/);
    await expect.poll(() => position.textContent()).toMatch(/^Comment 2 of/);
    await page.keyboard.press('z');
    await expect
      .poll(() => status.textContent())
      .toMatch(/^0 of 1\d coded \(0 by you\)$/);
    await expect.poll(() => position.textContent()).toMatch(/^Comment 1 of/);
    await page.getByText('the comment is uncoded again').waitFor();
    expect(await page.getByLabel('No theme applies').isChecked()).toBe(false);
    expectOnlyRefusals([]);
  });

  it('shows the saved coding and the message when someone saved first', async () => {
    const survey = await startCoding('Saved first');
    const position = page.locator('.position');
    const ticked = page.locator('.theme-picker input:checked');
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await expect.poll(() => position.textContent()).toMatch(/^Comment 2 of/);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => position.textContent()).toMatch(/^Comment 1 of/);
    await expect.poll(() => ticked.count()).toBe(1);
    await settledPanel(page).waitFor();

    // Someone else saves "no theme" over the comment on screen.
    const shownId = Number(
      await settledPanel(page).getAttribute('data-comment-id'),
    );
    const target = (await commentsOf(server.app, survey.projectId)).find(
      (c) => c.id === shownId,
    );
    if (!target?.coding) throw new Error('The comment on screen is not coded.');
    await saveCoding(server.app, target, []);

    await page.keyboard.press('5');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toContain('Someone changed this coding since you opened it.');
    expect(await alert.textContent()).toContain('Saved now: no theme.');

    // Enter again saves the ticks over the newer version and moves on.
    await page.keyboard.press('Enter');
    await expect.poll(() => position.textContent()).toMatch(/^Comment 2 of/);
    const saved = (await commentsOf(server.app, survey.projectId)).find(
      (c) => c.id === shownId,
    );
    expect(saved?.coding?.themeIds).toHaveLength(2);
    expectOnlyRefusals([/status of 409 .*\/api\/comments\/\d+\/coding$/]);
  });

  it('undoes a tick with z and adds a theme inline with n, the footer covering nothing', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const survey = await seedSurvey(server.app, 'Inline theme');
    // A codebook longer than the screen: the list must scroll in its room.
    for (let i = 1; i <= 20; i++)
      seed.theme(server.db, survey.projectId, { name: `Extra theme ${i}` });
    await openPage(survey.projectId, 'code');
    await settledPanel(page).waitFor();
    expect(await coveredByKeyHelp(page)).toEqual([]);
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
    // The form's buttons and "Save & next" stay clear of the key help.
    await page.getByRole('button', { name: 'Cancel (Esc)' }).waitFor();
    await expect.poll(() => coveredByKeyHelp(page)).toEqual([]);
    await page.setViewportSize({ width: 1400, height: 900 });
    await expect.poll(() => coveredByKeyHelp(page)).toEqual([]);
    const save = await page
      .getByRole('button', { name: 'Save & next (Enter)' })
      .boundingBox();
    const help = await page.locator('.key-help').boundingBox();
    expect((save?.y ?? 0) + (save?.height ?? 0)).toBeLessThanOrEqual(
      help?.y ?? 0,
    );

    await page.keyboard.type('Waiting lists');
    await page.keyboard.press('Enter');
    const added = page.getByRole('checkbox', { name: /Waiting lists/ });
    await expect.poll(() => added.isChecked()).toBe(true);
    expect(await ticked.count()).toBe(2);
    // Back on the comment, so the next key acts on it.
    expect(await focused(page)).toBe('section.coding-comment in panel');

    await page.keyboard.press('/');
    const search = page.getByLabel('Search (/)');
    expect(await search.evaluate((e) => e === document.activeElement)).toBe(
      true,
    );
    expectOnlyRefusals([]);
  });

  it('searches with Enter and keeps the ticks made as the queue reloads', async () => {
    await startCoding('Search keys');
    const ticked = page.locator('.theme-picker input:checked');
    const status = page.locator('.queue-header [role=status]');
    const text = page.locator('.comment-text');
    const first = (await text.textContent()) ?? '';
    // Hold the searched queue back until the ticks are made: they must
    // survive it, as the comment on screen is in the new queue too.
    const word = first.split(' ').at(-1)?.replace('.', '') ?? '';
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.searchParams.get('search') === word,
      async (route) => {
        await held;
        await route.continue();
      },
    );

    await page.keyboard.press('/');
    await page.keyboard.type(word);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('section.coding-comment in panel');
    await page.keyboard.press('3');
    await expect.poll(() => ticked.count()).toBe(1);
    release();
    await expect.poll(() => status.textContent()).toMatch(/^0 of 1 coded/);
    await settledPanel(page).waitFor();
    expect(await text.textContent()).toBe(first);
    expect(await page.locator('.position').textContent()).toMatch(
      /^Comment 1 of 1 /,
    );
    expect(await ticked.count()).toBe(1);
    expect(await focused(page)).toBe('section.coding-comment in panel');

    // Esc clears the search and hands the keys back too.
    await page.keyboard.press('/');
    await page.keyboard.press('Escape');
    expect(await page.getByLabel('Search (/)').inputValue()).toBe('');
    await expect.poll(() => status.textContent()).toMatch(/^0 of 1\d coded/);
    await settledPanel(page).waitFor();
    await expect
      .poll(() => focused(page))
      .toBe('section.coding-comment in panel');
    expect(await ticked.count()).toBe(1);
    expectOnlyRefusals([]);
  });

  it('opens the comments its coders disagree on from the header', async () => {
    const survey = await seedSurvey(server.app, 'Disagreed');
    const comments = await commentsOf(server.app, survey.projectId);
    const target = commentStarting(comments, 'Far too many forms');
    await saveCoding(server.app, target, [themeId(survey, 'Paperwork')]);
    seed.coding(server.db, target.id, {
      coderId: ensureCoder(server.db, 'ann', 'person'),
      themeIds: [themeId(survey, 'Time')],
    });
    await openPage(survey.projectId, 'code');
    await settledPanel(page).waitFor();
    await page.getByRole('button', { name: '1 unreconciled' }).click();
    expect(await page.getByLabel('Status').inputValue()).toBe('unreconciled');
    await expect
      .poll(() => page.locator('.position').textContent())
      .toMatch(/^Comment 1 of 1 /);
    await settledPanel(page).waitFor();
    expect(await page.locator('.comment-text').textContent()).toBe(target.text);
    expect(await page.locator('.other-codings').textContent()).toContain(
      'ann:',
    );
    expect(await seriousViolations(page)).toEqual([]);
    expectOnlyRefusals([]);
  });

  it('shows the counts in the chart and the table, and the comments behind a count', async () => {
    await openCodedReport('Counted');
    await page.getByLabel('Chart').check();
    const bars = page.locator('.chart .recharts-bar-rectangle path');
    await expect.poll(() => bars.count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    expect(await tableTotal(page)).toBe(3);
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
    await page
      .getByLabel('Filter respondents by')
      .selectOption('local_authority');
    // No value is picked for the user: nothing filters until they choose.
    const value = page.getByLabel('local_authority is');
    expect(
      await value.evaluate(
        (e: HTMLSelectElement) => e.selectedOptions[0]?.text,
      ),
    ).toBe('choose a value…');
    expect(await tableTotal(page)).toBe(3);
    await value.selectOption('North');
    expect(await tableTotal(page)).toBe(2);
    await value.selectOption('South');
    expect(await tableTotal(page)).toBe(1);
    await page.getByLabel('Filter respondents by').selectOption('');
    await expect.poll(() => value.count()).toBe(0);
    expect(await tableTotal(page)).toBe(3);
    expectOnlyRefusals([]);
  });

  it('downloads the counts and codings shown: group and filter', async () => {
    await openCodedReport('Exported');
    await page
      .getByLabel('Filter respondents by')
      .selectOption('local_authority');
    await page.getByLabel('local_authority is').selectOption('North');
    await settledReport(page).waitFor();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('link', {
          name: 'Counts for Parents/carers, local_authority: North, CSV',
        })
        .click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/North.*Parents|Parents.*North/);
    const rows = parse<Record<string, string>>(readFileSync(await csv.path()), {
      bom: true,
      columns: true,
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.group))).toEqual(
      new Set(['Parents/carers']),
    );
    expect(new Set(rows.map((r) => r.filter))).toEqual(
      new Set(['local_authority: North']),
    );
    // P-001, the one North parent, has two coded comments.
    expect(rows.reduce((sum, r) => sum + Number(r.count), 0)).toBe(2);

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('link', {
          name: 'Coded comments, a row per theme, all groups, local_authority: North, XLSX',
        })
        .click(),
    ]);
    expect(xlsx.suggestedFilename()).toContain('North');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBeGreaterThan(1);
    expectOnlyRefusals([]);
  });

  it('keeps many groups and questions readable: tabs wrap, colours differ', async () => {
    const db = server.db;
    const projectId = seed.project(db, { name: 'Wide' });
    const groups = Array.from({ length: 14 }, (_, i) =>
      seed.group(db, projectId, { name: `Respondent group ${i + 1}` }),
    );
    const questions = Array.from({ length: 14 }, (_, i) =>
      seed.question(db, projectId, { key: `q${i + 1}`, label: `Q${i + 1}` }),
    );
    const theme = seed.theme(db, projectId, { name: 'Waiting' });
    for (const questionId of questions) {
      const commentId = seed.comment(db, {
        projectId,
        questionId,
        respondent: { groupId: groups[0] ?? null },
      });
      seed.coding(db, commentId, {
        coderId: server.app.localCoderId,
        themeIds: [theme],
      });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await openPage(projectId, 'report');
    const first = page.getByRole('tab', {
      name: 'Respondent group 1',
      exact: true,
    });
    await first.waitFor();
    await settledReport(page).waitFor();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(1280);

    // Twelve colours, then the same colours with a pattern.
    const bars = page.locator('.chart .recharts-bar-rectangle path');
    await expect.poll(() => bars.count()).toBe(14);
    const fills = await bars.evaluateAll((paths) =>
      paths.map((p) => p.getAttribute('fill') ?? ''),
    );
    expect(new Set(fills.slice(0, 12)).size).toBe(12);
    expect(fills[12]).toMatch(/^url\(#question-fill-\d+\)$/);
    expect(await page.locator('.chart pattern').count()).toBe(2);
    // Whole numbers, up to the largest count (1), not beyond.
    const ticks = await page
      .locator('.chart .recharts-xAxis-tick-labels text')
      .allTextContents();
    expect(ticks).toEqual(['0', '1']);

    // Tabs per the WAI-ARIA pattern: End, Home, and arrows that wrap.
    await first.focus();
    const selected = page.getByRole('tab', { selected: true });
    await page.keyboard.press('End');
    expect(await selected.textContent()).toBe('Respondent group 14');
    await page.keyboard.press('Home');
    expect(await selected.textContent()).toBe('Respondent group 1');
    await page.keyboard.press('ArrowLeft');
    expect(await selected.textContent()).toBe('Respondent group 14');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Respondent group 14',
    );
    expect(await seriousViolations(page)).toEqual([]);
    expectOnlyRefusals([]);
  });

  it('downloads the chart as SVG and PNG', async () => {
    await openCodedReport('Charted');
    await page.locator('.chart .recharts-wrapper > svg').waitFor();
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Chart SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe('Charted - Parents_carers.svg');
    const svgText = readFileSync(await svg.path(), 'utf8');
    expect(svgText).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('Partnership');
    // The file stands alone: title, base, filter and the counting note.
    expect(svgText).toContain('Charted — Parents/carers');
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
    expectOnlyRefusals([]);
  });

  it('refuses to delete a theme in use, with the reason, until confirmed', async () => {
    const survey = await seedSurvey(server.app, 'Codebook');
    const comments = await commentsOf(server.app, survey.projectId);
    await saveCoding(server.app, comments[0] as CommentDetail, [
      themeId(survey, 'Paperwork'),
    ]);
    await openPage(survey.projectId, 'codebook');
    const row = page.getByRole('row', { name: /Paperwork/ });
    await row.waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Transport');
    await page.getByRole('button', { name: 'Add theme' }).click();
    await page.getByRole('row', { name: /Transport/ }).waitFor();

    // The one theme a comment is coded with.
    const used = await page
      .locator('table.themes tbody tr', { hasText: 'Paperwork' })
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
    expectOnlyRefusals([/status of 409 .*\/api\/themes\/\d+$/]);
  });
});
