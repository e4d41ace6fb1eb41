// Helpers for Tend's end-to-end tests (node:test + playwright-core + Debian's
// Chromium). The built site in dist/ is served under a sub-path, as an LMS or
// an intranet would host it, on a random loopback port.
//
// Typical use:
//
//   let site, browser;
//   before(async () => { site = await startSite(); browser = await launchBrowser(); });
//   after(async () => { await browser?.close(); await site?.close(); });
//   test('…', () => withPage(browser, site, {}, async ({ page, app }) => {
//     await gotoScreen(page, site, '#/learn');
//   }));
//
// withPage gives each test its own browser context and, after the test body,
// fails the test if any request left the app's origin or base path, if the
// page logged a console error or threw, or if a Content-Security-Policy
// violation happened. Everything is closed in finally blocks so a failing
// test never leaves a server or browser behind (node --test would hang).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';

const require = createRequire(import.meta.url);

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built site (TEND_E2E_DIST points elsewhere, e.g. to try a broken build). */
export const DIST = process.env.TEND_E2E_DIST ? resolve(process.env.TEND_E2E_DIST) : join(ROOT, 'dist');
/** The sub-path the site is served under in tests. */
export const BASE = '/training/tend/';
/** Debian's Chromium; never a browser downloaded by a test tool. */
export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
/** The WCAG levels the axe scan checks. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Serves dist/ under `base` on a random loopback port.
 * @returns {Promise<{url: string, origin: string, base: string, close: () => Promise<void>}>}
 */
export async function startSite({ dir = DIST, base = BASE, brotli = false, frameAncestors } = {}) {
  try {
    await readFile(join(dir, 'index.html'));
  } catch {
    throw new Error(`${dir}/index.html is missing: run \`make build\` first`);
  }
  const s = await serve({ dir, port: 0, host: '127.0.0.1', base, brotli, frameAncestors });
  // The server sees requests the page's network events do not, such as the
  // browser's own /favicon.ico at the host root; keep every path it was asked
  // for outside the base.
  const outside = [];
  s.server.on('request', (req) => {
    if (!req.url.startsWith(s.base)) outside.push(req.url);
  });
  return { ...s, origin: new URL(s.url).origin, outside };
}

/** Launches headless Chromium through playwright-core. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, '--headless'],
  });
}

/**
 * Runs `fn` with a fresh browser context and page, then checks what the page
 * did. Options are Playwright context options (colorScheme, viewport,
 * locale, …) plus `allowConsoleErrors` for tests that provoke errors and
 * `check: false` to skip the checks (for setup that only reads the page).
 * @param {import('playwright-core').Browser} browser
 * @param {{url: string, origin: string}} site
 * @param {object} options
 * @param {(ctx: {page: import('playwright-core').Page, context: import('playwright-core').BrowserContext, app: AppRecord}) => Promise<void>} fn
 */
export async function withPage(browser, site, options, fn) {
  const { allowConsoleErrors = false, check = true, ...contextOptions } = options ?? {};
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1024, height: 768 },
    ...contextOptions,
  });
  try {
    const app = new AppRecord(site);
    app.attach(context);
    const outsideBefore = site.outside?.length ?? 0;
    const page = await context.newPage();
    await fn({ page, context, app });
    for (const path of site.outside?.slice(outsideBefore) ?? []) {
      app.foreign.push(`${site.origin}${path} (reached the server outside ${site.base})`);
    }
    if (check) app.assertClean({ allowConsoleErrors });
  } finally {
    await context.close().catch(() => {});
  }
}

/** What a context's pages requested and reported. */
export class AppRecord {
  constructor(site) {
    this.site = site;
    /** Every request URL, in order. */
    this.requests = [];
    /** Requests outside the app's origin and base path. */
    this.foreign = [];
    /** Console errors, page errors and failed requests. */
    this.errors = [];
    /** Content-Security-Policy violations. */
    this.cspViolations = [];
  }

  /** Starts recording for every page of `context`. */
  attach(context) {
    const prefix = this.site.origin + new URL(this.site.url).pathname;
    context.on('request', (req) => {
      const url = req.url();
      this.requests.push(url);
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (!url.startsWith(prefix)) this.foreign.push(url);
    });
    context.on('requestfailed', (req) => {
      // A navigation replaced by another (a reload, a new goto) is aborted by
      // the browser itself; that is not the app failing.
      const failure = req.failure()?.errorText ?? '';
      if (failure.includes('ERR_ABORTED')) return;
      this.errors.push(`request failed: ${req.url()} (${failure})`);
    });
    context.on('response', (res) => {
      if (res.status() >= 400) this.errors.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    // Runs before any of the page's scripts, outside the page's CSP.
    context.addInitScript(() => {
      window.__tendCsp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__tendCsp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
      });
    });
    context.on('page', (page) => this.attachPage(page));
    for (const page of context.pages()) this.attachPage(page);
  }

  attachPage(page) {
    page.on('console', (msg) => {
      const text = msg.text();
      if (/Content[- ]Security[- ]Policy/i.test(text)) this.cspViolations.push(text);
      if (msg.type() === 'error') this.errors.push(`console error: ${text}`);
    });
    page.on('pageerror', (err) => this.errors.push(`page error: ${err.message}`));
  }

