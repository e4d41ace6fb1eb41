// The app shell end to end: every screen loads by URL and on reload, is
// reachable by keyboard, stays on its own origin under a strict CSP, works
// from a sub-path, and reflows at 320 px. (Every screen in every language
// and theme, with "Get help now" and axe: screens.test.mjs.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  UNKNOWN_SCREEN,
  crawl,
  englishString,
  gotoScreen,
  launchBrowser,
  routedAddresses,
  startSite,
  tabTo,
  waitForScreen,
  withPage,
} from './harness.mjs';

const UNKNOWN = UNKNOWN_SCREEN;

let site;
let browser;
/**
 * What a crawl of the app found, by address: the heading, the address the
 * screen settled on, and the in-app links it shows. A fresh browser (no
 * saved data) starts from home and from every fixed address in src/route.rs.
 */
let crawled = new Map();
/** Every screen to test: all crawled screens plus an unknown address. */
let screens = [];
/** The primary navigation's links, in order. */
let nav = [];
let learnTopics = [];
let leaderTopics = [];

before(async () => {
  site = await startSite();
  browser = await launchBrowser();
  // Setup only reads the app; the tests below report what is wrong.
  await withPage(browser, site, { check: false }, async ({ page }) => {
    crawled = await crawl(page, site, ['#/', ...(await routedAddresses())]);
    await gotoScreen(page, site, '#/');
    nav = await page.$$eval('nav a[href^="#/"]', (as) =>
      as.filter((a) => !a.closest('main')).map((a) => a.getAttribute('href')),
    );
  });
  screens = [...crawled.keys(), UNKNOWN];
  learnTopics = screens.filter((h) => h.startsWith('#/learn/'));
  // The leaders' tools sit beside the guide's pages (the self-check's a
  // level deeper): the guide's topics are the rest.
  const tools = /^#\/leaders\/(team|self-check)(\/|$)/;
  leaderTopics = screens.filter((h) => h.startsWith('#/leaders/') && !tools.test(h));
});

after(async () => {
  await browser?.close();
  await site?.close();
});

