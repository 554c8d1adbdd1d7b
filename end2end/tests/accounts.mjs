// Admin → Cloud accounts and Sync & retention, end to end: the admin (left by wall.mjs's first
// test) adds an account pointing at the demo emulator, tests it, edits it keeping its secret,
// removes it after typing its name; no secret of the emulator's estate is ever in the page.
// Then sync settings: a bad value is refused naming its field, a good one is in force.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test, expect, waitFor, openPage } from '../lib/harness.mjs';

const hydrated = (page) => page.waitForSelector('.app[data-hydrated=true]');
const repo = join(import.meta.dirname, '..', '..');

/// The demo estate's keys: `gatewatch emulator` with the server's defaults (seed 42, size
/// demo) generates the same ones and prints them; it runs only until they are printed.
async function demoKeys() {
  const bin = process.env.GATEWATCH_BIN || join(repo, 'target', 'debug', 'gatewatch');
  const child = spawn(bin, ['emulator', '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  try {
    await new Promise((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`gatewatch emulator exited (${code}): ${out}`)));
      // Everything is printed at once, then it serves: done when the output goes quiet.
      let quiet;
      child.stdout.on('data', (chunk) => {
        out += chunk.toString();
        clearTimeout(quiet);
        if (out.includes('huawei AK=')) quiet = setTimeout(resolve, 300);
      });
    });
  } finally {
    child.kill('SIGINT');
  }
  const ali = /aliyun AccessKeyId=(\S+) AccessKeySecret=(\S+) regions=(\S+)/.exec(out);
  const secrets = [...out.matchAll(/(?:AccessKeySecret|SK)=(\S+)/g)].map((m) => m[1]);
  return { id: ali[1], secret: ali[2], region: ali[3].split(',')[0], secrets };
}

const masked = (id) => { const k = Math.min(4, Math.floor(id.length / 4)); return `${id.slice(0, k)}…${id.slice(id.length - k)}`; };

test('an admin adds, tests, edits and removes a cloud account; its secret never reaches the page', async ({ browser, base, shared }) => {
  expect(shared.adminCookies, 'needs the admin from wall.mjs');
  const keys = await demoKeys();
  expect(keys.secrets.length >= 2 && keys.id && keys.secret, 'the emulator printed the demo keys');
  const { context, page } = await openPage(browser);
  await context.addCookies(shared.adminCookies);
  const noSecret = async (when) => {
    const html = await page.content();
    for (const s of keys.secrets) expect(!html.includes(s), `a demo secret is in the page ${when}`);
  };
  await page.goto(`${base}/admin/accounts`);
  await hydrated(page);
  const sys = await page.evaluate(async () => (await fetch('/api/system/status', { method: 'POST' })).json());
  const endpoint = `${sys.demo_cloud.base_url}/aliyun/`;
  // The demo accounts are listed, key ids masked.
  await page.waitForSelector('#accounts tr[data-account]');
  await noSecret('listing the demo accounts');

  // Add, tested first (the checkbox is on by default).
  await page.selectOption('#add-cloud', 'aliyun');
  await page.fill('#add-name', 'E2E Alibaba');
  await page.fill('#add-key-id', keys.id);
  await page.fill('#add-secret', keys.secret);
  await page.fill('#add-regions', keys.region);
  await page.fill('#add-endpoints', `*=${endpoint}`);
  expect(await page.isChecked('#add-test-first'), 'test first is the default');
  await page.click('#add-account button[type=submit]');
  const row = '#accounts tr[data-account="E2E Alibaba"]';
  await page.waitForSelector(row);
  expect((await page.textContent(`${row} code.key-id`)) === masked(keys.id), 'the key id is masked');
  await noSecret('after adding');

  // Test connection: OK with a latency.
  await page.click(`${row} button[aria-label="Test connection of E2E Alibaba"]`);
  await waitFor(async () => (await page.textContent('#form-status')).includes('E2E Alibaba: connection OK'), 'the connection test passes');
  expect((await page.getAttribute('#form-status', 'data-ok')) === 'true', 'the status is marked OK');

  // Edit: a new name; key id and secret left blank keep the stored ones (tested first).
  await page.click(`${row} summary:has-text("Edit E2E Alibaba")`);
  const edit = `${row} form.edit-account`;
  await page.fill(`${edit} input[name=name]`, 'E2E Alibaba renamed');
  await page.click(`${edit} button[type=submit]`);
  const renamed = '#accounts tr[data-account="E2E Alibaba renamed"]';
  await page.waitForSelector(renamed);
  await page.click(`${renamed} button[aria-label="Test connection of E2E Alibaba renamed"]`);
  await waitFor(async () => (await page.textContent('#form-status')).includes('E2E Alibaba renamed: connection OK'), 'the edited account still connects');
  await noSecret('after editing');

  // Remove: a wrong name is refused with the right one named; the right one removes it.
  await page.click(`${renamed} summary:has-text("Remove…")`);
  const remove = `${renamed} form.remove-account`;
  page.expected404 = true; // the refused removal answers 400
  await page.fill(`${remove} input[name=confirm]`, 'E2E Alibaba');
  await page.click(`${remove} button[type=submit]`);
  await waitFor(async () => (await page.textContent('#form-status')).includes('"E2E Alibaba renamed"'), 'the refusal names the account');
  page.expected404 = false;
  await page.fill(`${remove} input[name=confirm]`, 'E2E Alibaba renamed');
  await page.click(`${remove} button[type=submit]`);
  await waitFor(async () => (await page.$(renamed)) === null, 'the account is gone');
  await noSecret('at the end');
  // The one refusal above (400) is expected; nothing else may have failed.
  const unexpected = page.problems.filter((p) => !p.includes('400'));
  expect(unexpected.length === 0, unexpected.join('\n'));
  await context.close();
});

