// Shared harness for the browser tests: starts the Raamwerk binary on a free port with a fresh
// database, launches the system Chromium through playwright-core, and offers a few helpers.
//
// Environment:
//   RAAMWERK_BIN  path to the built `raamwerk` binary (required)
//   CHROMIUM      path to a Chromium executable (default /usr/bin/chromium)

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const OUTPUT_KEEP_CHARS = 64 * 1024;

const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;
// Log lines may be coloured; strip ANSI escape sequences before matching.
const ANSI = /\u001b\[[0-9;?]*[ -\/]*[@-~]/g;

const running = new Set();
process.on('exit', () => {
  for (const child of running) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
});

function resolveBinary() {
  const bin = process.env.RAAMWERK_BIN;
  if (!bin) {
    throw new Error(
      'RAAMWERK_BIN is not set: point it at the built raamwerk binary, e.g.\n' +
      '  RAAMWERK_BIN=$HOME/.cache/raamwerk-target/debug/raamwerk npm test',
    );
  }
  if (!existsSync(bin) || !statSync(bin).isFile()) {
    throw new Error(`RAAMWERK_BIN=${bin} does not exist or is not a file; build the app first.`);
  }
  return path.resolve(bin);
}

/**
 * Start `raamwerk serve` on 127.0.0.1:0 with a database in a fresh temp directory.
 * Resolves to { baseURL, output(), stop() } once the listening line has been printed.
 */
export async function startApp({ listen = '127.0.0.1:0', extra = [] } = {}) {
  const bin = resolveBinary();
  const dir = mkdtempSync(path.join(tmpdir(), 'raamwerk-browser-'));
  const database = `sqlite://${path.join(dir, 'raamwerk.db')}`;
  const args = ['serve', '--listen', listen, '--database', database, ...extra];
  const child = spawn(bin, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);

  let output = '';
  const append = (chunk) => {
    output += chunk.toString('utf8');
    if (output.length > OUTPUT_KEEP_CHARS) output = output.slice(-OUTPUT_KEEP_CHARS);
  };

  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });

  let baseURL;
  try {
    baseURL = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(
          `raamwerk did not print "listening on http://127.0.0.1:PORT" within ${START_TIMEOUT_MS / 1000} s.\n` +
          `command: ${bin} ${args.join(' ')}\n--- output ---\n${output}`,
        ));
      }, START_TIMEOUT_MS);
      const onData = (chunk) => {
        append(chunk);
        const match = output.replace(ANSI, '').match(LISTENING);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`could not start ${bin}: ${err.message}`));
      });
      exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(
          `raamwerk exited (code ${code}, signal ${signal}) before listening.\n` +
          `command: ${bin} ${args.join(' ')}\n--- output ---\n${output}`,
        ));
      });
    });
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  // Keep draining the pipes so the app never blocks on a full pipe.
  child.stdout.removeAllListeners('data');
  child.stderr.removeAllListeners('data');
  child.stdout.on('data', append);
  child.stderr.on('data', append);

  return {
    baseURL,
    database,
    /** Runs `raamwerk ARGS… --database DB` (e.g. admin commands) and returns its stdout. */
    admin: (...adminArgs) =>
      execFileSync(bin, [...adminArgs, '--database', database], { cwd: dir, encoding: 'utf8' }).trim(),
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launch the system Chromium headless. */
export async function launchBrowser() {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}; set CHROMIUM to its path.`);
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Start the app and the browser for one test file. Call inside a describe() or at top level:
 * registers before/after hooks and returns an object whose fields are filled in by `before`.
 */
export function useAppAndBrowser({ before, after }) {
  const env = { app: null, browser: null, baseURL: null };
  before(async () => {
    env.app = await startApp();
    env.baseURL = env.app.baseURL;
    env.browser = await launchBrowser();
  });
  after(async () => {
    if (env.browser) await env.browser.close();
    if (env.app) await env.app.stop();
  });
  return env;
}

/**
 * Run fn(page, context) in a fresh browser context and close it afterwards.
 * Default viewport is a desktop size; pass Playwright context options to override.
 */
export async function withPage(browser, options, fn) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  try {
    const page = await context.newPage();
    return await fn(page, context);
  } finally {
    await context.close();
  }
}

/** The pathname (no query/hash) of the page's current URL. */
export function pathOf(page) {
  return new URL(page.url()).pathname;
}
