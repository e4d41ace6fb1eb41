#!/usr/bin/env node
// Measures Tend's first load: what the browser transfers for the home screen
// (raw and brotli bytes per file, and in total), every
// file of the build (what the service worker precaches and the SCORM
// package holds), the median Lighthouse mobile scores of several runs,
// and how soon the home screen is ready on a repeat visit with the service
// worker, with the site served with brotli compression as a production host
// would.
//
//   node tools/bench.mjs [--dir dist] [--runs 3] [--budget-kb 380]
//                        [--budget-perf 100] [--budget-lcp-ms 1000]
//                        [--budget-tbt-ms 100] [--budget-cls 0]
//                        [--budget-ready-ms 500]
//
// It then checks a budget, one line per figure (see BUDGET below; each flag
// overrides its line, and --budget-kb 0 drops the byte line), prints it as a
// table, and exits 1 when any line is missed. A figure that could not be
// measured counts as missed.
//
// Results are kept in bench-results/: the Lighthouse reports and
// summary.json, every figure and budget line of the run. The previous
// summary.json, when there is one, is read first and each figure is printed
// beside its value from that run.
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { chromium } from 'playwright-core';
import { COMPRESSIBLE, serve } from './serve.mjs';
import { siteFiles } from './sw.mjs';
import { CHROME, CHROME_FLAGS, ROOT, previousSummary, requireBuild } from './bench-common.mjs';

const run = promisify(execFile);

// The budget. Each figure has one line; the flag of the same name overrides it.
const BUDGET = {
  'budget-kb': 380, // whole-app first load, kB brotli (1 kB = 1000 bytes)
  'budget-perf': 100, // Lighthouse mobile performance score (0-100), at least
  'budget-lcp-ms': 1000, // Lighthouse mobile LCP, at most
  'budget-tbt-ms': 100, // Lighthouse mobile TBT, at most
  'budget-cls': 0, // Lighthouse mobile CLS, at most (see CLS_ZERO)
  'budget-ready-ms': 500, // repeat visit: 'tend-ready' mark after navigation start, at most
};
// Lighthouse reports CLS as a float (a shift of 0.0001 shows as "0.000" in its
// report), so a line of 0 accepts anything up to 0.0005, which rounds to
// 0.000 at the three decimals that Lighthouse and this script print.
const CLS_ZERO = 0.0005;
// Repeat visits timed with the service worker in control.
const REPEAT_VISITS = 5;