test('a live update leaves an opened edit form open with what was typed in it', async ({ browser, base, shared }) => {
  const { context, page } = await openPage(browser);
  await context.addCookies(shared.adminCookies);
  await page.goto(`${base}/admin/accounts`);
  await hydrated(page);
  const row = '#accounts tr[data-account]:first-child';
  const name = await page.getAttribute(row, 'data-account');
  await page.click(`${row} summary:has-text("Edit ${name}")`);
  await page.fill(`${row} form.edit-account input[name=name]`, `${name} (typed)`);
  await page.evaluate(() => { window.__sameDocument = true; document.querySelector('#accounts').dataset.before = 'yes'; });
  // Change the emulated estate and sync it: the page is told over its event stream.
  const status = await page.evaluate(async () => (await fetch('/api/system/status', { method: 'POST' })).json());
  const moved = await fetch(`${status.demo_cloud.base_url}/_emulator/clock/advance`, { method: 'POST', body: JSON.stringify({ seconds: 1800 }) });
  expect(moved.ok, `clock advance: ${moved.status}`);
  await page.evaluate(() => fetch('/api/sync/refresh', { method: 'POST' }));
  await waitFor(async () => (await page.getAttribute('#accounts', 'data-before')) === null, 'the table swapped in by a live update', 60000);
  expect(await page.evaluate(() => window.__sameDocument === true), 'updated without a reload');
  expect(await page.isVisible(`${row} form.edit-account button[type=submit]`), 'the edit form is still open');
  expect((await page.inputValue(`${row} form.edit-account input[name=name]`)) === `${name} (typed)`, 'what was typed is kept');
  await context.close();
});

test('an admin changes the sync intervals; a bad value is refused naming its field', async ({ browser, base, shared }) => {
  const { context, page } = await openPage(browser);
  await context.addCookies(shared.adminCookies);
  await page.goto(`${base}/admin/sync`);
  await hydrated(page);
  page.expected404 = true;
  // Below the hot interval (30 s by default); the browser's own min (5) lets it through.
  await page.fill('#cold_interval_secs', '10');
  await page.click('#sync-settings button[type=submit]');
  await waitFor(async () => (await page.textContent('#form-status')).includes('cold_interval_secs'), 'the refusal names the field');
  // A refusal keeps what was typed (the form is not reloaded; before, a reload wiped it and
  // raced the next edit). Half a second gives a reload the time it took.
  await page.waitForTimeout(500);
  expect((await page.inputValue('#cold_interval_secs')) === '10', 'the refused value is still in its field');
  page.expected404 = false;
  await page.fill('#cold_interval_secs', '');
  await page.fill('#hot_interval_secs', '15');
  await page.click('#sync-settings button[type=submit]');
  await waitFor(async () => (await page.textContent('#hot_interval_secs-hint')).includes('In force: 15 s'), 'the new interval is in force');
  // Back to the configuration's value.
  await page.fill('#hot_interval_secs', '');
  await page.click('#sync-settings button[type=submit]');
  await waitFor(async () => (await page.textContent('#hot_interval_secs-hint')).includes('In force: 30 s'), 'the default is back');
  await context.close();
});
