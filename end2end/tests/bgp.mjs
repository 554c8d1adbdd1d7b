// The BGP looking glass of the demo estate: sessions without JavaScript, not-established
// first, and a state filter in the URL.
import { test, expect, waitFor, openPage } from '../lib/harness.mjs';

test('BGP sessions are listed worst first and filter by state', async ({ browser, base }) => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await waitFor(async () => {
    await page.goto(`${base}/bgp`);
    return (await page.$$('#sessions tbody tr')).length > 0;
  }, 'BGP sessions', 60000);
  const states = await page.$$eval('#sessions tbody tr', (trs) => trs.map((tr) => tr.dataset.state));
  const firstUp = states.indexOf('up');
  expect(firstUp === -1 || states.slice(firstUp).every((s) => s === 'up'), `order: ${states}`);
  expect(/\d+ established · \d+ not established/.test(await page.textContent('#bgp-summary')), 'summary');
  await page.goto(`${base}/bgp?state=down`);
  const down = await page.$$eval('#sessions tbody tr', (trs) => trs.map((tr) => tr.dataset.state));
  expect(down.length > 0 && down.length < states.length && down.every((s) => s === 'down'), `down: ${down.length} of ${states.length}`);
  expect(await page.$eval('#bgp-filters select[name=state]', (s) => s.value) === 'down', 'filter restored from the URL');
  await context.close();
});
