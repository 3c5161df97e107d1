import { join } from 'node:path';
import {
  ensureClientBuilt,
  fixturesDir,
  launchChromium,
  startServer,
  watchConsole,
} from './helpers';

const server = await ensureClientBuilt().then(startServer);
const browser = await launchChromium();
const page = await (await browser.newContext()).newPage();
const errs = watchConsole(page);
page.setDefaultTimeout(5000);
try {
  await page.goto(server.baseUrl);
  await page.getByLabel('Project name').fill('EHC');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('heading', { name: 'Import a survey' }).waitFor();
  await page
    .getByLabel('Survey file (CSV or XLSX)')
    .setInputFiles(join(fixturesDir, 'small-survey.csv'));
  await page
    .getByLabel('Use of column local_authority')
    .selectOption('attribute');
  await page.getByRole('button', { name: 'Import 8 rows' }).click();
  await page.waitForTimeout(1500);
  console.log(await page.locator('main').innerText());
  await page.getByRole('link', { name: 'Code', exact: true }).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/vb/code.png', fullPage: true });
  console.log(await page.locator('main').innerText());
  await page.keyboard.press('a');
  await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: 'Report', exact: true }).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/vb/report.png', fullPage: true });
  console.log(await page.locator('main').innerText());
} catch (e) {
  console.log('ERR', e);
}
console.log('console', errs);
await browser.close();
await server.close();