  /** Reads the CSP violations the page itself saw (securitypolicyviolation). */
  async collectCsp(page) {
    const seen = await page.evaluate(() => window.__tendCsp ?? []).catch(() => []);
    for (const v of seen) if (!this.cspViolations.includes(v)) this.cspViolations.push(v);
    return this.cspViolations;
  }

  /** Throws if anything left the origin, errored, or broke the CSP. */
  assertClean({ allowConsoleErrors = false } = {}) {
    const problems = [];
    if (this.foreign.length) {
      problems.push(`requests outside ${this.site.url}:\n  ${[...new Set(this.foreign)].join('\n  ')}`);
    }
    if (this.cspViolations.length) {
      problems.push(`CSP violations:\n  ${this.cspViolations.join('\n  ')}`);
    }
    if (!allowConsoleErrors && this.errors.length) {
      problems.push(`errors:\n  ${this.errors.join('\n  ')}`);
    }
    if (problems.length) throw new Error(problems.join('\n'));
  }
}

/** The full URL of a screen: the site's index.html with `hash`. */
export function screenUrl(site, hash = '#/') {
  return `${site.url}${hash.startsWith('#') ? hash : `#${hash}`}`;
}

/**
 * Opens a screen with a full page load (as a bookmark or a shared link
 * would) and waits until the app has rendered its heading. Returns the
 * heading text.
 */
export async function gotoScreen(page, site, hash = '#/') {
  // A hash-only change would be a same-document navigation; loading a blank
  // page first makes every visit a real load of index.html.
  if (page.url() !== 'about:blank') await page.goto('about:blank');
  await page.goto(screenUrl(site, hash), { waitUntil: 'load' });
  return waitForScreen(page);
}

/** The fixed (parameterless) addresses the router knows, read from src/route.rs. */
export async function routedAddresses() {
  const source = await readFile(join(ROOT, 'src/route.rs'), 'utf8');
  return [...new Set([...source.matchAll(/=>\s*"(#\/[a-z0-9-]*)"\.into\(\)/g)].map((m) => m[1]))];
}

/**
 * Visits every screen of `site` reachable by in-app links from `starts`:
 * by address, the heading, the address the screen settled on and the
 * in-app links a person can see on it (or the error, when it did not load).
 */
export async function crawl(page, site, starts, limit = 100) {
  const found = new Map();
  const queue = [...starts];
  while (queue.length && found.size < limit) {
    const hash = queue.shift();
    if (found.has(hash)) continue;
    try {
      const heading = await gotoScreen(page, site, hash);
      const settled = new URL(page.url()).hash || '#/';
      // Only links a person can see (and so reach by Tab).
      const links = await page.$$eval('a[href^="#/"]', (as) => [
        ...new Set(as.filter((a) => a.checkVisibility()).map((a) => a.getAttribute('href'))),
      ]);
      found.set(hash, { heading, settled, links });
    } catch (e) {
      found.set(hash, { heading: null, settled: hash, links: [], error: e.message.split('\n')[0] });
      continue;
    }
    for (const link of found.get(hash).links) if (!found.has(link) && !queue.includes(link)) queue.push(link);
  }
  return found;
}

/** An address no screen has: the not-found screen. */
export const UNKNOWN_SCREEN = '#/no-such-screen';

/**
 * Waits until the app has taken over from the page's static first paint
 * (`#tend-static` is gone) and rendered a non-empty `main h1`; returns its
 * text.
 */
export async function waitForScreen(page, { timeout = 15000 } = {}) {
  await page.waitForFunction(() => !document.getElementById('tend-static'), null, { timeout });
  const h1 = page.locator('main h1').first();
  await h1.waitFor({ state: 'visible', timeout });
  await page.waitForFunction(
    () => (document.querySelector('main h1')?.textContent ?? '').trim().length > 0,
    null,
    { timeout },
  );
  return (await h1.textContent()).trim();
}

let axeSource;
/**
 * Runs axe-core on the page for WCAG 2.0/2.1/2.2 A and AA and returns the
 * violations in a short, printable form. axe is evaluated through the
 * DevTools protocol, which the page's CSP does not govern, so the scan runs
 * on the page exactly as it is served.
 */
export async function axeScan(page, { tags = AXE_TAGS } = {}) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const hasAxe = await page.evaluate(() => typeof window.axe === 'object');
  if (!hasAxe) await page.evaluate(axeSource);
  return page.evaluate(async (values) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`),
    }));
  }, tags);
}

/** Formats axe violations for an assertion message. */
export function formatViolations(violations) {
  return violations
    .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `      ${n}`).join('\n')}`)
    .join('\n');
}

/**
 * Moves keyboard focus with Tab (or Shift+Tab when the target comes earlier
 * in the document) until `selector` has focus, as a keyboard-only person
 * would. Throws if it never gets there.
 */
