// Starts the real gatewatch binary for the browser tests: its own data directory (so the
// embedded PostgreSQL cluster is created fresh), a free port, and a clean stop with SIGINT.
import { spawn } from 'node:child_process';
import { mkdtempSync, chmodSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..', '..');

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => res(port)); });
  });
}

export function makeDataDir() {
  const dir = mkdtempSync(join(tmpdir(), 'gatewatch-e2e-'));
  // As root the cluster runs as the postgres account, which must be able to enter this dir.
  chmodSync(dir, 0o755);
  return dir;
}

export async function startServer({ dataDir, port }) {
  const bin = process.env.GATEWATCH_BIN || join(repo, 'target', 'debug', 'gatewatch');
  const child = spawn(bin, ['--listen', `127.0.0.1:${port}`, '--data-dir', dataDir], {
    cwd: repo,
    env: { ...process.env, GATEWATCH_SITE_ROOT: process.env.GATEWATCH_SITE_ROOT || join(repo, 'target', 'site'), DATABASE_URL: '', RUST_LOG: 'warn' },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  // The console is passed through; the first-admin setup link it prints is kept for the
  // tests that sign in (a fresh data dir has no admin).
  let setupPath = null;
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    const found = /\/setup\?token=(gws_[A-Za-z0-9_-]{43})/.exec(chunk.toString());
    if (found) setupPath = `/setup?token=${found[1]}`;
  });
  const exited = new Promise((res) => child.on('exit', (code, signal) => res({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120000;
  for (;;) {
    const state = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 200))]);
    if (state) throw new Error(`gatewatch exited during start-up: ${JSON.stringify(state)}`);
    try { if ((await fetch(`${base}/readyz`)).ok) break; } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error('gatewatch did not become ready within 120 s');
  }
  return {
    base,
    get setupPath() { return setupPath; },
    async stop() {
      child.kill('SIGINT');
      return exited;
    },
  };
}

/// PIDs of running processes whose command line mentions `needle` (the data dir).
export function processesMentioning(needle) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes(needle)) pids.push(Number(entry));
    } catch { /* the process ended meanwhile */ }
  }
  return pids;
}
