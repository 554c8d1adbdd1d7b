// A BGP peer of the looking glass: opened from its session row, its facts, the prefix-count
// chart drawn as SVG on the server, and its prefix list with a direction filter in the URL.
import { test, expect, waitFor, openPage } from '../lib/harness.mjs';

test('a BGP peer shows its prefix-count chart and prefixes, filtered by direction in the URL', async ({ browser, base }) => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await waitFor(async () => {
    await page.goto(`${base}/bgp`);
    return (await page.$$('#sessions tbody tr a.peer')).length > 0;
  }, 'BGP sessions', 60000);
  // The sessions with the most learned prefixes (column 9), most first.
  const hrefs = await page.$$eval('#sessions tbody tr', (trs) => trs
    .map((tr) => ({ href: tr.querySelector('a.peer').getAttribute('href'), learned: Number(tr.children[8].textContent) }))
    .sort((a, b) => b.learned - a.learned)
    .slice(0, 4)
    .map((s) => s.href));
  await page.click(`#sessions a.peer[href="${hrefs[0]}"]`);
  await page.waitForURL(/\/bgp\/peer\?id=/);
  expect((await page.textContent('h1')).startsWith('BGP peer'), 'peer title');
  expect((await page.textContent('#peer-facts')).includes('ASNs'), 'facts');
  expect((await page.textContent('#data-as-of')).includes('Data as of'), 'freshness shown');
  expect((await page.$$('#prefix-chart path.series.learned')).length === 1, 'the chart is server-drawn SVG');
  const summary = async () => (await page.textContent('#prefix-summary')).match(/\d+/g).map(Number);
  // The list's count comes from the session sync (every 30 s), the peer's prefixes from the
  // route sync (every 10 min): a flaky session that was down at the last route sync has
  // none stored yet, so the next candidate is taken.
  let [learned, advertised] = await summary();
  for (const next of hrefs.slice(1)) {
    if (learned > 0) break;
    await page.goto(`${base}${next}`);
    [learned, advertised] = await summary();
  }
  const all = await page.$$eval('#prefixes tbody tr', (trs) => trs.map((tr) => tr.dataset.direction));
  expect(learned > 0 && all.length === learned + advertised, `prefixes: ${all.length} for ${learned} + ${advertised}`);

  await page.selectOption('#peer-filters select[name=dir]', 'advertised');
  await page.selectOption('#peer-filters select[name=window]', '7d');
  await Promise.all([page.waitForURL(/dir=advertised/), page.click('#peer-filters button[type=submit]')]);
  const only = await page.$$eval('#prefixes tbody tr', (trs) => trs.map((tr) => tr.dataset.direction));
  expect(only.length === advertised && only.every((d) => d === 'advertised'), `advertised only: ${only}`);
  if (advertised === 0) expect((await page.$('#no-prefixes')) !== null, 'empty direction says so');
  const deep = page.url();
  const other = await openPage(browser, { javaScriptEnabled: false });
  await other.page.goto(deep);
  expect(await other.page.$eval('#peer-filters select[name=dir]', (s) => s.value) === 'advertised', 'direction restored');
  expect(await other.page.$eval('#peer-filters select[name=window]', (s) => s.value) === '7d', 'window restored');
  await other.context.close();
  expect(page.problems.length === 0, page.problems.join('; '));
  await context.close();
});
