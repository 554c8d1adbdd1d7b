// The foundation's promises, checked in a real browser: the page is rendered on the server,
// the WASM bundle hydrates it, server functions answer, sessions live in PostgreSQL.
import { test, expect, waitFor, openPage } from '../lib/harness.mjs';

const NAV = ['Overview', 'Connections', 'Gateways', 'Routes', 'BGP', 'Topology', 'History', 'Wall', 'Settings'];

async function hydrated(page) {
  await waitFor(async () => (await page.getAttribute('.app', 'data-hydrated')) === 'true', 'hydration');
}

test('pages are server-rendered: content is there with JavaScript disabled', async ({ browser, base }) => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await page.goto(`${base}/settings`);
  const version = await page.textContent('#pg-version');
  expect(/^\d+\.\d+/.test(version.trim()), `PostgreSQL version shown: ${version}`);
  expect((await page.textContent('#migrations')).includes('applied'), 'migrations listed');
  const demo = await page.textContent('#demo-cloud');
  expect(/^emulator at http:\/\/127\.0\.0\.1:\d+ \(seed 42\): 2 accounts, 40 connections per cloud$/.test(demo.trim()), `demo cloud: ${demo}`);
  const links = await page.$$eval('nav[aria-label="Main"] a', (as) => as.map((a) => a.textContent.trim()));
  expect(JSON.stringify(links) === JSON.stringify(NAV), `navigation: ${links}`);
  expect((await page.getAttribute('.app', 'data-hydrated')) === 'false', 'no hydration without JS');
  expect(page.problems.length === 0, page.problems.join('; '));
  await context.close();
});

test('hydration: a click changes the page and the choice survives a reload (session in PostgreSQL)', async ({ browser, base, shared }) => {
  const { context, page } = await openPage(browser);
  await page.goto(`${base}/settings`);
  await hydrated(page);
  expect((await page.getAttribute('.app', 'class')).includes('density-comfortable'), 'starts comfortable');
  await page.click('#density-compact');
  await waitFor(async () => (await page.getAttribute('.app', 'class')).includes('density-compact'), 'compact class');
  await waitFor(async () => (await page.textContent('#density-saved')) === 'Saved: Compact', 'saved message');
  // A fresh server render must already carry the choice: it came from the session row.
  await page.reload();
  expect((await page.getAttribute('.app', 'class')).includes('density-compact'), 'compact after reload');
  expect(page.problems.length === 0, page.problems.join('; '));
  shared.cookies = await context.cookies();
  const cookie = shared.cookies.find((c) => c.name === 'gatewatch_session');
  expect(cookie && cookie.httpOnly && cookie.sameSite === 'Lax', `session cookie flags: ${JSON.stringify(cookie)}`);
  await context.close();
});

test('a server function answers: the database check reports its round trip', async ({ browser, base }) => {
  const { context, page } = await openPage(browser);
  await page.goto(`${base}/`);
  await hydrated(page);
  await page.click('#ping-db');
  await waitFor(async () => /PostgreSQL answered in \d+(\.\d+)? ms/.test(await page.textContent('#ping-result')), 'ping result');
  // The overview refreshes its live region (every 10 s); the island holding the answer is
  // rendered the same by the server, so it is kept, answer and all.
  await page.evaluate(() => { window.__sameDocument = true; });
  const before = await page.textContent('#freshness');
  await waitFor(async () => (await page.textContent('#freshness')) !== before, 'a live refresh', 25000);
  expect(/PostgreSQL answered/.test(await page.textContent('#ping-result')), 'the answer survived the refresh');
  expect(await page.evaluate(() => window.__sameDocument === true), 'refreshed without a reload');
  expect(page.problems.length === 0, page.problems.join('; '));
  await context.close();
});

test('the navigation reaches every page, each server-rendered with its islands live', async ({ browser, base }) => {
  // Pages are whole server renders (only the interactive islands load WASM): a link is a page
  // load, and each page's live-update island hydrates again.
  const { context, page } = await openPage(browser);
  await page.goto(`${base}/`);
  await hydrated(page);
  for (const label of NAV.slice(1)) {
    await page.click(`nav[aria-label="Main"] >> text="${label}"`);
    await waitFor(async () => (await page.textContent('main h1')) === label, `${label} heading`);
    expect((await page.getAttribute(`nav[aria-label="Main"] >> text="${label}"`, 'aria-current')) === 'page', `${label} marked current`);
    await hydrated(page);
  }
  expect(page.problems.length === 0, page.problems.join('; '));
  await context.close();
});

test('an unknown address gets the friendly 404 page with status 404', async ({ browser, base }) => {
  const { context, page } = await openPage(browser);
  page.expected404 = true;
  const response = await page.goto(`${base}/no/such/page`);
  expect(response.status() === 404, `status ${response.status()}`);
  expect((await page.textContent('main h1')) === 'Nothing here', '404 heading');
  expect((await page.textContent('main')).includes('/no/such/page'), 'names the address');
  await context.close();
});

test('health and readiness probes answer', async ({ base }) => {
  expect((await (await fetch(`${base}/healthz`)).text()) === 'ok', 'healthz');
  const ready = await fetch(`${base}/readyz`);
  expect(ready.status === 200 && (await ready.text()) === 'ready', 'readyz');
});
