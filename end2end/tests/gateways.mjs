// Gateways and sites of the demo estate: sites merged across clouds, VPN gateways with their
// connections, worst first, filters in the URL, links to connection detail, empty state.
import { test, expect, waitFor, openPage } from '../lib/harness.mjs';

const RANK = { down: 0, partial: 1, up: 2, unused: 3 };
const rows = (page, table) => page.$$eval(`#${table} tbody tr`, (trs) => trs.map((tr) => ({ state: tr.dataset.state, cloud: tr.dataset.cloud })));

test('gateways and sites: merged sites, worst first, filters in the URL, links to connections', async ({ browser, base }) => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await waitFor(async () => {
    await page.goto(`${base}/gateways`);
    // The first sync is done once connections reach a site from both clouds.
    return (await page.$$('#gateways-table tbody tr')).length > 0 && (await page.textContent('#sites-table')).includes('across 2 clouds');
  }, 'gateways and sites of a full sync', 90000);
  expect((await page.textContent('#data-as-of')).includes('Data as of'), 'freshness shown');
  const sites = await page.$$eval('#sites-table tbody tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent.trim()));
  expect(sites.every((s) => /(\d+ of \d+ tunnels up across \d clouds?)|(no tunnel)/.test(s)), `site lines: ${sites}`);
  expect(sites.some((s) => s.endsWith('across 2 clouds')), `a site reached from both clouds: ${sites}`);
  const all = await rows(page, 'gateways-table');
  const ranks = all.map((r) => RANK[r.state]);
  expect(ranks.every((r, i) => i === 0 || ranks[i - 1] <= r), `worst first: ${all.map((r) => r.state)}`);
  expect(new Set(all.map((r) => r.cloud)).size === 2, 'gateways of both clouds');

  // The filter form is a GET form: submitting it puts the filter in the URL and narrows rows.
  await page.selectOption('#gateways-filters select[name=cloud]', 'huawei');
  await Promise.all([page.waitForURL(/cloud=huawei/), page.click('#gateways-filters button[type=submit]')]);
  const huawei = await rows(page, 'gateways-table');
  expect(huawei.length > 0 && huawei.length < all.length && huawei.every((r) => r.cloud === 'huawei'), `huawei: ${huawei.length} of ${all.length}`);
  const deep = page.url();
  const other = await openPage(browser, { javaScriptEnabled: false });
  await other.page.goto(deep);
  expect(await other.page.$eval('#gateways-filters select[name=cloud]', (s) => s.value) === 'huawei', 'filter restored from the URL');
  expect((await rows(other.page, 'gateways-table')).length === huawei.length, 'same rows from the link');
  await other.context.close();

  // A connection of a gateway opens its detail page.
  const href = await page.getAttribute('#gateways-table tbody tr a[href^="/connections/"]', 'href');
  await page.goto(`${base}${href}`);
  expect((await page.textContent('main')).includes(decodeURIComponent(href.split('/').pop())), 'the connection detail');

  await page.goto(`${base}/gateways?q=no-such-gateway-anywhere`);
  expect((await page.textContent('#no-match')).includes('Nothing matches these filters'), 'designed empty state');
  page.expected404 = true;
  await page.goto(`${base}/gateways?state=sideways`);
  expect((await page.textContent('main')).includes('state must be one of'), 'a bad filter is named');
  await context.close();
});
