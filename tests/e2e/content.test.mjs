// The long pages (Learn topics, the leaders' guide, the reading list, each
// strategy's why and steps) whose bodies are fetched as fragments when opened: each shows its text, also on
// reload, passes axe once loaded, says "Loading…" politely when slow, and
// when the fragment cannot be fetched shows a plain message, a way to Get
// help, and a Retry that works once the network is back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ROOT,
  axeScan,
  englishString,
  formatViolations,
  gotoScreen,
  launchBrowser,
  startSite,
  waitForScreen,
  withPage,
} from './harness.mjs';

let site;
let browser;

before(async () => {
  site = await startSite();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** Reads `key = "value"` lines of a locale file as a list of records, one per `[[table]]`. */
async function records(file, table) {
  const text = await readFile(join(ROOT, 'locales/en', file), 'utf8');
  const out = [];
  for (const line of text.split('\n')) {
    if (line.trim() === `[[${table}]]`) out.push({ headings: [] });
    const m = line.match(/^([a-z_]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$/);
    if (!m || !out.length) continue;
    const value = JSON.parse(`"${m[2]}"`);
    if (m[1] === 'heading') out.at(-1).headings.push(value);
    else out.at(-1)[m[1]] ??= value;
  }
  return out;
}

/** Each `[[strategy]]`: its id, title and steps (the `- ` lines of its `steps = """…"""`). */
async function strategySteps() {
  const text = await readFile(join(ROOT, 'locales/en/strategies.toml'), 'utf8');
  const out = [];
  let inSteps = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '[[strategy]]') out.push({ steps: [] });
    if (!out.length) continue;
    const s = out.at(-1);
    if (inSteps) {
      // A basic string: an escaped quote is a quote.
      const item = line.trim().replace(/"""$/, '').replace(/\\"/g, '"');
      if (item.startsWith('- ')) s.steps.push(item.slice(2).trim());
      if (line.trimEnd().endsWith('"""')) inSteps = false;
      continue;
    }
    if (/^steps\s*=\s*"""/.test(line)) inSteps = true;
    const m = line.match(/^(id|title)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$/);
    if (m) s[m[1]] = JSON.parse(`"${m[2]}"`);
  }
  return out;
}

/** Every page with a fetched body: its address, its title and the text it must show. */
async function longPages() {
  const pages = [];
  for (const guide of ['learn', 'leaders']) {
    for (const p of await records(`${guide}.toml`, 'page')) {
      pages.push({ hash: `#/${guide}/${p.slug}`, title: p.title, selector: '.content-sections h2', expect: p.headings });
    }
  }
  const books = (await records('resources.toml', 'book')).map((b) => b.title);
  pages.push({
    hash: '#/resources',
    title: await englishString('ui.toml', 'resources', 'title'),
    selector: '.book-list .book-title',
    expect: books,
  });
  for (const s of await strategySteps()) {
    pages.push({ hash: `#/strategies/${s.id}`, title: s.title, selector: '.strategy-steps li', expect: s.steps });
  }
  return pages;
}

/** The texts of `selector` once the fragment is in. */
async function shown(page, selector) {
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 15000 });
  return (await page.locator(selector).allTextContents()).map((t) => t.trim());
}

test('every long page shows its text, also on reload, with no axe violations', () =>
  withPage(browser, site, {}, async ({ page, app }) => {
    const pages = await longPages();
    assert.ok(pages.length >= 10, `only ${pages.length} long pages found in the locale files`);
    const strategyPages = pages.filter((p) => p.hash.startsWith('#/strategies/'));
    assert.ok(strategyPages.length >= 24, `only ${strategyPages.length} strategies found`);
    for (const p of strategyPages) assert.ok(p.expect.length >= 2, `${p.hash}: steps not read from the locale file`);
    const failures = [];
    for (const p of pages) {
      assert.equal(await gotoScreen(page, site, p.hash), p.title, `${p.hash}: heading`);
      assert.deepEqual(await shown(page, p.selector), p.expect, `${p.hash}: text`);
      const violations = await axeScan(page);
      if (violations.length) failures.push(`${p.hash}:\n${formatViolations(violations)}`);
      await page.reload({ waitUntil: 'load' });
      assert.equal(await waitForScreen(page), p.title, `${p.hash}: heading after reload`);
      assert.deepEqual(await shown(page, p.selector), p.expect, `${p.hash}: text after reload`);
    }
    assert.equal(failures.length, 0, `\n${failures.join('\n')}`);
    // The service worker also precaches the other languages' files (its
    // requests are the context's too): every one is a hashed file of a
    // language's folder, and English's bodies are among them.
    const fragments = app.requests.filter((u) => u.includes('/content/'));
    for (const url of fragments) {
      assert.match(url, /\/training\/tend\/content\/[a-z]{2}(-[A-Z]{2})?\/[a-z0-9-]+\.[0-9a-f]{16}\.(html|json)$/, url);
    }
    const english = fragments.filter((u) => u.includes('/content/en/') && u.endsWith('.html'));
    assert.ok(english.length >= pages.length, 'the bodies were not fetched as fragments');
  }));

// page.route cannot see requests a service worker answers, so the tests that
// hold back or fail fragments run without one.
test('a slow fragment says "Loading…" politely, keeping the heading focused', () =>
  withPage(browser, site, { serviceWorkers: 'block' }, async ({ page }) => {
    const loading = await englishString('ui.toml', 'content', 'loading');
    let release;
    const held = new Promise((r) => (release = r));
    await page.route('**/content/**', async (route) => {
      await held;
      await route.continue();
    });
    await gotoScreen(page, site, '#/learn');
    await page.click('main a[href="#/learn/what-it-is"]');
    const status = page.locator('main [role="status"]');
    await page.waitForFunction((text) => document.querySelector('main [role="status"]')?.textContent.trim() === text, loading);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus is on the heading');
    const violations = await axeScan(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    release();
    await page.locator('.content-sections h2').first().waitFor({ state: 'visible' });
    assert.equal(await status.count(), 0, 'the status message went away');
  }));

test('a fragment that cannot be fetched shows a plain message, Get help, and a Retry that works', () =>
  withPage(browser, site, { allowConsoleErrors: true, serviceWorkers: 'block' }, async ({ page }) => {
    const [failed, retry, helpLink] = await Promise.all(
      ['failed', 'retry', 'help_link'].map((k) => englishString('ui.toml', 'content', k)),
    );
    await page.route('**/content/**', (route) => route.abort());
    for (const [hash, selector] of [
      ['#/leaders/recognise', '.content-sections h2'],
      ['#/strategies/paced-breathing', '.strategy-steps li'],
      ['#/resources', '.book-list .book-title'],
    ]) {
      const heading = await gotoScreen(page, site, hash);
      assert.ok(heading, `${hash}: the heading shows without the fragment`);
      const error = page.locator('[data-testid="fragment-error"]');
      await error.waitFor({ state: 'visible', timeout: 15000 });
      assert.equal(await error.getAttribute('role'), 'alert');
      assert.match(await error.textContent(), new RegExp(failed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      const help = error.locator('a', { hasText: helpLink });
      assert.equal(await help.getAttribute('href'), '#/help');
      const violations = await axeScan(page);
      assert.equal(violations.length, 0, formatViolations(violations));

      // Still offline: Retry fails again, and says so again.
      await error.getByRole('button', { name: retry }).click();
      await error.waitFor({ state: 'visible', timeout: 15000 });

      // Back online: Retry shows the text, and the page never reloaded.
      await page.unroute('**/content/**');
      await page.getByRole('button', { name: retry }).click();
      await page.locator(selector).first().waitFor({ state: 'visible', timeout: 15000 });
      assert.equal(await error.count(), 0, `${hash}: the error went away`);
      assert.equal(await waitForScreen(page), heading);
      await page.route('**/content/**', (route) => route.abort());
    }
    // The way to Get help works while fragments fail: it never fetches.
    await gotoScreen(page, site, '#/learn/symptoms');
    await page.locator('[data-testid="fragment-error"] a', { hasText: helpLink }).click();
    await page.waitForFunction(() => location.hash === '#/help');
    await waitForScreen(page);
    assert.ok((await page.locator('main a[href^="tel:"]').count()) > 0, 'Get help shows phone lines');
  }));
