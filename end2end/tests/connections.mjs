// The connections page of the demo estate: rows for both clouds, filters that change the rows
// and live in the URL (a deep link restores them), and the CSV export of the filtered set.
import { test, expect, waitFor, openPage } from '../lib/harness.mjs';

async function waitForRows(page, url) {
  await waitFor(async () => {
    await page.goto(url);
    return (await page.$$('#connections tbody tr')).length > 0;
  }, `rows at ${url}`, 60000);
}

const total = async (page) => Number((await page.textContent('#summary')).match(/(\d+) connection/)[1]);

test('connections of both clouds, tunnels side by side, without JavaScript', async ({ browser, base }) => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await waitForRows(page, `${base}/connections`);
  expect(await total(page) >= 80, `total: ${await page.textContent('#summary')}`);
  const clouds = await page.$$eval('#connections tbody tr td:nth-child(3)', (tds) => tds.map((t) => t.textContent));
  expect(clouds.some((c) => c.startsWith('Alibaba Cloud')) && clouds.some((c) => c.startsWith('Huawei Cloud')), 'both clouds');
  const tunnelCells = await page.$$eval('#connections tbody tr:first-child td.tunnel', (tds) => tds.length);
  expect(tunnelCells >= 1, 'tunnel columns');
  // Worst first by default: no "up" row before a "down" row.
  const states = await page.$$eval('#connections tbody tr', (trs) => trs.map((tr) => tr.dataset.state));
  expect(states.lastIndexOf('down') < Math.max(0, states.indexOf('up')) || !states.includes('up'), `order: ${states}`);
  await context.close();
});

test('a filter changes the rows and its deep link restores it', async ({ browser, base }) => {
  const { context, page } = await openPage(browser);
  await waitForRows(page, `${base}/connections`);
  await waitFor(async () => (await page.getAttribute('.app', 'data-hydrated')) === 'true', 'hydration');
  const all = await total(page);
  await page.selectOption('#filters select[name=state]', 'down');
  await page.selectOption('#filters select[name=cloud]', 'huawei');
  await Promise.all([page.waitForURL(/state=down/), page.click('#filters button[type=submit]')]);
  expect(page.url().includes('cloud=huawei'), page.url());
  const filtered = await total(page);
  expect(filtered > 0 && filtered < all, `filtered ${filtered} of ${all}`);
  const states = await page.$$eval('#connections tbody tr', (trs) => trs.map((tr) => tr.dataset.state));
  expect(states.every((s) => s === 'down'), `states: ${states}`);
  // A fresh browser opening the same URL sees the same filter and rows.
  const deep = page.url();
  const other = await openPage(browser, { javaScriptEnabled: false });
  await other.page.goto(deep);
  expect(await other.page.$eval('#filters select[name=state]', (s) => s.value) === 'down', 'state restored');
  expect(await total(other.page) === filtered, 'same rows');
  await other.context.close();
  expect(page.problems.length === 0, page.problems.join('; '));
  await context.close();
});

test('the CSV export holds the filtered set', async ({ browser, base }) => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await waitForRows(page, `${base}/connections?state=down`);
  const shown = await total(page);
  const href = await page.getAttribute('#csv-export', 'href');
  const response = await fetch(`${base}${href}`);
  expect(response.headers.get('content-type').startsWith('text/csv'), 'content type');
  const lines = (await response.text()).trim().split('\n');
  expect(lines[0].startsWith('cloud,account,region,connection_id'), lines[0]);
  expect(lines.length - 1 === shown, `${lines.length - 1} CSV rows for ${shown} shown`);
  expect(lines.slice(1).every((l) => l.split(',')[5] === 'down'), 'only down rows');
  const bad = await fetch(`${base}/connections.csv?state=exploded`);
  expect(bad.status === 400 && (await bad.text()).includes('state must be one of'), 'bad filter named');
  await context.close();
});

test('a connection opens its detail: configuration, tunnels and timeline', async ({ browser, base }) => {
  const { context, page } = await openPage(browser);
  await waitForRows(page, `${base}/connections`);
  await waitFor(async () => (await page.getAttribute('.app', 'data-hydrated')) === 'true', 'hydration');
  const name = await page.textContent('#connections tbody tr:first-child td:nth-child(2) a');
  await page.click('#connections tbody tr:first-child td:nth-child(2) a');
  await waitFor(async () => (await page.textContent('#connection-title').catch(() => '')) === name, 'the detail page');
  expect((await page.$$('#tunnels .part')).length >= 1, 'tunnels shown');
  expect((await page.textContent('#configuration')).length > 50, 'configuration shown');
  expect(page.problems.length === 0, page.problems.join('; '));
  await context.close();
});

test('a live update swaps the rows in and keeps the filters being set and the text being typed', async ({ browser, base }) => {
  const { context, page } = await openPage(browser);
  await waitForRows(page, `${base}/connections`);
  await waitFor(async () => (await page.getAttribute('.app', 'data-hydrated')) === 'true', 'hydration');
  // Marks that a swap removes (the table) and that a reload would remove (the window flag).
  await page.evaluate(() => { window.__sameDocument = true; document.querySelector('#connections').dataset.before = 'yes'; });
  await page.selectOption('#filters select[name=state]', 'down');
  await page.click('#filters input[name=q]');
  await page.keyboard.type('fra');
  // Change the emulated estate and sync it: the page is told over its event stream.
  const status = await page.evaluate(async () => (await fetch('/api/system/status', { method: 'POST' })).json());
  const moved = await fetch(`${status.demo_cloud.base_url}/_emulator/clock/advance`, { method: 'POST', body: JSON.stringify({ seconds: 1800 }) });
  expect(moved.ok, `clock advance: ${moved.status}`);
  await page.evaluate(() => fetch('/api/sync/refresh', { method: 'POST' }));
  await waitFor(async () => (await page.getAttribute('#connections', 'data-before')) === null, 'the rows swapped in by a live update', 60000);
  expect(await page.evaluate(() => window.__sameDocument === true), 'updated without a reload');
  expect((await page.inputValue('#filters input[name=q]')) === 'fra', `typed text kept: ${await page.inputValue('#filters input[name=q]')}`);
  expect((await page.inputValue('#filters select[name=state]')) === 'down', 'the chosen state kept');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('name') === 'q'), 'the search field keeps the focus');
  expect(page.problems.length === 0, page.problems.join('\n'));
  await context.close();
});
