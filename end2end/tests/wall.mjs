// Users, roles and the NOC wall, end to end: the first admin is created with the setup link
// the server printed, creates a wall token, the wall opens in a fresh browser context without
// signing in, shows an emulator state change without a reload, and refuses the token once it
// is revoked. A signed-out visitor is a read-only guest in the demo (no admin pages).
import { test, expect, waitFor, openPage } from '../lib/harness.mjs';

const hydrated = (page) => page.waitForSelector('.app[data-hydrated=true]');

test('a guest cannot use the admin pages; the first admin is created with the setup link', async ({ browser, base, shared }) => {
  const { context, page } = await openPage(browser);
  page.expected404 = true; // the refused admin calls answer 403
  await page.goto(`${base}/admin/users`);
  expect((await page.textContent('#admin-refused')).includes('Sign in as an admin'), 'a guest is refused');
  expect((await page.getAttribute('#signed-in-as', 'data-role')) === 'viewer', 'the demo guest is a viewer');
  const setup = shared.setupPath && shared.setupPath();
  expect(setup, 'the server printed a setup link on its first start');
  await page.goto(`${base}${setup}`);
  await hydrated(page);
  await page.fill('#setup-form input[name=name]', 'noc-admin');
  await page.fill('#setup-form input[name=password]', 'a long admin password');
  await Promise.all([page.waitForURL(/\/admin\/users$/), page.click('#setup-form button[type=submit]')]);
  await page.waitForSelector('#users tr[data-user=noc-admin]');
  expect((await page.textContent('#signed-in-as')).includes('noc-admin · admin'), 'signed in as the new admin');
  shared.adminCookies = await context.cookies();
  // The link works once.
  await page.goto(`${base}${setup}`);
  await hydrated(page);
  await page.fill('#setup-form input[name=name]', 'second');
  await page.fill('#setup-form input[name=password]', 'a long admin password');
  await page.click('#setup-form button[type=submit]');
  await waitFor(async () => (await page.textContent('#form-error')).includes('wrong, used or expired'), 'the used token refused');
  await context.close();
});

test('a wall token opens a live, scoped wall that stops working when revoked', async ({ browser, base, shared }) => {
  expect(shared.adminCookies, 'needs the admin from the previous test');
  const admin = await openPage(browser);
  await admin.context.addCookies(shared.adminCookies);
  await admin.page.goto(`${base}/admin/walls`);
  await hydrated(admin.page);
  await admin.page.fill('#create-wall input[name=name]', 'NOC left');
  await admin.page.fill('#create-wall input[name=days]', '1');
  await admin.page.click('#create-wall button[type=submit]');
  const link = await (await admin.page.waitForSelector('#wall-link')).getAttribute('href');
  expect(/^\/wall\/gww_[A-Za-z0-9_-]{43}$/.test(link), `wall link: ${link}`);
  await admin.page.waitForSelector('#wall-tokens tr[data-token="NOC left"][data-status=active]');

  // A fresh context: no cookies, no session.
  const wall = await openPage(browser);
  await wall.page.goto(`${base}${link}`);
  expect((await wall.page.$('.topbar')) === null, 'the wall has no navigation bar');
  await wall.page.waitForSelector('#wall-banner');
  expect((await wall.page.$$('.wall-sites .tile')).length > 0, 'site tiles');
  await waitFor(async () => (await wall.page.getAttribute('#wall', 'data-live')) === 'live', 'the event stream is open');
  await wall.page.evaluate(() => { window.notReloaded = true; });
  const bannerBefore = await wall.page.textContent('#wall-banner');

  // Change the emulated estate and sync it: the wall updates by itself.
  const status = await admin.page.evaluate(async () => (await fetch('/api/system/status', { method: 'POST' })).json());
  const emulator = `${status.demo_cloud.base_url}/_emulator`;
  const moved = await fetch(`${emulator}/clock/advance`, { method: 'POST', body: JSON.stringify({ seconds: 3600 }) });
  expect(moved.ok, `clock advance: ${moved.status}`);
  await admin.page.evaluate(() => fetch('/api/sync/refresh', { method: 'POST' }));
  await waitFor(async () => (await wall.page.textContent('#wall-banner')) !== bannerBefore
    && (await wall.page.$$('#wall-changes li')).length > 0, 'the state change on the wall', 60000);
  expect(await wall.page.evaluate(() => window.notReloaded === true), 'updated without a reload');

  // Revoke: the open wall is told, and the link no longer opens.
  wall.page.expected404 = true;
  await admin.page.click('#wall-tokens tr[data-token="NOC left"] button.danger');
  await admin.page.waitForSelector('#wall-tokens tr[data-token="NOC left"][data-status=revoked]');
  await admin.page.evaluate(() => fetch('/api/sync/refresh', { method: 'POST' }));
  await waitFor(async () => (await wall.page.$('#wall-refused')) !== null, 'the open wall refuses the revoked token', 90000);
  await wall.page.goto(`${base}${link}`);
  expect((await wall.page.textContent('#wall-refused')).includes('not valid'), 'the revoked link is refused');
  const audit = await admin.page.goto(`${base}/admin/audit?action=wall_token_revoked`);
  expect(audit.ok(), 'audit page');
  expect((await admin.page.$$('#audit tr[data-action=wall_token_revoked]')).length === 1, 'the revocation is audited');
  for (const p of [admin.page, wall.page]) {
    const problems = p.problems.filter((x) => !/\b40[34]\b/.test(x));
    expect(problems.length === 0, problems.join('; '));
  }
  await wall.context.close();
  await admin.context.close();
});