test('the app links every screen the router knows, and the guides link their topics', async () => {
  for (const hash of await routedAddresses()) {
    assert.ok(crawled.has(hash), `${hash} was not visited`);
  }
  const broken = [...crawled].filter(([, s]) => s.error).map(([h, s]) => `${h}: ${s.error}`);
  assert.deepEqual(broken, [], 'screens that did not render');
  const linked = new Set([...crawled.values()].flatMap((s) => s.links));
  const unlinked = (await routedAddresses()).filter((h) => h !== '#/' && !linked.has(h));
  assert.deepEqual(unlinked, [], 'screens no link leads to');
  assert.ok(learnTopics.length >= 1, 'no #/learn/<slug> links on the Learn index');
  assert.ok(leaderTopics.length >= 1, 'no #/leaders/<slug> links on the leaders index');
  for (const href of [...learnTopics, ...leaderTopics]) {
    assert.match(href, /^#\/(learn|leaders)\/[a-z0-9-]+$/, `topic link ${href}`);
  }
});

test('the dark theme follows the system setting', () =>
  withPage(browser, site, {}, async ({ page }) => {
    const background = async (colorScheme) => {
      await page.emulateMedia({ colorScheme });
      await gotoScreen(page, site, '#/');
      return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    };
    const light = await background('light');
    const dark = await background('dark');
    assert.notEqual(light, dark, `body background is ${light} in both themes`);
  }));

test('an unknown address shows the not-found screen', () =>
  withPage(browser, site, {}, async ({ page }) => {
    const title = await englishString('ui.toml', 'not_found', 'title');
    for (const hash of [UNKNOWN, '#/learn/no-such-topic', '#/leaders/no-such-page']) {
      assert.equal(await gotoScreen(page, site, hash), title, hash);
      assert.equal(await page.locator('main a[href="#/"]').count() > 0, true, `${hash}: no way home`);
    }
    assert.notEqual(await gotoScreen(page, site, '#/'), title, 'home shows the not-found screen');
  }));

describe('keyboard only', () => {
  test('the skip link is the first Tab stop and moves focus to main', () =>
    withPage(browser, site, {}, async ({ page }) => {
      await gotoScreen(page, site, '#/learn');
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement;
        const box = el.getBoundingClientRect();
        return { href: el.getAttribute('href'), visible: box.width > 0 && box.height > 0 && box.top >= 0 };
      });
      assert.deepEqual(first, { href: '#main', visible: true }, 'first Tab stop');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'focus after Enter');
      assert.equal(new URL(page.url()).hash, '#/learn', 'the skip link changed the screen');
      await waitForScreen(page);
      await page.keyboard.press('Tab');
      assert.equal(
        await page.evaluate(() => Boolean(document.activeElement?.closest('main'))),
        true,
        'the Tab after skipping stays in main',
      );
    }));

  /** Tabs to the link, presses Enter and checks the new screen took focus. */
  async function follow(page, selector, hash) {
    await tabTo(page, selector);
    await page.keyboard.press('Enter');
    await page.waitForFunction((h) => location.hash === h, hash, { timeout: 10000 });
    const heading = await waitForScreen(page);
    await page.waitForFunction(() => document.activeElement === document.querySelector('main h1'), null, {
      timeout: 5000,
    }).catch(() => {
      throw new Error(`after Enter on ${selector}, focus is not on the new heading of ${hash}`);
    });
    return heading;
  }

  test('the main navigation works by Tab and Enter', () =>
    withPage(browser, site, {}, async ({ page }) => {
      assert.ok(nav.length >= 3, `main navigation has ${nav.length} links`);
      await gotoScreen(page, site, '#/');
      // Away from home first, so every step changes the screen.
      const order = [...nav.filter((h) => h !== '#/'), ...nav.filter((h) => h === '#/')];
      const headings = [];
      for (const hash of order) headings.push(await follow(page, `nav a[href="${hash}"]`, hash));
      assert.equal(new Set(headings).size, headings.length, `two screens share a heading: ${headings}`);
      await follow(page, '[data-testid="help-now"]', '#/help');
    }));

  test('every screen is reached by Tab and Enter on a link', () =>
    withPage(browser, site, {}, async ({ page }) => {
      const problems = [];
      for (const [hash, { settled }] of crawled) {
        if (hash === '#/') continue;
        // A screen that links here, home and the indexes first.
        const from = [...crawled].find(([h, s]) => h !== hash && s.links.includes(hash))?.[0];
        if (!from) {
          problems.push(`${hash}: no screen links to it`);
          continue;
        }
        try {
          await gotoScreen(page, site, from);
          await follow(page, `a[href="${hash}"]`, settled);
        } catch (e) {
          problems.push(`${hash} (from ${from}): ${e.message.split('\n')[0]}`);
        }
      }
      assert.deepEqual(problems, []);
    }));
});

test('reload keeps every screen', () =>
  withPage(browser, site, {}, async ({ page }) => {
    for (const hash of screens) {
      const heading = await gotoScreen(page, site, hash);
      const settled = new URL(page.url()).hash;
      await page.reload({ waitUntil: 'load' });
      assert.equal(new URL(page.url()).hash, settled, `${hash}: address after reload`);
      assert.equal(await waitForScreen(page), heading, `${hash}: heading after reload`);
    }
    // And after moving within the app rather than loading the address.
    await gotoScreen(page, site, '#/');
    await page.click('nav a[href="#/more"]');
    await page.waitForFunction(() => location.hash === '#/more');
    const heading = await waitForScreen(page);
    await page.reload({ waitUntil: 'load' });
    assert.equal(await waitForScreen(page), heading, 'reload after in-app navigation');
  }));

test('no request leaves the app origin and base path', async () => {
  // A site of its own: a new origin, so the browser asks again for anything
  // it asks once per host (such as /favicon.ico at the host root).
  const own = await startSite();
  try {
    await withPage(browser, own, {}, async ({ page, app }) => {
      for (const hash of screens) await gotoScreen(page, own, hash);
      assert.ok(app.requests.some((u) => u.endsWith('.wasm')), 'the wasm was never requested');
      assert.deepEqual(app.foreign, [], 'requests outside the app');
      assert.deepEqual(own.outside, [], 'the server was asked for paths outside the base');
      assert.deepEqual(
        app.requests.filter((u) => !u.startsWith(own.url) && u !== 'about:blank'),
        [],
      );
    });
  } finally {
    await own.close();
  }
});