function args() {
  const out = { dir: 'dist', runs: 3, ...BUDGET };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    const value = argv[i + 1];
    if (!(name in out) || value === undefined || (name !== 'dir' && !Number.isFinite(Number(value)))) {
      console.error(
        'usage: node tools/bench.mjs [--dir dist] [--runs 3] [--budget-kb 380] [--budget-perf 100]\n' +
          '         [--budget-lcp-ms 1000] [--budget-tbt-ms 100] [--budget-cls 0] [--budget-ready-ms 500]',
      );
      process.exit(2);
    }
    out[name] = name === 'dir' ? value : Number(value);
  }
  return out;
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
// The median of the numbers given, or NaN when there are none.
const median = (xs) => {
  if (xs.length === 0) return NaN;
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

/** Reads the app's User Timing marks (ms after navigation start, or null). */
function readMarks(page) {
  return page.evaluate(() => ({
    load: performance.getEntriesByName('tend-load')[0]?.startTime ?? null,
    start: performance.getEntriesByName('tend-start')[0]?.startTime ?? null,
    ready: performance.getEntriesByName('tend-ready')[0]?.startTime ?? null,
    type: performance.getEntriesByType('navigation')[0]?.type ?? '?',
    controlled: navigator.serviceWorker?.controller != null,
  }));
}

/** Waits up to 15 s for the app's 'tend-ready' mark; false if it never came. */
function waitForReady(page) {
  return page
    .waitForFunction(() => performance.getEntriesByName('tend-ready').length > 0, null, { timeout: 15000 })
    .then(() => true)
    .catch(() => false);
}

/**
 * Times the home screen on a first (cold) visit and then on REPEAT_VISITS
 * repeat visits with the service worker in control, from the marks the app
 * sets: 'tend-start' when the wasm's main() begins and 'tend-ready' once its
 * first screen is mounted and interactive. Never throws: what could not be
 * measured is null, and `problem` says why.
 */
async function repeatVisits(site) {
  const home = `${site.url}#/`;
  const out = { cold: null, visits: [], problem: '' };
  let browser = null;
  try {
    browser = await chromium.launch({ executablePath: CHROME, headless: true, args: CHROME_FLAGS.slice(1) });
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();

    // First visit: nothing cached, no service worker yet.
    await page.goto(home, { waitUntil: 'commit' });
    await waitForReady(page);
    out.cold = await readMarks(page);

    // Wait for the service worker to be active (it has precached the site by
    // then) and to control the page; a page loaded before the worker was
    // active is controlled only after a reload (unless the worker claims it).
    const active = await page.evaluate(() =>
      Promise.race([
        navigator.serviceWorker.ready.then(() => true),
        new Promise((ok) => setTimeout(() => ok(false), 15000)),
      ]),
    );
    if (!active) {
      out.problem = 'no service worker became active within 15 s';
      return out;
    }
    if (!(await page.evaluate(() => navigator.serviceWorker.controller != null))) {
      await page.reload({ waitUntil: 'commit' });
      const controlled = await page
        .waitForFunction(() => navigator.serviceWorker.controller != null, null, { timeout: 15000 })
        .then(() => true)
        .catch(() => false);
      if (!controlled) {
        out.problem = 'the service worker did not take control of the page';
        return out;
      }
    }
    await waitForReady(page);

    // Repeat visits. Going to the home URL from the home URL would only
    // change the fragment (no new document), so each visit starts from
    // about:blank: a fresh navigation (type "navigate"), never a reload and
    // never a back/forward-cache restore.
    for (let i = 0; i < REPEAT_VISITS; i++) {
      await page.goto('about:blank');
      await page.goto(home, { waitUntil: 'commit' });
      const seen = await waitForReady(page);
      out.visits.push(await readMarks(page));
      // A build that does not set the mark would only wait out the same
      // timeout again on every visit.
      if (!seen) {
        out.problem = "the page set no 'tend-ready' mark within 15 s";
        break;
      }
    }
    await context.close();
  } catch (err) {
    out.problem = `repeat visits failed: ${err.message.split('\n')[0]}`;
  } finally {
    await browser?.close();
  }
  return out;
}

const opts = args();
const dir = await requireBuild(opts.dir, 'bench');
// The previous run's summary is read before anything in bench-results/ is
// written (Lighthouse writes its reports there, and this run its summary).
const summaryFile = join(ROOT, 'bench-results', 'summary.json');
const previous = await previousSummary(summaryFile);
await mkdir(join(ROOT, 'bench-results'), { recursive: true });

// Every figure of this run, by key: { label, value, unit }. A figure that
// could not be measured has the value null.
const figures = {};
const put = (key, label, value, unit) => {
  figures[key] = { label, value: Number.isFinite(value) ? value : null, unit };
};
let visits = null;

const site = await serve({ dir, port: 0, host: '127.0.0.1', base: '/', brotli: true });
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
  const overBudget = budget > 0 && total.br > budget;
  put('first-load-raw', 'first load, raw', total.raw, 'bytes');
  put('first-load-br', 'first load, brotli', total.br, 'bytes');

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
    put('fragments-br', 'content fragments, brotli', sum.br, 'bytes');
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
  put('build-raw', 'every file of the build, raw', allTotal.raw, 'bytes');
  put('build-br', 'every file of the build, brotli', allTotal.br, 'bytes');

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
  put('lh-performance', 'Lighthouse performance', m('performance'), 'score');
  put('lh-accessibility', 'Lighthouse accessibility', m('accessibility'), 'score');
  put('lh-best-practices', 'Lighthouse best-practices', m('best-practices'), 'score');
  put('lh-lcp', 'LCP', Math.round(m('lcp')), 'ms');
  put('lh-tbt', 'TBT', Math.round(m('tbt')), 'ms');
  put('lh-cls', 'CLS', m('cls'), 'cls');

  // ---- first and repeat visits, from the app's own marks
  console.log(`\nFirst visit, then ${REPEAT_VISITS} repeat visits with the service worker, in headless Chromium (no throttling) …`);
  // The server compresses each file once, on its first request; the visits
  // above have made it do so already, so the first visit here is not slowed
  // by that.
  visits = await repeatVisits(site);
  const show = (v) => (v === null ? 'not measured' : `${Math.round(v)} ms`);
  const startToReady = (v) => (v && v.start !== null && v.ready !== null ? v.ready - v.start : null);
  // boot.js marks 'tend-load' as it starts fetching the app, after the first
  // paint; 'tend-start' comes once the wasm is downloaded, compiled and
  // instantiated.
  const loadToStart = (v) => (v && v.load !== null && v.start !== null ? v.start - v.load : null);
  const cold = visits.cold;
  console.log(`  first visit: tend-ready ${show(cold?.ready ?? null)}, tend-start to tend-ready ${show(startToReady(cold))}`);
  visits.visits.forEach((v, i) => {
    console.log(
      `  repeat ${i + 1}: tend-ready ${show(v.ready)}, tend-start to tend-ready ${show(startToReady(v))} ` +
        `(navigation "${v.type}", ${v.controlled ? 'controlled by the service worker' : 'NOT controlled by the service worker'})`,
    );
  });
  // The repeat-visit figures count only when every visit was measured, each
  // with the service worker in control.
  if (!visits.problem && visits.visits.some((v) => !v.controlled)) {
    visits.problem = 'a repeat visit was not controlled by the service worker';
  }
  const complete = !visits.problem && visits.visits.length === REPEAT_VISITS;
  const readyAll = visits.visits.map((v) => v.ready);
  const wasmAll = visits.visits.map(startToReady);
  const instantiateAll = visits.visits.map(loadToStart);
  const repeatInstantiate = complete && !instantiateAll.includes(null) ? median(instantiateAll) : null;
  const repeatReady = complete && !readyAll.includes(null) ? median(readyAll) : null;
  const repeatWasm = complete && !wasmAll.includes(null) ? median(wasmAll) : null;
  put('cold-ready', 'first visit, tend-ready', cold?.ready ?? null, 'ms');
  put('cold-start-to-ready', 'first visit, wasm start to first render', startToReady(cold), 'ms');
  put('repeat-ready', `repeat visit, tend-ready (median of ${REPEAT_VISITS})`, repeatReady, 'ms');
  put('repeat-start-to-ready', `repeat visit, wasm start to first render (median of ${REPEAT_VISITS})`, repeatWasm, 'ms');
  put('cold-load-to-start', 'first visit, wasm download and instantiate', loadToStart(cold), 'ms');
  put('repeat-load-to-start', `repeat visit, wasm instantiate (median of ${REPEAT_VISITS})`, repeatInstantiate, 'ms');
  console.log(`\nWasm download, compile and instantiate (tend-load to tend-start; reported, no budget line):`);
  console.log(`  first visit                ${show(figures['cold-load-to-start'].value)}`);
  console.log(`  repeat visits (median)     ${show(repeatInstantiate)}`);
  console.log(`\nWasm start to first render (tend-start to tend-ready; reported, no budget line):`);
  console.log(`  first visit                ${show(figures['cold-start-to-ready'].value)}`);
  console.log(`  repeat visits (median)     ${show(repeatWasm)}`);
  console.log(`Home screen ready (tend-ready after navigation start):`);
  console.log(`  first visit                ${show(figures['cold-ready'].value)}`);
  console.log(`  repeat visits (median)     ${show(repeatReady)}`);
  if (visits.problem) console.log(`  (${visits.problem})`);
} finally {
  await site.close();
}

