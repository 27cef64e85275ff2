// `npm run bench:web`: how fast the web app redraws after a filter change, in Chromium on this
// machine, against the built server on demo data; and how much JavaScript the first pages load.
// A benchmark, not a test: it prints figures and writes bench/results/web-<timestamp>.json.
/* global fetch, clearTimeout, document, performance, requestAnimationFrame, MutationObserver, Event -- Node 20 has fetch; the rest runs in the page */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ROOT, buildAll } from './build-if-needed.mjs';

const { values: args } = parseArgs({
  options: { lines: { type: 'string', default: '300000' }, repeat: { type: 'string', default: '10' } },
});
const LINES = Number(args.lines);
const REPEAT = Number(args.repeat);
if (!Number.isInteger(LINES) || LINES < 1 || !Number.isInteger(REPEAT) || REPEAT < 2) {
  console.error('Usage: npm run bench:web -- [--lines N (300000)] [--repeat N (10)]');
  process.exit(2);
}
const TARGET_MS = 300;
const TARGET_JS_KB = 250;
const VIEWPORT = { width: 1280, height: 800 };
const ADMIN = { email: 'bench@caseload.local', password: 'bench-web-password-1' };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

console.log('Building Caseload (cached after the first time)…');
buildAll({ quiet: true });

const dataDir = mkdtempSync(join(tmpdir(), 'caseload-bench-web-'));
// A fresh embedded PostgreSQL under its own data directory, never the user's data.
const serverEnv = {
  ...process.env,
  CASELOAD_DATA_DIR: dataDir,
  CASELOAD_ADMIN_EMAIL: ADMIN.email,
  CASELOAD_ADMIN_PASSWORD: ADMIN.password,
  CASELOAD_SECRET: 'bench-web-secret-bench-web-secret-0123456',
  CASELOAD_DEMO: '0',
};
delete serverEnv.DATABASE_URL;

let server = null;
let context = null;
const cleanUp = async () => {
  await context?.close().catch(() => undefined);
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((done) => server.once('exit', done));
  }
  rmSync(dataDir, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void cleanUp().then(() => process.exit(1)));