describe('Content-Security-Policy', () => {
  /** The CSP of the built index.html, as served. */
  async function servedPolicy() {
    const html = await (await fetch(site.url)).text();
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
    assert.equal(metas.length, 1, 'exactly one CSP meta tag');
    return { html, csp: metas[0][1] };
  }

  test('is strict: no unsafe-inline, no unsafe-eval, inline loader hashed', async () => {
    const { html, csp } = await servedPolicy();
    const directives = Object.fromEntries(
      csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]),
    );
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.doesNotMatch(csp, /'unsafe-eval'/);
    assert.doesNotMatch(html, /__TEND_[A-Z_]+__/, 'a placeholder was left in index.html');
    assert.deepEqual(directives['default-src'], ["'self'"]);
    assert.deepEqual(directives['object-src'], ["'none'"]);
    assert.ok(directives['script-src'], 'no script-src');
    for (const source of directives['script-src']) {
      assert.match(source, /^'(self|wasm-unsafe-eval|sha256-[A-Za-z0-9+/=]+)'$/, `script-src ${source}`);
    }
    for (const [name, values] of Object.entries(directives)) {
      for (const v of values) assert.doesNotMatch(v, /^(https?:|\*)/, `${name} allows other hosts: ${v}`);
    }
    for (const name of ['default-src', 'script-src', 'object-src', 'worker-src']) {
      for (const v of directives[name] ?? []) assert.doesNotMatch(v, /^(data|blob):/, `${name} allows ${v}`);
    }
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
    assert.ok(inline.length >= 1, "no inline loader: Trunk's output changed");
    for (const [, body] of inline) {
      const hash = `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
      assert.ok(directives['script-src'].includes(hash), `inline script not in the CSP: ${hash}`);
    }
  });

  test('the app runs under it on every screen, and it is enforced', () =>
    withPage(browser, site, {}, async ({ page, app }) => {
      for (const hash of screens) await gotoScreen(page, site, hash);
      assert.deepEqual(await app.collectCsp(page), [], 'CSP violations while using the app');
      const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.doesNotMatch(policy ?? '', /unsafe-inline|'unsafe-eval'/);
      // An injected inline script must be refused by the browser.
      const ran = await page.evaluate(async () => {
        window.__tendInlineRan = false;
        const s = document.createElement('script');
        s.textContent = 'window.__tendInlineRan = true;';
        document.head.append(s);
        await new Promise((r) => setTimeout(r, 100));
        return window.__tendInlineRan;
      });
      assert.equal(ran, false, 'an injected inline script ran: the CSP is not enforced');
      const seen = await app.collectCsp(page);
      assert.ok(seen.some((v) => /script-src/.test(v)), `the blocked script was not reported: ${seen}`);
      app.cspViolations.length = 0;
      app.errors = app.errors.filter((e) => !/Content Security Policy/i.test(e));
    }));
});

describe('static hosting', () => {
  test('index.html refers to every asset by a relative URL', async () => {
    const html = await (await fetch(site.url)).text();
    const urls = [
      ...[...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]),
      ...[...html.matchAll(/\bfrom\s+'([^']*)'/g)].map((m) => m[1]),
      ...[...html.matchAll(/module_or_path:\s*'([^']*)'/g)].map((m) => m[1]),
    ];
    assert.ok(urls.some((u) => u.endsWith('.wasm')), 'no wasm URL found in index.html');
    for (const u of urls) {
      assert.match(u, /^(\.\/|#|data:)/, `asset URL ${u} is not relative`);
    }
  });

  test('the server says who may frame Tend, as a header (a meta tag cannot)', async () => {
    const res = await fetch(site.url);
    assert.equal(res.headers.get('content-security-policy'), "frame-ancestors 'self'");
  });

  test('the server has no rewrite rules: only real files are served', async () => {
    assert.equal((await fetch(`${site.url}learn`)).status, 404);
    assert.equal((await fetch(`${site.origin}/`)).status, 404);
    const index = await fetch(`${site.url}index.html`);
    assert.equal(index.status, 200);
    const wasm = (await index.text()).match(/'\.\/([^']+\.wasm)'/)?.[1];
    const res = await fetch(`${site.url}${wasm}`);
    assert.equal(res.headers.get('content-type'), 'application/wasm');
  });

  for (const base of ['/', '/a/deeper/sub/path/']) {
    test(`the same build works served at ${base}`, async () => {
      const other = await startSite({ base });
      try {
        await withPage(browser, other, {}, async ({ page, app }) => {
          await gotoScreen(page, other, '#/learn');
          assert.ok(app.requests.some((u) => u.startsWith(other.url) && u.endsWith('.wasm')));
        });
      } finally {
        await other.close();
      }
    });
  }

  test('an explicit index.html address (as inside an LMS package) works', () =>
    withPage(browser, site, {}, async ({ page }) => {
      await page.goto(`${site.url}index.html#/help`);
      const heading = await waitForScreen(page);
      assert.equal(heading, await englishString('ui.toml', 'help', 'title'));
    }));
});

