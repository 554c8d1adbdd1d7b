// Screenshots of every console page in the light and the dark theme (Playwright's colorScheme
// emulation drives the CSS's prefers-color-scheme), against the demo server once its first
// sync is complete. Writes end2end/screenshots/<page>-light.png and <page>-dark.png.
//
//   node screenshots.mjs              # start target/debug/gatewatch (or $GATEWATCH_BIN) itself
//   node screenshots.mjs --use URL    # a server that is already running
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, waitFor } from './lib/harness.mjs';
import { freePort, makeDataDir, startServer } from './lib/server.mjs';

const useIdx = process.argv.indexOf('--use');
const dataDir = useIdx > 0 ? null : makeDataDir();
const server = dataDir ? await startServer({ dataDir, port: await freePort() }) : null;
const base = server ? server.base : process.argv[useIdx + 1];
const out = join(import.meta.dirname, 'screenshots');
mkdirSync(out, { recursive: true });
const browser = await launchBrowser();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Wait for a complete first sync: sites reached from both clouds need every unit written.
  await waitFor(async () => {
    await page.goto(`${base}/gateways`);
    return (await page.textContent('main')).includes('across 2 clouds');
  }, 'the first sync', 120000);
  await page.goto(`${base}/connections`);
  const connection = await page.getAttribute('#connections tbody tr a[href^="/connections/"]', 'href');
  await page.goto(`${base}/bgp`);
  // The peer with the most learned prefixes (column 9), so the chart and list have content.
  const peer = await page.$$eval('#sessions tbody tr', (trs) => trs
    .map((tr) => ({ href: tr.querySelector('a.peer').getAttribute('href'), learned: Number(tr.children[8].textContent) }))
    .sort((a, b) => b.learned - a.learned)[0].href);
  await context.close();
  const pages = [
    ['overview', '/'], ['connections', '/connections'], ['connection', connection],
    ['gateways', '/gateways'], ['routes', '/routes'], ['bgp', '/bgp'], ['bgp-peer', peer],
    ['topology', '/topology'], ['history', '/history'], ['history-diff', '/history/diff'],
    ['settings', '/settings'],
  ];
  for (const scheme of ['light', 'dark']) {
    const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const p = await ctx.newPage();
    for (const [name, path] of pages) {
      await p.goto(`${base}${path}`);
      await waitFor(async () => (await p.getAttribute('.app', 'data-hydrated')) === 'true', `${name} hydrated`);
      // The first screenful: whole pages of the demo estate run to megabytes each.
      await p.screenshot({ path: join(out, `${name}-${scheme}.png`) });
      console.log(`  ${name}-${scheme}.png`);
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  if (server) {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
