// The topology of the demo estate: an SVG drawn on the server (readable without JavaScript),
// groups that collapse and expand by link; once hydrated: pan and zoom, a side panel for the
// selected node, drag to pin (kept across reloads), saved layouts, and SVG / PNG / JSON export.
import { readFileSync } from 'node:fs';
import { test, expect, waitFor, openPage } from '../lib/harness.mjs';

const nodeCount = async (page) => Number((await page.textContent('#topology-summary')).match(/^(\d+)/)[1]);

async function openTopology(browser, base, path = '/topology?expand=', options = {}) {
  const { context, page } = await openPage(browser, options);
  await waitFor(async () => {
    await page.goto(`${base}${path}`);
    return (await page.$('#graph svg g.node')) !== null;
  }, 'the topology drawing', 60000);
  if (options.javaScriptEnabled !== false) {
    await waitFor(async () => (await page.getAttribute('.app', 'data-hydrated')) === 'true', 'hydration');
    await waitFor(async () => (await page.getAttribute('#graph', 'class')).includes('interactive'), 'interactive drawing');
  }
  return { context, page };
}

const viewBox = async (page) => (await page.getAttribute('#graph svg', 'viewBox')).split(' ').map(Number);
const nodeData = (page, id) => page.$$eval('#graph g.node', (els, id) => {
  const g = els.find((e) => e.dataset.id === id);
  return g ? { ...g.dataset } : null;
}, id);

/// Drags the first node of `kind` by (dx, dy) pixels; returns its id once the redraw pins it.
async function dragNode(page, kind, dx, dy) {
  const node = page.locator(`#graph g.node[data-kind="${kind}"]`).first();
  const id = await node.getAttribute('data-id');
  const box = await node.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy, { steps: 8 });
  await page.mouse.up();
  await waitFor(async () => (await nodeData(page, id))?.pinned === 'true', `${id} pinned after the drag`);
  return id;
}

test('the topology renders as server-side SVG and groups collapse and expand', async ({ browser, base }) => {
  const { context, page } = await openTopology(browser, base, '/topology', { javaScriptEnabled: false });
  const full = await nodeCount(page);
  expect(full > 20, `nodes: ${full}`);
  expect((await page.textContent('#graph svg')).includes('DC'), 'sites are labelled');
  expect((await page.$$('#graph svg .legend')).length === 1, 'a legend');
  // Collapse everything, expand one cloud, then collapse it again: the node count follows.
  await page.goto(`${base}/topology?expand=`);
  const collapsed = await nodeCount(page);
  expect(collapsed < full, `${collapsed} < ${full}`);
  await page.click('#groups a[data-action=expand] >> nth=0');
  const expanded = await nodeCount(page);
  expect(expanded > collapsed, `${expanded} > ${collapsed}`);
  await page.click('#groups a[data-action=collapse] >> nth=0');
  expect(await nodeCount(page) === collapsed, 'collapsing restores the collapsed view');
  await context.close();
});

test('the drawing pans and zooms with wheel, drag, buttons and keys; a click selects a node', async ({ browser, base }) => {
  const { context, page } = await openTopology(browser, base);
  const whole = await viewBox(page);
  await page.click('#zoom-in');
  const zoomed = await viewBox(page);
  expect(zoomed[2] < whole[2] && zoomed[3] < whole[3], `zoom in: ${zoomed} vs ${whole}`);
  const graph = await page.locator('#graph').boundingBox();
  await page.mouse.move(graph.x + graph.width / 2, graph.y + graph.height / 2);
  await page.mouse.wheel(0, -200);
  await waitFor(async () => (await viewBox(page))[2] < zoomed[2], 'wheel zooms in');
  // Drag the background: the view moves the other way.
  const before = await viewBox(page);
  await page.mouse.move(graph.x + 4, graph.y + 4);
  await page.mouse.down();
  await page.mouse.move(graph.x + 104, graph.y + 4, { steps: 5 });
  await page.mouse.up();
  const panned = await viewBox(page);
  expect(panned[0] < before[0] && panned[2] === before[2], `pan: ${panned} vs ${before}`);
  await page.focus('#graph');
  await page.keyboard.press('ArrowRight');
  expect((await viewBox(page))[0] > panned[0], 'arrow key pans');
  await page.keyboard.press('0');
  expect(JSON.stringify(await viewBox(page)) === JSON.stringify(whole), 'key 0 shows everything');
  // A click (no movement) selects: the side panel shows the node, with links.
  const site = page.locator('#graph g.node[data-kind="Site"]').first();
  const id = await site.getAttribute('data-id');
  await site.click();
  await waitFor(async () => (await page.getAttribute('#topology-panel', 'data-id')) === id, 'the side panel');
  const panel = await page.textContent('#topology-panel');
  expect(panel.includes('Site') && /up|degraded|down|unknown/.test(panel), panel);
  expect((await page.$$('#topology-panel ul.links a')).length >= 1, 'links in the panel');
  expect((await nodeData(page, id)).pinned === undefined, 'a click does not pin');
  await page.keyboard.press('Escape');
  await waitFor(async () => (await page.getAttribute('#topology-panel', 'data-id')) === null, 'Escape deselects');
  expect(page.problems.length === 0, page.problems.join('\n'));
  await context.close();
});