try {
  console.log(`Seeding ${LINES.toLocaleString('en-US')} demo lines into a fresh embedded database…`);
  const seedStarted = Date.now();
  const seeded = spawnSync(process.execPath, [join(ROOT, 'apps/api/dist/cli.js'), 'seed-demo', '--lines', String(LINES)], { cwd: ROOT, env: serverEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  if (seeded.status !== 0) throw new Error('the demo seed failed');
  const seedMs = Date.now() - seedStarted;
  console.log(`  seeded in ${(seedMs / 1000).toFixed(1)} s`);

  const { url, readyMs } = await startServer();
  console.log(`Server on ${url}, index ready after ${(readyMs / 1000).toFixed(1)} s`);

  const profile = mkdtempSync(join(dataDir, 'chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));

  const javascript = await measureJavaScript(page, url);
  const pages = [];
  for (const target of [
    { name: 'Overview', path: '/', department: 0 },
    { name: 'Volume', path: '/volume', department: 1 },
  ]) {
    pages.push(await measurePage(page, url, target));
  }

  const report = {
    startedAt: new Date(seedStarted).toISOString(),
    options: { lines: LINES, repeat: REPEAT, viewport: VIEWPORT },
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: context.browser()?.version() ?? (await chromiumVersion()), commit: commit() },
    seedMs,
    readyMs,
    targets: { redrawP95Ms: TARGET_MS, initialJsKbGzip: TARGET_JS_KB },
    javascript,
    pages,
    pageErrors: errors,
  };
  printReport(report);
  const results = join(ROOT, 'bench/results');
  mkdirSync(results, { recursive: true });
  const file = join(results, `web-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nFull results: ${file}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

async function freePort() {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** The built server; resolves once it answers and has built its in-memory indexes. */
async function startServer() {
  const port = await freePort();
  const started = Date.now();
  server = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], { cwd: ROOT, env: { ...serverEnv, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  // Until the index is built the API answers from the database; the figures are for the ready server.
  while (!/distinct-count index (built|failed)/.test(output)) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`the server was not ready within 180 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const health = await fetch(`${url}/api/v1/health`);
  if (!health.ok) throw new Error(`the server is not healthy: HTTP ${health.status}\n${output}`);
  return { url, readyMs: Date.now() - started };
}

/** The JavaScript a page load fetches, with the browser cache off: bytes as sent and gzipped. */
async function scriptsOfLoad(page, load) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const responses = [];
  const onResponse = (response) => {
    if (response.request().resourceType() === 'script' || /javascript/.test(response.headers()['content-type'] ?? '')) responses.push(response);
  };
  page.on('response', onResponse);
  try {
    await load();
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('response', onResponse);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.detach();
  }
  const files = [];
  for (const response of responses) {
    const body = await response.body();
    files.push({ file: new URL(response.url()).pathname, bytes: body.length, gzipBytes: gzipSync(body).length });
  }
  const kb = (bytes) => Math.round((bytes / 1000) * 10) / 10;
  return { files, kb: kb(files.reduce((sum, f) => sum + f.bytes, 0)), kbGzip: kb(files.reduce((sum, f) => sum + f.gzipBytes, 0)) };
}

async function measureJavaScript(page, url) {
  const login = await scriptsOfLoad(page, () => page.goto(`${url}/login`));
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL(`${url}/`);
  await waitSettled(page);
  // A full load of the Overview by a signed-in user (the token survives the reload).
  const overview = await scriptsOfLoad(page, () => page.reload());
  await waitSettled(page);
  return { login, overview };
}

async function waitSettled(page) {
  await page.waitForFunction(() => {
    const main = document.querySelector('#main');
    return main !== null && main.querySelector('h1') !== null && main.querySelector('.is-updating, [aria-busy="true"], .skeleton') === null;
  }, undefined, { timeout: 60_000 });
}

/**
 * Runs in the page: applies one filter change as the input event would, then waits until the
 * page has settled — nothing updating or loading, the figures different from before, every
 * chart drawn — and the next frame painted. Returns the milliseconds from the event.
 */
function changeAndSettle({ kind, label, value }) {
  const main = document.querySelector('#main');
  const signature = () => {
    const charts = [...main.querySelectorAll('[role="img"]')].map((chart) => chart.getAttribute('aria-label'));
    return `${main.textContent}|${charts.join('|')}`;
  };
  const settled = (before) =>
    main.querySelector('.is-updating, [aria-busy="true"], .skeleton') === null &&
    [...main.querySelectorAll('.chart-area')].every((area) => area.querySelector('svg, table') !== null) &&
    signature() !== before;
  const search = document.querySelector('[role="search"]');
  const before = signature();
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = () => {
      if (done || !settled(before)) return;
      done = true;
      observer.disconnect();
      const settledAt = performance.now();
      // The frame that shows it: the next animation frame, then the task after its paint.
      requestAnimationFrame(() => setTimeout(() => resolve({ settledMs: settledAt - started, paintedMs: performance.now() - started })));
    };
    const observer = new MutationObserver(finish);
    observer.observe(main, { subtree: true, childList: true, attributes: true, characterData: true });
    const timeout = setTimeout(() => {
      if (!done) reject(new Error(`no settled page 30 s after ${kind} ${label} = ${value}`));
    }, 30_000);
    const started = performance.now();
    if (kind === 'select') {
      const select = [...search.querySelectorAll('label')].find((l) => l.textContent.trim() === label).control;
      select.value = value;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      const box = [...search.querySelectorAll('.multi-select-panel label')].find((l) => l.textContent.trim() === value);
      (box.control ?? box.querySelector('input')).click();
    }
    const poll = () => {
      if (done) return clearTimeout(timeout);
      finish();
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
}

async function change(page, step) {
  const panel = page.locator('.multi-select', { has: page.getByRole('button', { name: /^Departments/ }) });
  if (step.kind === 'department') {
    await panel.getByRole('button', { name: /^Departments/ }).click();
    await panel.getByRole('group').waitFor();
  }
  const timing = await page.evaluate(changeAndSettle, step.kind === 'department' ? { kind: 'checkbox', label: 'Departments', value: step.value } : step);
  if (step.kind === 'department') await page.keyboard.press('Escape');
  return timing;
}

async function departmentNames(page) {
  const button = page.getByRole('button', { name: /^Departments/ });
  await button.click();
  const group = page.locator('.multi-select', { has: button }).getByRole('group');
  await group.locator('label').first().waitFor();
  const names = (await group.locator('label').allInnerTexts()).map((name) => name.trim());
  await page.keyboard.press('Escape');
  return names;
}

/**
 * One page: first-time changes (a filter state neither the browser nor the API has seen: a walk
 * over presets × grains under a department of this page's own), then, for the date preset, the
 * grain and a department, alternating between two values — after one round each answer is in
 * the browser's cache and the API's, as for a user going back and forth.
 */
async function measurePage(page, url, { name, path, department }) {
  console.log(`\n[${name}]`);
  await page.goto(`${url}${path}`);
  await waitSettled(page);
  const departments = await departmentNames(page);
  const own = departments[department * 7 + 3];
  const samples = { firstTime: [], preset: [], grain: [], department: [] };

  const record = async (series, step) => {
    const timing = await change(page, step);
    samples[series]?.push({ ...step, ...timing });
    return timing;
  };

  // First time: select this page's department, then walk the presets × grains without repeating a state.
  await record(null, { kind: 'department', value: own });
  const presets = ['previous_fiscal_year', 'year_to_date', 'fiscal_year_to_date', 'last_12_months'];
  const grains = ['week', 'quarter', 'month'];
  let walk = [];
  presets.forEach((preset, row) => {
    const order = row % 2 === 0 ? grains : [...grains].reverse();
    if (walk.length === 0) walk.push({ kind: 'select', label: 'By', value: order[0] });
    walk.push({ kind: 'select', label: 'Dates', value: preset });
    for (const grain of order.slice(1)) walk.push({ kind: 'select', label: 'By', value: grain });
  });
  walk = walk.slice(0, REPEAT);
  for (const step of walk) await record('firstTime', step);
  await record(null, { kind: 'department', value: own });
  await page.goto(`${url}${path}`);
  await waitSettled(page);

  const alternate = async (series, step, values) => {
    // One round untimed, so both values are cached, then REPEAT timed changes.
    for (const value of values) await record(null, { ...step, value });
    for (let i = 0; i < REPEAT; i++) await record(series, { ...step, value: values[i % values.length] });
  };
  await alternate('preset', { kind: 'select', label: 'Dates' }, ['previous_fiscal_year', 'last_12_months']);
  await alternate('grain', { kind: 'select', label: 'By' }, ['quarter', 'month']);
  await alternate('department', { kind: 'department' }, [departments[0], departments[0]]);

  const summary = {};
  for (const [series, list] of Object.entries(samples)) summary[series] = { n: list.length, ...percentiles(list.map((s) => s.paintedMs)) };
  const cached = [...samples.preset, ...samples.grain, ...samples.department].map((s) => s.paintedMs);
  const all = [...cached, ...samples.firstTime.map((s) => s.paintedMs)];
  summary.cached = { n: cached.length, ...percentiles(cached) };
  summary.all = { n: all.length, ...percentiles(all) };
  for (const [series, figures] of Object.entries(summary)) console.log(`  ${series.padEnd(11)} n=${String(figures.n).padStart(2)}  p50 ${figures.p50} ms  p95 ${figures.p95} ms  max ${figures.max} ms`);
  return { name, path, department: own, summary, samples };
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => (sorted.length === 0 ? 0 : Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]));
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
}

function printReport(report) {
  const verdict = (ok) => (ok ? 'PASS' : 'MISS');
  console.log(`\n## Web: ${report.options.lines.toLocaleString('en-US')} demo lines, Chromium ${report.options.viewport.width}×${report.options.viewport.height}\n`);
  console.log('| page | changes | p50 | p95 | target p95 ≤ 300 ms |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const page of report.pages) {
    for (const [series, label] of [['cached', 'preset/grain/department, answers cached'], ['firstTime', 'first-time (the API computes)'], ['all', 'all']]) {
      const s = page.summary[series];
      console.log(`| ${page.name} | ${label} (n=${s.n}) | ${s.p50} ms | ${s.p95} ms | ${verdict(s.p95 <= TARGET_MS)} |`);
    }
  }
  console.log('\n| initial JavaScript | files | kB | kB gzip | target ≤ 250 kB gzip |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [name, js] of [['login page', report.javascript.login], ['Overview', report.javascript.overview]]) {
    console.log(`| ${name} | ${js.files.length} | ${js.kb} | ${js.kbGzip} | ${verdict(js.kbGzip <= TARGET_JS_KB)} |`);
  }
  if (report.pageErrors.length > 0) console.log(`\nPage errors: ${report.pageErrors.join('; ')}`);
}

function commit() {
  const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

async function chromiumVersion() {
  const result = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}
