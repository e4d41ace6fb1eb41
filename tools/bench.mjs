#!/usr/bin/env node
// Measures Tend's first load: what the browser transfers for the home screen
// (raw and brotli bytes per file, and in total), every
// file of the build (what the service worker precaches and the SCORM
// package holds), and the median Lighthouse mobile scores of several runs,
// with the site served with brotli compression as a production host would.
//
//   node tools/bench.mjs [--dir dist] [--runs 3] [--budget-kb N]
//
// What counts is what a person feels (LCP, TBT, a repeat visit), so there is
// no byte budget by default; with --budget-kb it exits 1 when the first load
// goes over that many kB brotli. Lighthouse reports are kept in
// bench-results/.
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { chromium } from 'playwright-core';
import { COMPRESSIBLE, serve } from './serve.mjs';
import { siteFiles } from './sw.mjs';

const run = promisify(execFile);
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function args() {
  const out = { dir: 'dist', runs: 3, 'budget-kb': 0 };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in out) || argv[i + 1] === undefined) {
      console.error('usage: node tools/bench.mjs [--dir dist] [--runs 3] [--budget-kb N]');
      process.exit(2);
    }
    out[name] = name === 'dir' ? argv[i + 1] : Number(argv[i + 1]);
  }
  return out;
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const brotliSize = (buf) =>
  brotliCompressSync(buf, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
      [zlib.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;

/** Loads the home screen in Chromium and lists the same-origin files it fetched. */
async function firstLoadFiles(site) {
  const browser = await chromium.launch({ executablePath: CHROME, headless: true, args: CHROME_FLAGS.slice(1) });
  try {
    const context = await browser.newContext({ locale: 'en-US' });
    const seen = [];
    const precached = [];
    context.on('response', (res) => {
      // The service worker's own fetches (its precache, filled in the
      // background once the page is up) are not what the page needs first.
      if (res.request().serviceWorker()) {
        precached.push(res.url());
        return;
      }
      seen.push({ url: res.url(), status: res.status(), encoding: res.headers()['content-encoding'] ?? '' });
    });
    const page = await context.newPage();
    await page.goto(`${site.url}#/`, { waitUntil: 'networkidle' });
    await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 15000 });
    await page.waitForLoadState('networkidle');
    await context.close();
    return { seen, precached };
  } finally {
    await browser.close();
  }
}

