// The Routes page of the demo estate: the conflict report (without JavaScript) lists the
// mistakes the emulator plants, the IP lookup shows the hop list to a site, and a routes
// filter changes the rows.
import { test, expect, waitFor, openPage } from '../lib/harness.mjs';

// The first sync runs at server start: reload until the report has findings.
async function waitForFindings(page, url) {
  await waitFor(async () => {
    await page.goto(url);
    return (await page.$$('#conflicts li.finding')).length > 0 && (await page.$$('#routes tbody tr')).length > 0;
  }, `findings at ${url}`, 90000);
}

const total = async (page) => Number((await page.textContent('#route-summary')).match(/(\d+) route/)[1]);

test('the conflict report explains each planted mistake, without JavaScript', async ({ browser, base }) => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await waitForFindings(page, `${base}/routes`);
  const kinds = await page.$$eval('#conflicts li.finding', (lis) => lis.map((li) => li.dataset.kind));
  for (const k of ['on_prem_conflict', 'shadowed_route', 'reserved_range', 'ssl_pool_overlap']) {
    expect(kinds.includes(k), `${k} in ${[...new Set(kinds)]}`);
  }
  const texts = await page.$$eval('#conflicts li.finding .explanation', (ps) => ps.map((p) => p.textContent));
  expect(texts.every((t) => t.length > 20), 'every finding is explained');
  expect(texts.some((t) => t.includes('100.64.0.0/10')), 'the CGNAT finding names the range');
  const groups = await page.$$eval('#conflicts section.severity', (ss) => ss.map((s) => s.dataset.severity));
  expect(groups.length > 0 && groups[0] === 'error', `grouped worst first: ${groups}`);
  await context.close();
});

test('the IP lookup shows the path to the site', async ({ browser, base }) => {
  const { context, page } = await openPage(browser);
  await waitForFindings(page, `${base}/routes`);
  await waitFor(async () => (await page.getAttribute('.app', 'data-hydrated')) === 'true', 'hydration');
  // The VPC field suggests the VPCs of both clouds (Huawei's by their gateway).
  const vpcs = await page.$$eval('#trace-vpcs option', (os) => os.map((o) => o.textContent));
  expect(vpcs.length > 0 && vpcs.some((l) => l.startsWith('VPC of gateway')), `VPC suggestions: ${vpcs}`);
  await page.fill('#trace-form input[name=ip]', '172.16.1.10');
  await Promise.all([page.waitForURL(/ip=172\.16\.1\.10/), page.click('#trace-form button[type=submit]')]);
  await page.waitForSelector('#trace li.hop');
  const hops = await page.$$eval('#trace li.hop', (lis) => lis.map((li) => li.dataset.kind));
  expect(hops.length >= 3, `hops: ${hops}`);
  expect(hops[0].endsWith('table') || hops[0].endsWith('gateway'), `starts at a table: ${hops}`);
  // Table → gateway → connection → tunnel → site, or table → VBR → leased line.
  const outcome = await page.textContent('#trace-outcome');
  const vpn = hops.includes('connection') && (hops[hops.length - 1] === 'customer_gateway' || outcome.includes('down'));
  const line = hops.includes('vbr') && hops[hops.length - 1] === 'physical_connection';
  expect(vpn || line, `ends at a site or a leased line: ${hops} / ${outcome}`);
  const text = await page.textContent('#trace');
  expect(text.includes('172.16.1.0/24'), `the matched prefix is shown: ${text}`);
  // A bad address is refused with the field named (no JavaScript needed for that either).
  const bare = await openPage(browser, { javaScriptEnabled: false });
  await bare.page.goto(`${base}/routes?ip=not-an-ip`);
  expect((await bare.page.textContent('#trace-error')).includes('`ip`'), 'the field is named');
  await bare.context.close();
  expect(page.problems.length === 0, page.problems.join('; '));
  await context.close();
});

test('a routes filter changes the rows', async ({ browser, base }) => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await waitForFindings(page, `${base}/routes`);
  const all = await total(page);
  await page.selectOption('#route-filters select[name=source]', 'vpn_destination');
  await Promise.all([page.waitForURL(/source=vpn_destination/), page.click('#route-filters button[type=submit]')]);
  const filtered = await total(page);
  expect(filtered > 0 && filtered < all, `filtered ${filtered} of ${all}`);
  const sources = await page.$$eval('#routes tbody tr', (trs) => trs.map((tr) => tr.dataset.source));
  expect(sources.every((s) => s === 'vpn_destination'), `sources: ${[...new Set(sources)]}`);
  await context.close();
});