test('a dragged node is pinned, stays pinned after a reload, and can be unpinned', async ({ browser, base }) => {
  const { context, page } = await openTopology(browser, base);
  const id = await dragNode(page, 'Site', 120, 60);
  const pinned = await nodeData(page, id);
  await page.reload();
  await waitFor(async () => (await page.getAttribute('.app', 'data-hydrated')) === 'true', 'hydration after reload');
  const again = await nodeData(page, id);
  expect(again?.pinned === 'true' && again.x === pinned.x && again.y === pinned.y, `after reload: ${JSON.stringify(again)} vs ${JSON.stringify(pinned)}`);
  expect((await page.textContent('#pinned-count')).startsWith('1 '), await page.textContent('#pinned-count'));
  await page.locator('#graph g.node[data-pinned="true"]').first().click();
  await page.click('#unpin');
  await waitFor(async () => (await nodeData(page, id))?.pinned === undefined, 'unpinned');
  expect(page.problems.length === 0, page.problems.join('\n'));
  await context.close();
});

test('pins saved as a named layout load back after unpinning, and the layout can be deleted', async ({ browser, base }) => {
  const { context, page } = await openTopology(browser, base);
  const id = await dragNode(page, 'Group', 80, -40);
  await page.fill('#save-layout input[name=name]', 'e2e layout');
  await page.click('#save-layout button[type=submit]');
  const entry = '#layouts li[data-name="e2e layout"]';
  await waitFor(async () => (await page.$(entry)) !== null, 'the saved layout listed');
  await page.click('#unpin-all');
  await waitFor(async () => (await nodeData(page, id))?.pinned === undefined, 'unpinned all');
  await page.click(`${entry} button[data-action=load]`);
  await waitFor(async () => (await nodeData(page, id))?.pinned === 'true', 'the layout pinned it again');
  await page.click(`${entry} button[data-action=delete]`);
  await waitFor(async () => (await page.$(entry)) === null, 'the layout deleted');
  expect(page.problems.length === 0, page.problems.join('\n'));
  await context.close();
});

test('the current view exports as a valid standalone SVG, as PNG, and the graph as JSON', async ({ browser, base }) => {
  const { context, page } = await openTopology(browser, base);
  await page.click('#zoom-in');
  const shown = await page.getAttribute('#graph svg', 'viewBox');
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
  expect(svgDownload.suggestedFilename() === 'topology.svg', svgDownload.suggestedFilename());
  const svg = readFileSync(await svgDownload.path(), 'utf8');
  expect(svg.startsWith('<?xml') && svg.includes('xmlns="http://www.w3.org/2000/svg"'), svg.slice(0, 200));
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return { error: doc.getElementsByTagName('parsererror').length, root: root.nodeName, viewBox: root.getAttribute('viewBox'), nodes: doc.querySelectorAll('g.node').length };
  }, svg);
  expect(parsed.error === 0 && parsed.root === 'svg' && parsed.nodes > 0, JSON.stringify(parsed));
  expect(parsed.viewBox === shown, `exported ${parsed.viewBox}, shown ${shown}`);
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
  const png = readFileSync(await pngDownload.path());
  expect(pngDownload.suggestedFilename() === 'topology.png' && png.subarray(1, 4).toString() === 'PNG' && png.length > 1000, `png: ${png.length} bytes`);
  const json = await (await page.request.get(`${base}${await page.getAttribute("#export-json", "href")}`)).json();
  expect(json.nodes.length === await nodeCount(page) && json.edges.length > 0, `json: ${json.nodes.length} nodes`);
  expect(json.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y) && n.state), 'positions and states');
  expect(page.problems.length === 0, page.problems.join('\n'));
  await context.close();
});
