// Operator actions in the browser: an admin creates an operator and a viewer; the operator
// reveals a connection's pre-shared key after a confirmation that names the connection, its
// account and region (the key is never in the server-rendered page, and the reveal is
// audited) and downloads the peer configuration (the second time from the vault); the
// viewer gets no button, and a direct call of the endpoint is refused with 403.
import { test, expect, waitFor, openPage } from '../lib/harness.mjs';

const hydrated = (page) => page.waitForSelector('.app[data-hydrated=true]');
const PASSWORD = 'a long operator password';

async function addUser(page, base, name, role) {
  await page.goto(`${base}/admin/users`);
  await hydrated(page);
  await page.fill('#add-user input[name=name]', name);
  await page.fill('#add-user input[name=password]', PASSWORD);
  await page.selectOption('#add-user select[name=role]', role);
  await page.click('#add-user button[type=submit]');
  await page.waitForSelector(`#users tr[data-user=${name}]`);
}

async function signIn(browser, base, name) {
  const opened = await openPage(browser);
  await opened.page.goto(`${base}/login`);
  await hydrated(opened.page);
  await opened.page.fill('#login-form input[name=name]', name);
  await opened.page.fill('#login-form input[name=password]', PASSWORD);
  await Promise.all([opened.page.waitForURL((u) => !u.pathname.startsWith('/login')), opened.page.click('#login-form button[type=submit]')]);
  return opened;
}

test('an operator reveals a PSK after a confirmation naming it; a viewer cannot', async ({ browser, base, shared }) => {
  expect(shared.adminCookies, 'needs the admin created by wall.mjs');
  const admin = await openPage(browser);
  await admin.context.addCookies(shared.adminCookies);
  await addUser(admin.page, base, 'olga-op', 'operator');
  await addUser(admin.page, base, 'vic-viewer', 'viewer');

  // The operator, in a fresh context, opens an Alibaba Cloud connection.
  const op = await signIn(browser, base, 'olga-op');
  await waitFor(async () => {
    await op.page.goto(`${base}/connections?cloud=aliyun`);
    return (await op.page.$$('#connections tbody tr')).length > 0;
  }, 'Alibaba connections', 60000);
  const href = await op.page.getAttribute('#connections tbody tr:first-child td a', 'href');
  const id = decodeURIComponent(href.split('/').pop());
  await op.page.goto(`${base}${href}`);
  await hydrated(op.page);
  await op.page.click('#reveal-psk');
  const question = await (await op.page.waitForSelector('#confirm-action')).textContent();
  expect(question.includes(`Reveal the pre-shared key of connection ${id}`), `confirmation: ${question}`);
  expect(/in account .+ \/ region .+\?/.test(question), `names account and region: ${question}`);
  // Cancel does nothing; confirming reveals.
  await op.page.click('#confirm-no');
  expect((await op.page.$('#psk-result')) === null, 'nothing revealed after Cancel');
  await op.page.click('#reveal-psk');
  await op.page.click('#confirm-yes');
  const field = await op.page.waitForSelector('#psk-result input.psk-value');
  const psk = await field.inputValue();
  expect(psk.length >= 8 && psk !== '******' && !psk.includes('redacted'), `revealed: ${psk.length} chars`);
  // Never in the server-rendered page, neither as markup nor as serialised resources.
  const html = await (await op.context.request.get(`${base}${href}`)).text();
  expect(html.includes(id) && !html.includes(psk), 'the PSK is not in the page HTML');
  // Hide clears it from the page.
  await op.page.click('#psk-hide');
  await waitFor(async () => (await op.page.$('#psk-result')) === null, 'the key hidden');
  // The peer configuration downloads as a file holding that key; the second comes from the vault.
  for (const source of ['fresh from the cloud', 'from the vault']) {
    await op.page.click('#download-peer-config');
    const asked = await (await op.page.waitForSelector('#confirm-action')).textContent();
    expect(asked.includes(`Download the peer configuration`) && asked.includes(id), `confirmation: ${asked}`);
    const [download] = await Promise.all([op.page.waitForEvent('download'), op.page.click('#confirm-yes')]);
    expect(download.suggestedFilename() === `${id}-peer-config.json`, `file: ${download.suggestedFilename()}`);
    const saved = await download.path();
    const text = (await import('node:fs')).readFileSync(saved, 'utf8');
    expect(text.includes(psk) && text.includes('IkeConfig'), 'the saved config holds the key');
    await waitFor(async () => (await op.page.textContent('#peer-config-done')).includes(source), `saved ${source}`);
  }
  // A Huawei Cloud connection: its API can neither read a PSK back nor export a peer
  // configuration, so the operator gets the reason instead of buttons that would fail.
  await op.page.goto(`${base}/connections?cloud=huawei`);
  const huawei = await op.page.getAttribute('#connections tbody tr:first-child td a', 'href');
  await op.page.goto(`${base}${huawei}`);
  await hydrated(op.page);
  const why = await (await op.page.waitForSelector('#operator-not-offered')).textContent();
  expect(why.includes('Huawei Cloud never returns'), `reason: ${why}`);
  expect((await op.page.$('#reveal-psk')) === null && (await op.page.$('#download-peer-config')) === null,
    'no PSK or peer-config button on a Huawei connection');
  expect(op.page.problems.length === 0, `operator page problems: ${op.page.problems}`);

  // The reveal is in the audit log (without the key).
  await admin.page.goto(`${base}/admin/audit?action=psk_revealed`);
  const rows = await admin.page.$$('#audit tr[data-action=psk_revealed]');
  expect(rows.length === 1, `audit rows: ${rows.length}`);
  expect(!(await admin.page.content()).includes(psk), 'no PSK in the audit page');

  // The viewer sees no button, and the endpoint refuses a direct call.
  const viewer = await signIn(browser, base, 'vic-viewer');
  viewer.page.expected404 = true; // the refused call answers 403
  await viewer.page.goto(`${base}${href}`);
  await hydrated(viewer.page);
  await viewer.page.waitForSelector('#connection-title');
  expect((await viewer.page.$('#reveal-psk')) === null, 'no Reveal PSK button for a viewer');
  expect((await viewer.page.$('#download-peer-config')) === null, 'no download button for a viewer');
  const status = await viewer.page.evaluate(async (cid) => (await fetch('/api/operator/psk', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ connection_id: cid }),
  })).status, id);
  expect(status === 403, `viewer's direct call: ${status}`);
  for (const c of [admin.context, op.context, viewer.context]) await c.close();
});