async function lighthouse(url, i) {
  const out = join(ROOT, 'bench-results', `lighthouse-${i + 1}.json`);
  const bin = join(ROOT, 'node_modules', '.bin', 'lighthouse');
  await run(
    bin,
    [
      url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      '--only-categories=performance,accessibility,best-practices',
      `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    ],
    { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 64 << 20, timeout: 180000 },
  );
  const lhr = JSON.parse(await readFile(out, 'utf8'));
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
  const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    formFactor: lhr.configSettings?.formFactor,
  };
}

const opts = args();
const dir = resolve(opts.dir);
try {
  await stat(join(dir, 'index.html'));
} catch {
  console.error(`bench: ${dir}/index.html is missing; run \`make build\` first`);
  process.exit(1);
}
await mkdir(join(ROOT, 'bench-results'), { recursive: true });

const site = await serve({ dir, port: 0, host: '127.0.0.1', base: '/', brotli: true });
let overBudget = false;
try {
  // ---- bytes
  const { seen: responses, precached } = await firstLoadFiles(site);
  const rows = [];
  const others = [];
  for (const r of responses) {
    if (!r.url.startsWith(site.url)) {
      others.push(r.url);
      continue;
    }
    const path = decodeURIComponent(new URL(r.url).pathname.slice(site.base.length)) || 'index.html';
    const file = join(dir, path.endsWith('/') || path === '' ? `${path}index.html` : path);
    const body = await readFile(file).catch(() => null);
    if (!body) {
      rows.push({ path, raw: 0, br: 0, note: `HTTP ${r.status}` });
      continue;
    }
    const compressed = r.encoding === 'br';
    rows.push({ path, raw: body.length, br: compressed ? brotliSize(body) : body.length, note: compressed ? '' : '(not compressed)' });
  }
  const unique = [...new Map(rows.map((r) => [r.path, r])).values()];
  const total = unique.reduce((a, r) => ({ raw: a.raw + r.raw, br: a.br + r.br }), { raw: 0, br: 0 });
  const budget = opts['budget-kb'] * 1000;
  overBudget = budget > 0 && total.br > budget;

  const w = Math.max(30, ...unique.map((r) => r.path.length + 2));
  console.log(`\nFirst load of the home screen (${site.url}#/), served with brotli (quality 11)\n`);
  console.log(`${pad('file', w)}${lpad('raw bytes', 12)}${lpad('brotli bytes', 14)}`);
  for (const r of unique) console.log(`${pad(r.path, w)}${lpad(r.raw, 12)}${lpad(r.br, 14)}  ${r.note}`);
  console.log(`${pad('total', w)}${lpad(total.raw, 12)}${lpad(total.br, 14)}`);
  if (budget > 0) {
    console.log(
      `\nBudget: first load under ${opts['budget-kb']} kB brotli (1 kB = 1000 bytes): ` +
        `${kB(total.br)} of ${kB(budget)} — ${overBudget ? 'OVER BUDGET' : `within budget (${kB(budget - total.br)} to spare)`}`,
    );
  }
  if (others.length) console.log(`Requests to other places: ${others.join(', ')}`);
  if (precached.length) {
    console.log(`The service worker then fetched ${precached.length} files into its precache in the background (not counted above).`);
  }

  // ---- fragments fetched on demand (not part of the first load)
  const fragments = [];
  const contentDir = join(dir, 'content');
  for (const entry of await readdir(contentDir, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath ?? entry.path, entry.name);
    const body = await readFile(full);
    fragments.push({ path: full.slice(dir.length + 1), raw: body.length, br: brotliSize(body) });
  }
  console.log('\nContent fragments fetched only when a Learn, leaders\', reading-list or strategy page is opened');
  console.log('(NOT part of the first load above; each page fetches one):');
  if (fragments.length === 0) {
    console.log('  none in content/');
  } else {
    const sum = fragments.reduce((a, f) => ({ raw: a.raw + f.raw, br: a.br + f.br }), { raw: 0, br: 0 });
    const largest = fragments.reduce((a, f) => (f.br > a.br ? f : a));
    const inFirstLoad = unique.filter((r) => r.path.startsWith('content/'));
    console.log(`  files            ${fragments.length}`);
    console.log(`  total raw        ${sum.raw} bytes`);
    console.log(`  total brotli     ${sum.br} bytes (${kB(sum.br)})`);
    console.log(`  largest          ${largest.path}: ${largest.raw} raw, ${largest.br} brotli`);
    if (inFirstLoad.length) console.log(`  WARNING: the home screen fetched ${inFirstLoad.length} of them (counted above)`);
  }

  // ---- every file of the build
  const all = [];
  for (const path of siteFiles(dir)) {
    const body = await readFile(join(dir, path));
    const compressible = COMPRESSIBLE.has(extname(path).toLowerCase());
    all.push({ path, raw: body.length, br: compressible ? brotliSize(body) : body.length, note: compressible ? '' : '(sent as is)' });
  }
  const allTotal = all.reduce((a, r) => ({ raw: a.raw + r.raw, br: a.br + r.br }), { raw: 0, br: 0 });
  const wAll = Math.max(30, ...all.map((r) => r.path.length + 2));
  console.log(`\nEvery file of the build in ${dir} (all precached by sw.js except itself), by path`);
  console.log(`${pad('file', wAll)}${lpad('raw bytes', 12)}${lpad('brotli bytes', 14)}`);
  for (const r of all) console.log(`${pad(r.path, wAll)}${lpad(r.raw, 12)}${lpad(r.br, 14)}  ${r.note}`);
  console.log(`${pad(`total (${all.length} files)`, wAll)}${lpad(allTotal.raw, 12)}${lpad(allTotal.br, 14)}`);

  // ---- Lighthouse
  console.log(`\nLighthouse ${opts.runs}× (mobile emulation, simulated throttling) against ${site.url}#/ …`);
  const results = [];
  for (let i = 0; i < opts.runs; i++) {
    const r = await lighthouse(`${site.url}#/`, i);
    results.push(r);
    console.log(
      `  run ${i + 1}: performance ${r.performance}, accessibility ${r.accessibility}, ` +
        `best-practices ${r['best-practices']}, LCP ${Math.round(r.lcp)} ms, TBT ${Math.round(r.tbt)} ms, ` +
        `CLS ${r.cls.toFixed(3)} (${r.formFactor})`,
    );
  }
  const m = (k) => median(results.map((r) => r[k]));
  console.log(`\nMedian of ${results.length} Lighthouse runs (mobile):`);
  console.log(`  performance      ${m('performance')}`);
  console.log(`  accessibility    ${m('accessibility')}`);
  console.log(`  best-practices   ${m('best-practices')}`);
  console.log(`  LCP              ${Math.round(m('lcp'))} ms`);
  console.log(`  TBT              ${Math.round(m('tbt'))} ms`);
  console.log(`  CLS              ${m('cls').toFixed(3)}`);
  console.log(`\nFull reports: bench-results/lighthouse-*.json`);
} finally {
  await site.close();
}
if (overBudget) {
  console.error('\nbench: the first load is over its budget');
  process.exit(1);
}