export async function tabTo(page, selector, { maxPresses = 80 } = {}) {
  const target = page.locator(selector).first();
  await target.waitFor({ state: 'attached' });
  const before = await target.evaluate((el) => {
    const active = document.activeElement;
    if (!active || active === document.body || active === el) return false;
    return Boolean(el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  const key = before ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return i;
    await page.keyboard.press(key);
  }
  if (await target.evaluate((el) => el === document.activeElement)) return maxPresses;
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(`${key} ×${maxPresses} never focused ${selector}; focus is on ${at}`);
}

/**
 * Reads `key = "value"` from a table of a locale file of language `code`.
 * A plural string is written with dotted keys, one per CLDR category
 * (`used.one = "Done once"`, `used.other = "Done {count} times"`): ask for
 * `used.one` or `used.other`, or use `englishPlural`.
 */
export async function localeString(code, file, table, key) {
  const text = await readFile(join(ROOT, 'locales', code, file), 'utf8');
  let current = '';
  for (const line of text.split('\n')) {
    const header = line.match(/^\s*\[([^\]]+)\]\s*$/);
    if (header) {
      current = header[1].trim();
      continue;
    }
    const m = line.match(/^\s*([A-Za-z0-9_.]+)\s*=\s*"((?:[^"\\]|\\.)*)"/);
    if (m && current === table && m[1] === key) return JSON.parse(`"${m[2]}"`);
  }
  throw new Error(`locales/${code}/${file} has no [${table}] ${key}`);
}

/** Reads `key = "value"` from a table of an English locale file (see `localeString`). */
export function englishString(file, table, key) {
  return localeString('en', file, table, key);
}

/**
 * A plural English string for `count`, with `{count}` filled in: the `one`
 * form for 1 (English's CLDR rule), `other` for every other number.
 */
export async function englishPlural(file, table, key, count) {
  const form = count === 1 ? await englishString(file, table, `${key}.one`) : await englishString(file, table, `${key}.other`);
  return form.replaceAll('{count}', String(count));
}

/**
 * Completes Tend's own check-in in `frame` (a page or a frame) by choosing
 * the first answer of every question, starting from the check-in screen
 * already open there. Returns the new check-in's id.
 */
export async function finishCheckIn(frame) {
  await frame.getByTestId('start-checkin').click();
  for (let step = 1; step < 50; step++) {
    await frame.waitForFunction((h) => location.hash === h, `#/check-in/${step}`, { timeout: 10000 });
    await frame.waitForFunction(() => document.querySelector('main input[id^="q-"]'), null, { timeout: 10000 });
    const firsts = await frame.$$eval('main input[id^="q-"][id$="-0"]', (els) => els.map((e) => e.id));
    for (const id of firsts) await frame.locator(`#${id}`).check();
    await frame.getByTestId('next').click();
    await frame.waitForFunction(
      (s) => location.hash === `#/check-in/${s + 1}` || location.hash.startsWith('#/results/'),
      step,
      { timeout: 10000 },
    );
    const hash = await frame.evaluate(() => location.hash);
    if (hash.startsWith('#/results/')) {
      await frame.locator('main h1').first().waitFor({ state: 'visible' });
      return hash.slice('#/results/'.length);
    }
  }
  throw new Error('the check-in never reached its results');
}

/**
 * Emulates the light or dark colour scheme and waits until the page has
 * taken it in and drawn a frame with it, before a scan that follows.
 */
export async function setColorScheme(page, colorScheme) {
  await page.emulateMedia({ colorScheme });
  await page.waitForFunction(
    (scheme) => matchMedia(`(prefers-color-scheme: ${scheme})`).matches,
    colorScheme,
  );
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * Clicks `testid` on `page`, saves the file it downloads into the folder
 * `dir`, and returns its suggested name, where it was saved and its text.
 */
export async function downloadFile(page, testid, dir) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = join(dir, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

/** Every localStorage key and its value, of the page's origin. */
export function storageOf(page) {
  return page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
}

/**
 * The person's data as the app keeps it under `prefix` in `storage` (a map
 * of keys to values, as storageOf gives): the head at `${prefix}data`, each
 * long list read back from the chunks the head names (tend_core's
 * store::split). null when nothing is stored.
 */
export function dataIn(storage, prefix = 'tend:') {
  const raw = storage[`${prefix}data`];
  if (!raw) return null;
  const head = JSON.parse(raw);
  const data = { ...head.data };
  for (const [field, hashes] of Object.entries(head.parts ?? {})) {
    data[field] = hashes.flatMap((hash) => JSON.parse(storage[`${prefix}part:${hash}`]));
  }
  return data;
}

/** The person's data the page's origin stores (see dataIn). */
export async function storedData(page, prefix = 'tend:') {
  return dataIn(await storageOf(page), prefix);
}

/** Fills `{name}` placeholders of a locale string as the app's `fill` does. */
export function fill(template, values) {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** Waits until `fn(arg)` holds in `page`, failing with `what` and where focus is. */
export async function waitUntil(page, fn, arg, what, timeout = 10000) {
  try {
    await page.waitForFunction(fn, arg, { timeout });
  } catch {
    const focus = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160)).catch(() => '?');
    throw new Error(`never happened: ${what} (focus is on ${focus})`);
  }
}