// ---- the budget
/** Formats a figure's value for the tables. */
function format(value, unit) {
  if (value === null || value === undefined) return 'not measured';
  if (unit === 'bytes') return `${value} bytes`;
  if (unit === 'kB') return kB(value);
  if (unit === 'ms') return `${Math.round(value)} ms`;
  if (unit === 'cls') return value.toFixed(3);
  return String(value);
}

const clsLimit = opts['budget-cls'] === 0 ? CLS_ZERO : opts['budget-cls'];
const lines = [];
// One budget line: `holds` is only asked about a measured value.
const line = (key, figure, shown, text, holds) => {
  const value = figures[key]?.value ?? null;
  lines.push({ figure, key, measured: value, shown: value === null ? 'not measured' : shown(value), line: text, ok: value !== null && holds(value) });
};
line('lh-performance', 'Lighthouse performance (mobile, median)', String, `>= ${opts['budget-perf']}`, (v) => v >= opts['budget-perf']);
line('lh-lcp', 'Lighthouse LCP (mobile, median)', (v) => format(v, 'ms'), `<= ${opts['budget-lcp-ms']} ms`, (v) => v <= opts['budget-lcp-ms']);
line('lh-tbt', 'Lighthouse TBT (mobile, median)', (v) => format(v, 'ms'), `<= ${opts['budget-tbt-ms']} ms`, (v) => v <= opts['budget-tbt-ms']);
line(
  'lh-cls',
  'Lighthouse CLS (mobile, median)',
  (v) => format(v, 'cls'),
  opts['budget-cls'] === 0 ? `0 (<= ${CLS_ZERO})` : `<= ${opts['budget-cls']}`,
  (v) => v <= clsLimit,
);
if (opts['budget-kb'] > 0) {
  line('first-load-br', 'whole-app first load, brotli', kB, `<= ${kB(opts['budget-kb'] * 1000)}`, (v) => v <= opts['budget-kb'] * 1000);
}
line(
  'repeat-ready',
  `repeat visit ready, SW (median of ${REPEAT_VISITS})`,
  (v) => format(v, 'ms'),
  `<= ${opts['budget-ready-ms']} ms`,
  (v) => v <= opts['budget-ready-ms'],
);

