// Bytes a browser downloads for a first visit to a page (no cache): the HTML and every file
// it loads, as Chromium's resource timing reports them (transferSize: on the wire, headers
// included; decodedBodySize: after decompression), and the encoding each came with.
//   node end2end/transfer.mjs http://127.0.0.1:3000/connections
import { launchBrowser, openPage } from './lib/harness.mjs';

const url = process.argv[2] || 'http://127.0.0.1:3000/connections';
const browser = await launchBrowser();
const { context, page } = await openPage(browser);
const encodings = new Map();
page.on('response', (r) => encodings.set(r.url(), r.headers()['content-encoding'] || 'identity'));
await page.goto(url);
await page.waitForSelector('.app[data-hydrated=true]', { timeout: 60000 });
const entries = await page.evaluate(() => [
  ...performance.getEntriesByType('navigation'),
  ...performance.getEntriesByType('resource'),
].map((e) => ({ name: e.name, transfer: e.transferSize, decoded: e.decodedBodySize })));
let transfer = 0, decoded = 0;
for (const e of entries) {
  transfer += e.transfer; decoded += e.decoded;
  const name = new URL(e.name).pathname;
  console.log(`${String(e.transfer).padStart(10)} ${String(e.decoded).padStart(10)}  ${(encodings.get(e.name) || '?').padEnd(8)} ${name}`);
}
console.log(`${String(transfer).padStart(10)} ${String(decoded).padStart(10)}  total (bytes on the wire, bytes decoded)`);
await context.close();
await browser.close();
