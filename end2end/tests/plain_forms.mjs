// Forms without JavaScript (a locked-down NOC browser, or a click before the WASM bundle has
// loaded): each form posts as plain HTML. A refusal comes back as the page naming what was
// wrong (before, the browser showed the raw JSON error); signing in leads to the page asked
// for, signing out to the sign-in page. Needs the admin the wall tests created.
import { test, expect, waitFor, openPage } from '../lib/harness.mjs';

test('without JavaScript, a refused form names its error and signing in and out lead on', async ({ browser, base, shared }) => {
  expect(shared.adminCookies, 'needs the admin from the wall tests');
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await page.goto(`${base}/login?next=${encodeURIComponent('/connections?state=down')}`);
  await page.fill('#login-form input[name=name]', 'noc-admin');
  await page.fill('#login-form input[name=password]', 'not the password');
  await Promise.all([page.waitForNavigation(), page.click('#login-form button[type=submit]')]);
  const refused = await page.textContent('#form-error');
  expect(refused.includes('wrong user name or password'), `the refusal is named: ${refused}`);
  expect(!(await page.content()).includes('"InvalidInput"'), 'no raw JSON error');

  await page.fill('#login-form input[name=name]', 'noc-admin');
  await page.fill('#login-form input[name=password]', 'a long admin password');
  await Promise.all([page.waitForURL(/\/connections\?state=down$/), page.click('#login-form button[type=submit]')]);
  expect((await page.textContent('#signed-in-as')).includes('noc-admin · admin'), 'signed in');
  expect((await page.$('#form-error')) === null, 'no stale refusal');

  // An admin form: the refusal names the field and nothing is stored.
  await page.goto(`${base}/admin/sync`);
  await page.fill('#cold_interval_secs', '10');
  await Promise.all([page.waitForNavigation(), page.click('#sync-settings button[type=submit]')]);
  const field = await page.textContent('#form-error');
  expect(field.includes('cold_interval_secs'), `the refusal names the field: ${field}`);
  expect((await page.textContent('#hot_interval_secs-hint')).includes('In force: 30 s'), 'settings unchanged');

  await Promise.all([page.waitForURL(/\/login$/), page.click('#sign-out')]);
  expect((await page.textContent('#signed-in-as')).includes('guest'), 'signed out');
  expect(page.problems.length === 0, page.problems.join('; '));
  await context.close();
});
