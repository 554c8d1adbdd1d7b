// Alert webhooks, end to end: the admin adds a webhook pointing at a small HTTP receiver
// started here, presses "Send test", the receiver gets the test alert and the page shows the
// receiver's answer; a receiver answering 500 is reported plainly. The URL's token never
// appears in the page.
import { createServer } from 'node:http';
import { test, expect, waitFor, openPage } from '../lib/harness.mjs';

const hydrated = (page) => page.waitForSelector('.app[data-hydrated=true]');

/// A receiver on 127.0.0.1 (any free port) that keeps what it is sent and answers `status`.
async function receiver() {
  const got = [];
  const state = { status: 200 };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      got.push({ path: req.url, body: JSON.parse(body || 'null') });
      res.writeHead(state.status, { 'content-type': 'text/plain' });
      res.end(state.status === 200 ? 'ok' : 'receiver broke');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { got, state, server, base: `http://127.0.0.1:${server.address().port}` };
}

test('an admin adds a webhook, sends a test and sees what the receiver answered', async ({ browser, base, shared }) => {
  expect(shared.adminCookies, 'needs the admin from the wall tests');
  const rx = await receiver();
  const token = 'T0E2E/B0E2E/e2eSecretToken42';
  const { context, page } = await openPage(browser);
  try {
    await context.addCookies(shared.adminCookies);
    await page.goto(`${base}/admin/alerts`);
    await hydrated(page);
    expect((await page.$('nav.tabs a[href="/admin/alerts"][aria-current=page]')) !== null, 'the Alerts tab is marked');

    // Add a generic JSON webhook.
    await page.fill('#add-webhook input[name=name]', 'e2e receiver');
    await page.selectOption('#add-webhook select[name=kind]', 'generic');
    await page.fill('#add-webhook input[name=url]', `${rx.base}/hook/${token}`);
    await page.click('#add-webhook button[type=submit]');
    const row = '#alert-webhooks tr[data-webhook="e2e receiver"]';
    await page.waitForSelector(`${row}[data-status=enabled]`);
    const host = rx.base.replace('http://', '');
    expect((await page.textContent(`${row} code`)) === `${host}/…`, 'the list shows the host only');
    await waitFor(async () => (await page.inputValue('#add-webhook input[name=url]')) === '', 'the URL field is cleared after adding');

    // Send test: the receiver gets it, the page says HTTP 200.
    await page.click(`${row} button.send-test`);
    await waitFor(async () => (await page.textContent('#form-status')).includes('HTTP 200'), 'the receiver answered 200');
    expect((await page.getAttribute('#form-status', 'data-ok')) === 'true', 'the answer is marked OK');
    // (Real alerts from the demo estate may arrive too: the wall tests moved its clock.)
    const tests = () => rx.got.filter((g) => g.body && g.body.kind === 'test');
    await waitFor(async () => tests().length === 1, 'the receiver got the test');
    expect(tests()[0].path === `/hook/${token}`, `posted to ${tests()[0].path}`);
    expect(tests()[0].body.summary.startsWith('TEST: '), JSON.stringify(tests()[0].body));
    await page.waitForSelector('#alert-deliveries tr[data-event=test][data-status=sent]');

    // The receiver fails: the page says so with its status.
    rx.state.status = 500;
    await page.click(`${row} button.send-test`);
    await page.waitForSelector('#form-status[data-ok=false][data-http="500"]');
    expect((await page.textContent('#form-status')).includes('HTTP 500: receiver broke'), await page.textContent('#form-status'));
    await page.waitForSelector('#alert-deliveries tr[data-event=test][data-status=failed]');

    // Disable, then remove; the token was never in the page.
    await page.click(`${row} button[aria-label="Disable e2e receiver"]`);
    await page.waitForSelector(`${row}[data-status=disabled]`);
    expect(!(await page.content()).includes('e2eSecretToken42'), 'the token is not in the page');
    const fresh = await page.goto(`${base}/admin/alerts`);
    expect(!(await fresh.text()).includes('e2eSecretToken42'), 'the token is not in the server-rendered page');
    await hydrated(page);
    await page.click(`${row} button.danger`);
    await page.waitForSelector('#no-webhooks');
    const audit = await page.goto(`${base}/admin/audit?action=alert_webhook_tested`);
    expect(audit.ok(), 'audit page');
    expect((await page.$$('#audit tr[data-action=alert_webhook_tested]')).length === 2, 'both tests are audited');
    expect(page.problems.length === 0, page.problems.join('; '));
  } finally {
    await context.close();
    rx.server.close();
  }
});
