// History between two instants: the emulator's clock jumps ahead (tunnels and BGP sessions
// change state), a sync runs, and the comparison from before the jump shows the changes.
// Runs last: it moves the shared demo estate's time.
import { test, expect, waitFor, openPage } from '../lib/harness.mjs';

/// "2026-11-25T18:00:05" in UTC, what the page's datetime-local inputs hold.
const utc = (d) => d.toISOString().slice(0, 19);

test('the two-point history diff shows what an emulator change did', async ({ browser, base }) => {
  const { context, page } = await openPage(browser);
  await page.goto(`${base}/history/diff`);
  // Server functions answer our own pages only: call them from the page.
  const call = (endpoint) => page.evaluate(async (e) => {
    const r = await fetch(`/api/${e}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    return { status: r.status, body: await r.json() };
  }, endpoint);
  const status = await call('system/status');
  expect(status.status === 200 && status.body.demo_cloud, `demo cloud: ${JSON.stringify(status.body)}`);
  const admin = `${status.body.demo_cloud.base_url}/_emulator`;
  const before = new Date(Date.now() - 2000);
  await waitFor(async () => {
    const moved = await fetch(`${admin}/clock/advance`, { method: 'POST', body: JSON.stringify({ seconds: 7200 }) });
    expect(moved.ok, `clock advance: ${moved.status}`);
    expect((await call('sync/refresh')).status === 200, 'refresh now');
    await new Promise((r) => setTimeout(r, 3000));
    await page.goto(`${base}/history/diff?from=${utc(before)}`);
    return (await page.$$('#diff-states li[data-net=true]')).length > 0;
  }, 'a state change after the emulator clock jumped', 90000);
  expect(/\d+ added · \d+ gone · \d+ changed · [1-9]\d* state change\(s\) between/.test(await page.textContent('#diff-summary')), 'summary');
  // Chromium shows whole minutes without ":00" seconds.
  expect((await page.$eval('#diff-filters input[name=from]', (i) => i.value)).startsWith(utc(before).slice(0, 16)), 'from restored from the URL');
  const changed = (await page.$$('#diff-states li')).length;

  // A later first instant leaves out what happened before it.
  await page.fill('#diff-filters input[name=from]', utc(new Date()));
  await Promise.all([page.waitForURL(/from=/), page.click('#diff-filters button[type=submit]')]);
  const later = (await page.$$('#diff-states li')).length;
  expect(later < changed || (await page.$('#diff-empty')) !== null, `later from: ${later} of ${changed}`);
  page.expected404 = true;
  await page.goto(`${base}/history/diff?from=yesterday`);
  expect((await page.textContent('main')).includes('from must be a time like'), 'a bad instant is named');
  await context.close();
});
