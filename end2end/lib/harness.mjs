// A small test runner for the browser tests: named tests run in order against one server,
// each gets a fresh browser context, failures are counted, and the process exits non-zero when
// anything failed. (The @playwright/test runner would try to download its own browser.)
import { chromium } from 'playwright-core';

const tests = [];
export function test(name, fn) { tests.push({ name, fn }); }

export function expect(cond, message) { if (!cond) throw new Error(message); }

export async function waitFor(fn, what, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try { if (await fn()) return; } catch (e) { last = e; }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // Without the background-networking flags Chromium keeps dialling Google's hosts, which
    // this machine's closed network refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/// Opens a page that records page errors, console errors and failed responses, so every test
/// can assert the page ran cleanly.
export async function openPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console error: ${m.text()}`); });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico') && !page.expected404) {
      page.problems.push(`HTTP ${r.status()} for ${r.url()}`);
    }
  });
  return { context, page };
}

export async function runAll(ctx) {
  let passed = 0, failed = 0;
  for (const { name, fn } of tests) {
    const started = Date.now();
    try {
      await fn(ctx);
      passed++;
      console.log(`  ok   ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`  FAIL ${name}: ${e.message}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}
