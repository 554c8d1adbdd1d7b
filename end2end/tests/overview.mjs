// The overview of the demo estate: the sync engine has crawled the built-in emulator, and the
// page shows both clouds worst-first, sites reached from both clouds, and data freshness —
// in the server's HTML (no JavaScript) and updating itself once hydrated.
import { test, expect, waitFor, openPage } from '../lib/harness.mjs';

/// The first sync runs at start-up; give it time, reloading like a user would.
async function waitForSync(page, base) {
  await waitFor(async () => {
    await page.goto(`${base}/`);
    return (await page.$$('#regions tbody tr')).length >= 8;
  }, 'the demo estate in the overview', 60000);
}

test('the overview lists every demo account and region, worst first, without JavaScript', async ({ browser, base }) => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await waitForSync(page, base);
  const rows = await page.$$eval('#regions tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  const clouds = rows.map((r) => r[0]);
  expect(clouds.includes('Alibaba Cloud') && clouds.includes('Huawei Cloud'), `clouds: ${clouds}`);
  // Worst first: a row with connections down never follows a row with none down.
  const downs = rows.map((r) => Number((/▼ (\d+) down/.exec(r[3]) || [0, 0])[1]));
  expect(downs.every((d, i) => i === 0 || d <= downs[i - 1]), `connections down per row: ${downs}`);
  const banner = await page.textContent('#freshness');
  expect(/Data as of \d{4}-\d\d-\d\d/.test(banner), `banner: ${banner}`);
  await context.close();
});

test('sites reached from both clouds are one row', async ({ browser, base }) => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await waitForSync(page, base);
  const sites = await page.$$eval('#sites tbody tr', (trs) => trs.map((tr) => tr.textContent));
  expect(sites.some((s) => s.includes('Alibaba Cloud + Huawei Cloud')), `sites: ${sites}`);
  expect(sites.every((s) => /\d+ of \d+|no connection/.test(s)), `tunnel counts: ${sites}`);
  await context.close();
});

test('the hydrated overview shows sync progress and refreshes itself', async ({ browser, base }) => {
  const { context, page } = await openPage(browser);
  await waitForSync(page, base);
  await waitFor(async () => (await page.getAttribute('.app', 'data-hydrated')) === 'true', 'hydration');
  const built = await page.textContent('#freshness .muted');
  expect((await page.textContent('#sync-progress')).includes('API calls'), 'sync progress shown');
  // The page polls every 10 s: the "page built" time moves without a reload.
  await page.evaluate(() => { window.__sameDocument = true; });
  await waitFor(async () => (await page.textContent('#freshness .muted')) !== built, 'a refresh', 25000);
  expect(await page.evaluate(() => window.__sameDocument === true), 'refreshed without a reload');
  expect(page.problems.length === 0, page.problems.join('; '));
  await context.close();
});

test('"Refresh now" schedules every sync job at once', async ({ browser, base }) => {
  const { context, page } = await openPage(browser);
  await waitForSync(page, base);
  await waitFor(async () => (await page.getAttribute('.app', 'data-hydrated')) === 'true', 'hydration');
  await page.click('#refresh-now');
  await waitFor(async () => /^\d+ sync jobs scheduled now$/.test(await page.textContent('#refresh-result')), 'refresh result');
  const n = Number((await page.textContent('#refresh-result')).split(' ')[0]);
  expect(n >= 8 * 5, `jobs scheduled: ${n}`);
  expect(page.problems.length === 0, page.problems.join('; '));
  await context.close();
});