test('tel: and sms: links on the Help screen are well formed', () =>
  withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/help');
    const linksNow = () =>
      page.$$eval('main a[href^="tel:"], main a[href^="sms:"]', (as) => as.map((a) => a.getAttribute('href')));
    const first = await linksNow();
    assert.ok(first.some((h) => h.startsWith('tel:')), 'no tel: link on the Help screen');
    const all = new Set(first);
    // Every region the person can choose.
    const radios = page.locator('main input[type="radio"]');
    for (let i = 0; i < (await radios.count()); i++) {
      await radios.nth(i).check();
      for (const href of await linksNow()) all.add(href);
    }
    for (const href of all) {
      assert.match(href, /^(tel|sms):\+?[0-9]+$/, `malformed link ${href}`);
    }
    assert.ok([...all].some((h) => h.startsWith('sms:')), 'no sms: link for any region');
    // The default lines from the product design: US/Canada 988, Samaritans
    // 116 123, Lifeline 13 11 14.
    for (const number of ['988', '116123', '131114']) {
      assert.ok(all.has(`tel:${number}`), `no tel:${number} among ${[...all]}`);
    }
  }));

describe('small screens', () => {
  test('at 320 px the home screen does not scroll sideways', () =>
    withPage(browser, site, { viewport: { width: 320, height: 640 } }, async ({ page }) => {
      await gotoScreen(page, site, '#/');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `home is ${width} px wide at 320 px`);
    }));

  // Phones let people set text to 200 % (Android's font scale goes that
  // far, and browsers follow it): the page must still fit, and "Get help
  // now" stay whole and on screen.
  test('at 320 px, and at 390 px with text at 200 %, no screen scrolls sideways', () =>
    withPage(browser, site, { viewport: { width: 320, height: 640 } }, async ({ page }) => {
      const wide = [];
      const measure = () =>
        page.evaluate(() => {
          const help = document.querySelector('[data-testid="help-now"]').getBoundingClientRect();
          const helpEl = document.querySelector('[data-testid="help-now"]');
          return {
            width: document.documentElement.scrollWidth,
            helpInside: help.left >= 0 && help.right <= window.innerWidth,
            helpWhole: helpEl.scrollWidth <= helpEl.clientWidth + 1,
          };
        });
      for (const hash of screens) {
        await page.setViewportSize({ width: 320, height: 640 });
        await gotoScreen(page, site, hash);
        const normal = await measure();
        if (normal.width > 320) wide.push(`${hash}: ${normal.width} px at 320 px`);
        await page.setViewportSize({ width: 390, height: 844 });
        await page.evaluate(() => {
          document.documentElement.style.fontSize = '200%';
        });
        const large = await measure();
        if (large.width > 390) wide.push(`${hash}: ${large.width} px at 390 px, text 200 %`);
        if (!large.helpInside || !large.helpWhole) wide.push(`${hash}: "Get help now" cut off at 200 %`);
      }
      assert.deepEqual(wide, []);
    }));
});
