// The history page: a timeline readable without JavaScript, with its filters in the URL.
import { test, expect, openPage } from '../lib/harness.mjs';

test('the history page shows the timeline and keeps its filters in the URL', async ({ browser, base }) => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await page.goto(`${base}/history?window=7d&what=config`);
  expect(await page.$eval('#history-filters select[name=window]', (s) => s.value) === '7d', 'window restored');
  expect(await page.$eval('#history-filters select[name=what]', (s) => s.value) === 'config', 'filter restored');
  const whats = await page.$$eval('#events > li', (lis) => lis.map((li) => li.dataset.what));
  expect(whats.every((w) => w === 'config'), `only config changes: ${whats}`);
  expect((await page.$('#history-summary')) !== null || (await page.$('#no-events')) !== null, 'summary or empty state');
  page.expected404 = true;
  await page.goto(`${base}/history?window=forever`);
  expect((await page.textContent('main')).includes('window must be one of'), 'a bad window is named');
  await context.close();
});
