// The topology of the demo estate: an SVG drawn on the server (readable without JavaScript),
// and groups that collapse and expand by link.
import { test, expect, waitFor, openPage } from '../lib/harness.mjs';

const nodeCount = async (page) => Number((await page.textContent('#topology-summary')).match(/^(\d+)/)[1]);

test('the topology renders as server-side SVG and groups collapse and expand', async ({ browser, base }) => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await waitFor(async () => {
    await page.goto(`${base}/topology`);
    return (await page.$('#graph svg')) !== null;
  }, 'the topology drawing', 60000);
  const full = await nodeCount(page);
  expect(full > 20, `nodes: ${full}`);
  expect((await page.textContent('#graph svg')).includes('DC'), 'sites are labelled');
  // Collapse everything, then expand one cloud: the node count follows.
  await page.goto(`${base}/topology?expand=`);
  const collapsed = await nodeCount(page);
  expect(collapsed < full, `${collapsed} < ${full}`);
  await page.click('#groups a[data-action=expand] >> nth=0');
  const expanded = await nodeCount(page);
  expect(expanded > collapsed, `${expanded} > ${collapsed}`);
  await context.close();
});
