// Runs the browser tests against a real gatewatch server with its own embedded PostgreSQL.
// Then stops the server with SIGINT (as Ctrl-C does) and checks that PostgreSQL stopped too,
// starts it again on the same data dir and checks that the data (a session) is still there.
//
//   node run.mjs                 # start target/debug/gatewatch (or $GATEWATCH_BIN) itself
//   node run.mjs --use URL       # test a server that is already running (cargo leptos end-to-end)
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, runAll, openPage, expect } from './lib/harness.mjs';
import { freePort, makeDataDir, startServer, processesMentioning } from './lib/server.mjs';
import './tests/foundation.mjs';
import './tests/overview.mjs';
import './tests/connections.mjs';
import './tests/topology.mjs';
import './tests/bgp.mjs';
import './tests/history.mjs';
import './tests/routes.mjs';
import './tests/gateways.mjs';
import './tests/bgp_peer.mjs';
// Last: they move the demo estate's clock.
import './tests/wall.mjs';
import './tests/accounts.mjs';
import './tests/plain_forms.mjs';
import './tests/alerts.mjs';
import './tests/operator.mjs';
import './tests/history_diff.mjs';

const useIdx = process.argv.indexOf('--use');
const browser = await launchBrowser();
const shared = {};
let failed = 0;
try {
  if (useIdx > 0) {
    failed = await runAll({ browser, base: process.argv[useIdx + 1], shared });
  } else {
    const dataDir = makeDataDir();
    const port = await freePort();
    let server = await startServer({ dataDir, port });
    shared.setupPath = () => server.setupPath;
    failed = await runAll({ browser, base: server.base, shared });
    const { page } = await openPage(browser);
    await page.goto(`${server.base}/`);
    const shots = join(import.meta.dirname, 'screenshots');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'overview.png'), fullPage: true });
    failed += await lifecycle({ server, dataDir, port });
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

/// Ctrl-C stops PostgreSQL too; a second start reuses the cluster and its data.
async function lifecycle({ server, dataDir, port }) {
  try {
    const exit = await server.stop();
    expect(exit.code === 0, `gatewatch exit after SIGINT: ${JSON.stringify(exit)}`);
    const left = processesMentioning(dataDir);
    expect(left.length === 0, `processes left running on ${dataDir}: ${left}`);
    const again = await startServer({ dataDir, port });
    try {
      const { context, page } = await openPage(browser);
      await context.addCookies(shared.cookies || []);
      await page.goto(`${again.base}/settings`);
      expect((await page.getAttribute('.app', 'class')).includes('density-compact'), 'the session did not survive a restart');
      await context.close();
    } finally {
      const exit2 = await again.stop();
      expect(exit2.code === 0, `second exit: ${JSON.stringify(exit2)}`);
    }
    console.log('  ok   Ctrl-C stops PostgreSQL; a restart reuses the cluster and its data');
    // Kept when something failed, for a look at the cluster and its log; removed otherwise.
    if (!failed) rmSync(dataDir, { recursive: true, force: true });
    return 0;
  } catch (e) {
    console.log(`  FAIL lifecycle: ${e.message}`);
    return 1;
  }
}