const cols = [
  ['figure', ...lines.map((l) => l.figure)],
  ['measured', ...lines.map((l) => l.shown)],
  ['line', ...lines.map((l) => l.line)],
  ['result', ...lines.map((l) => (l.ok ? 'ok' : 'MISSED'))],
];
const widths = cols.map((c) => Math.max(...c.map((x) => x.length)));
const row = (i) => cols.map((c, j) => pad(c[i], widths[j])).join(' | ').trimEnd();
console.log('\nBudget');
console.log(row(0));
console.log(widths.map((n) => '-'.repeat(n)).join('-|-'));
for (let i = 1; i <= lines.length; i++) console.log(row(i));
const missed = lines.filter((l) => !l.ok);
console.log(missed.length ? `${missed.length} of ${lines.length} lines MISSED` : `all ${lines.length} lines hold`);

// ---- beside the previous run
/** "+12", "-3" or "±0", in the figure's unit, of values as they are shown. */
function difference(now, before, unit) {
  let d;
  if (unit === 'ms') d = Math.round(now) - Math.round(before);
  else if (unit === 'cls') d = Number((now - before).toFixed(3));
  else d = now - before;
  const text = unit === 'cls' ? Math.abs(d).toFixed(3) : String(Math.abs(d));
  return d > 0 ? `+${text}` : d < 0 ? `-${text}` : '±0';
}
if (previous?.figures) {
  console.log(`\nBeside the previous run (${previous.date ?? 'date unknown'}):`);
  for (const [key, f] of Object.entries(figures)) {
    const before = previous.figures[key];
    let note;
    if (!before) note = 'not in the previous run';
    else if (before.value === null) note = 'previous not measured';
    else if (f.value === null) note = `previous ${format(before.value, f.unit)}`;
    else note = `previous ${format(before.value, f.unit)}, ${difference(f.value, before.value, f.unit)}`;
    console.log(`  ${f.label} ${format(f.value, f.unit)} (${note})`);
  }
} else {
  console.log('\nNo previous bench-results/summary.json to compare with.');
}

await writeFile(
  summaryFile,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      dir,
      lighthouseRuns: opts.runs,
      repeatVisits: REPEAT_VISITS,
      budget: Object.fromEntries(Object.keys(BUDGET).map((k) => [k, opts[k]])),
      figures,
      lines: lines.map(({ figure, key, measured, line: text, ok }) => ({ figure, key, measured, line: text, ok })),
      problems: visits?.problem ? [visits.problem] : [],
    },
    null,
    2,
  )}\n`,
);
console.log('Summary: bench-results/summary.json');
if (missed.length) {
  console.error(`\nbench: ${missed.map((l) => l.figure).join('; ')} missed the budget`);
  process.exit(1);
}
