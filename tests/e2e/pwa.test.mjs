// Tend as an installable, offline web app: the web app manifest and its
// icons, the service worker's precache (every screen loads with the server
// gone), the "new version" prompt after a rebuild, and two deployments on
// one origin keeping their caches apart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../tools/serve.mjs';
import { siteFiles, writeServiceWorker } from '../../tools/sw.mjs';
import { DIST, englishString, gotoScreen, launchBrowser, localeString, startSite, waitForScreen, withPage } from './harness.mjs';

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

/** Width and height from a PNG's IHDR chunk; throws if `buf` is no PNG. */
function pngSize(buf) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(buf.subarray(0, 8).equals(signature), 'not a PNG');
  assert.equal(buf.subarray(12, 16).toString('latin1'), 'IHDR', 'the first chunk is not IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** GETs `url`, failing on anything but 200. */
async function get(url) {
  const res = await fetch(url);
  assert.equal(res.status, 200, `${url}: HTTP ${res.status}`);
  return { type: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()) };
}

/** The version sw.js in `dir` was written with. */
function builtVersion(dir) {
  const m = readFileSync(join(dir, 'sw.js'), 'utf8').match(/^const VERSION = "([0-9a-f]+)";$/m);
  assert.ok(m, `${dir}/sw.js has no VERSION`);
  return m[1];
}

/**
 * Makes sure the page's service worker is installed and active, and returns
 * its registration's scope. The app registers sw.js itself (checked by its
 * own test below); registering the same script for the same scope again
 * changes nothing, and lets these tests check the worker on their own.
 */
async function workerReady(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.register('sw.js');
    const reg = await navigator.serviceWorker.ready;
    return reg.scope;
  });
}

/** What the page's service worker and caches look like now. */
function workerState(page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return {
      scope: reg?.scope ?? null,
      active: reg?.active?.state ?? null,
      waiting: reg?.waiting?.state ?? null,
      controller: navigator.serviceWorker.controller?.scriptURL ?? null,
      caches: await caches.keys(),
    };
  });
}

/**
 * Evaluates the async `fn(arg)` in the page every 200 ms until it returns
 * something truthy (page.waitForFunction does not await a promise).
 */
async function until(page, what, fn, arg, { timeout = 20000 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting until ${what}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

/** Waits until the page's registration has a worker installed and waiting. */
function waitForWaiting(page) {
  return until(page, 'a new worker is waiting', async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return reg?.waiting?.state === 'installed';
  });
}

/** The screens to open offline: each route of src/route.rs, with what a loaded page shows. */
const OFFLINE_SCREENS = [
  ['#/'],
  ['#/check-in'],
  ['#/pulse'],
  ['#/learn', 'main p'],
  // Pages whose bodies are fetched fragments: the fragment's text must show.
  ['#/learn/what-it-is', '.content-sections h2'],
  ['#/leaders'],
  ['#/strategies'],
  ['#/strategies/paced-breathing', '.strategy-steps li'],
  ['#/practice'],
  ['#/plan'],
  ['#/journal'],
  ['#/history'],
  ['#/help'],
  ['#/resources', '.book-list .book-title'],
  ['#/settings'],
];

test('the manifest is linked and complete, its URLs stay inside the served path, and every icon is the size it says', () =>
  withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/');
    const links = await page.evaluate(() => ({
      manifest: document.querySelector('link[rel="manifest"]')?.href ?? null,
      appleTouch: document.querySelector('link[rel="apple-touch-icon"]')?.href ?? null,
      icons: [...document.querySelectorAll('link[rel="icon"]')].map((l) => l.href),
    }));
    assert.equal(links.manifest, `${site.url}manifest.webmanifest`);

    const { type, body } = await get(links.manifest);
    assert.match(type, /^application\/manifest\+json/);
    const manifest = JSON.parse(body.toString('utf8'));
    assert.equal(manifest.name, await englishString('ui.toml', 'app', 'name'));
    assert.equal(manifest.short_name, await englishString('ui.toml', 'app', 'short_name'));
    assert.equal(manifest.description, await englishString('ui.toml', 'app', 'description'));
    assert.equal(manifest.display, 'standalone');
    assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
    assert.match(manifest.background_color, /^#[0-9a-f]{6}$/i);
    const start = new URL(manifest.start_url, links.manifest).href;
    assert.equal(start, site.url, 'start_url is the served base');
    assert.equal(new URL(manifest.scope, links.manifest).href, site.url, 'scope is the served base');
    // The app's identity: `id` resolves against the origin alone, so it
    // must stay inside the base too, or two deployments would be one app.
    const id = manifest.id === undefined ? start : new URL(manifest.id, new URL(start).origin).href;
    assert.ok(id.startsWith(site.url), `the app's id ${id} is outside ${site.url}`);

    const purposes = { any: [], maskable: [] };
    for (const icon of manifest.icons) {
      assert.equal(icon.type, 'image/png', `${icon.src}: type`);
      const png = await get(new URL(icon.src, links.manifest).href);
      assert.match(png.type, /^image\/png/, `${icon.src}: served as ${png.type}`);
      const { width, height } = pngSize(png.body);
      assert.equal(`${width}x${height}`, icon.sizes, `${icon.src}: declared ${icon.sizes}, is ${width}x${height}`);
      for (const p of (icon.purpose ?? 'any').split(/\s+/)) purposes[p]?.push(icon.sizes);
      if (/maskable/.test(icon.src)) assert.equal(icon.purpose, 'maskable', `${icon.src}: purpose`);
    }
    for (const [purpose, sizes] of Object.entries(purposes)) {
      for (const size of ['192x192', '512x512']) {
        assert.ok(sizes.includes(size), `no ${size} icon with purpose ${purpose}`);
      }
    }

    assert.equal(links.appleTouch, `${site.url}icons/apple-touch-icon.png`);
    const touch = await get(links.appleTouch);
    assert.deepEqual(pngSize(touch.body), { width: 180, height: 180 });
    // iOS shows transparency as black: every pixel must be opaque.
    const transparent = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) count++;
      return count;
    }, links.appleTouch);
    assert.equal(transparent, 0, 'the apple-touch-icon has transparent pixels');

    assert.ok(links.icons.length > 0, 'no <link rel="icon">');
    for (const href of links.icons) {
      assert.ok(href.startsWith(site.url), `${href} is outside the served path`);
      await get(href);
    }
  }));

test('a default, empty tend.config.json ships with the site', async () => {
  const { body } = await get(`${site.url}tend.config.json`);
  assert.deepEqual(JSON.parse(body.toString('utf8')), {});
});

test('the app registers its service worker for its own path', () =>
  withPage(browser, site, {}, async ({ page }) => {
    // Nothing here registers the worker: the app must.
    await gotoScreen(page, site, '#/');
    await until(page, 'the app registers a service worker', async () =>
      Boolean(await navigator.serviceWorker.getRegistration()),
    );
    const state = await workerState(page);
    assert.equal(state.scope, site.url);
  }));

test('the service worker precaches every file of the build, and every screen then loads with the server gone', () =>
  withPage(browser, site, { allowConsoleErrors: true }, async ({ page, context, app }) => {
    await gotoScreen(page, site, '#/');
    assert.equal(await workerReady(page), site.url);
    await page.reload({ waitUntil: 'load' });
    await waitForScreen(page);
    const state = await workerState(page);
    assert.equal(state.controller, `${site.url}sw.js`, 'the page is not controlled by the worker after a reload');

    const version = builtVersion(DIST);
    const precache = `tend-precache:${site.url}:${version}`;
    assert.ok(state.caches.includes(precache), `no cache ${precache} in ${state.caches.join(', ')}`);
    const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url), precache);
    const expected = siteFiles(DIST)
      .filter((f) => f !== 'sw.js')
      .map((f) => `${site.url}${f}`);
    assert.deepEqual([...cached].sort(), expected.sort(), 'the precache does not hold exactly the files of dist/');

    const readConfig = () =>
      page.evaluate(async () => {
        const res = await fetch('tend.config.json');
        return { status: res.status, body: await res.text() };
      });
    assert.deepEqual(await readConfig(), { status: 200, body: '{}' });

    // Requests that fail from here on must be the worker's own tries at the
    // network (the config, its update check), never the page's.
    const failedFromPage = [];
    context.on('requestfailed', (req) => {
      if (!req.serviceWorker() && !(req.failure()?.errorText ?? '').includes('ERR_ABORTED')) {
        failedFromPage.push(`${req.url()} (${req.failure()?.errorText})`);
      }
    });
    const errorsBefore = app.errors.length;
    await site.close();

    for (const [hash, selector] of OFFLINE_SCREENS) {
      const heading = await gotoScreen(page, site, hash);
      assert.ok(heading, `${hash}: no heading offline`);
      if (selector) {
        await page.locator(selector).first().waitFor({ state: 'visible', timeout: 15000 });
        const text = (await page.locator(selector).first().textContent()).trim();
        assert.ok(text.length > 0, `${hash}: ${selector} is empty offline`);
      }
      const fragmentError = await page.locator('[data-testid="fragment-error"]').count();
      assert.equal(fragmentError, 0, `${hash}: a fragment failed to load offline`);
    }
    // The other language was never opened, yet switching to it works with
    // the server gone: its pack and pages are in the precache.
    await gotoScreen(page, site, '#/');
    await page.getByTestId('language-es').click();
    const spanishHome = await localeString('es', 'ui.toml', 'home', 'title');
    await page.waitForFunction(
      (title) => document.documentElement.lang === 'es' && document.querySelector('main h1')?.textContent.trim() === title,
      spanishHome,
      { timeout: 15000 },
    );
    await gotoScreen(page, site, '#/learn/what-it-is');
    await page.locator('.content-sections h2').first().waitFor({ state: 'visible', timeout: 15000 });
    assert.equal(await page.locator('[data-testid="fragment-error"]').count(), 0, 'a Spanish page failed to load offline');
    // The config is network-first; with no network the last copy serves.
    assert.deepEqual(await readConfig(), { status: 200, body: '{}' }, 'tend.config.json offline');
    assert.deepEqual(failedFromPage, [], 'the page itself asked the network for something');
    // The harness counts every failed request as an error, the worker's
    // own tries included (which is why allowConsoleErrors is on); anything
    // else the page reported offline is a real failure.
    const pageErrors = app.errors
      .slice(errorsBefore)
      .filter((e) => !e.startsWith('request failed: '));
    assert.deepEqual(pageErrors, [], 'the page reported errors offline');
  }).finally(async () => {
    // Later tests need the site; this one closed it.
    site = await startSite();
  }));

/**
 * Serves a copy of dist/ (which a test may "rebuild"), opens it, and once
 * its worker controls the page runs `fn({page, served, copy, oldVersion})`;
 * removes the copy afterwards.
 */
async function withControlledCopy(fn) {
  const copy = mkdtempSync(join(tmpdir(), 'tend-update-'));
  cpSync(DIST, copy, { recursive: true });
  const served = await startSite({ dir: copy });
  try {
    await withPage(browser, served, {}, async ({ page }) => {
      await gotoScreen(page, served, '#/');
      await workerReady(page);
      await page.reload({ waitUntil: 'load' });
      await waitForScreen(page);
      await fn({ page, served, copy, oldVersion: builtVersion(copy) });
    });
  } finally {
    await served.close();
    rmSync(copy, { recursive: true, force: true });
  }
}

test('a rebuilt site installs a new worker that waits, and takes over when the page asks', () =>
  withControlledCopy(async ({ page, served, copy, oldVersion }) => {
    const before = await workerState(page);
    assert.equal(before.controller, `${served.url}sw.js`);

    // A deployer's config reaches the page at once, with no rebuild: the
    // worker asks the network first for it.
    writeFileSync(join(copy, 'tend.config.json'), '{"org_name":"Deployed"}');
    const config = await page.evaluate(async () => (await fetch('tend.config.json')).text());
    assert.equal(config, '{"org_name":"Deployed"}', 'tend.config.json came from the precache, not the network');

    // What a rebuild does: new files, then a new sw.js listing them.
    writeFileSync(join(copy, 'update-check.txt'), 'a file the first build did not have\n');
    const { version: newVersion } = writeServiceWorker(copy);
    assert.notEqual(newVersion, oldVersion, 'a changed site keeps its version');

    await page.reload({ waitUntil: 'load' });
    await waitForScreen(page);
    await waitForWaiting(page);
    const waiting = await workerState(page);
    assert.ok(waiting.caches.includes(`tend-precache:${served.url}:${newVersion}`), 'the new version was not precached');
    assert.ok(waiting.caches.includes(`tend-precache:${served.url}:${oldVersion}`), 'the running version lost its cache');

    // The page's part (the app does this from its update banner).
    const changed = page.evaluate(
      () => new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', () => ok(true), { once: true })),
    );
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      reg.waiting.postMessage({ type: 'tend:skip-waiting' });
    });
    assert.equal(await changed, true);
    await until(
      page,
      "the old version's cache is gone",
      async (old) => !(await caches.keys()).some((n) => n.endsWith(`:${old}`)),
      oldVersion,
    );
    const after = await workerState(page);
    assert.equal(after.waiting, null);
    assert.equal(after.active, 'activated');
    assert.deepEqual(
      after.caches.filter((n) => n.startsWith('tend-precache:')),
      [`tend-precache:${served.url}:${newVersion}`],
    );
    const listed = await page.evaluate(async (url) => (await caches.match(url))?.status ?? null, `${served.url}update-check.txt`);
    assert.equal(listed, 200, 'the new worker does not serve the new file from its precache');
  }));

test('after a rebuild the page offers the new version, and its button reloads under the new worker', () =>
  withControlledCopy(async ({ page, served, copy, oldVersion }) => {
    const banner = page.locator('[data-testid="update-ready"]');
    assert.equal(await banner.count(), 0, 'the update banner shows with nothing new');

    writeFileSync(join(copy, 'update-check.txt'), 'a file the first build did not have\n');
    const { version: newVersion } = writeServiceWorker(copy);

    await page.reload({ waitUntil: 'load' });
    await waitForScreen(page);
    await banner.waitFor({ state: 'visible', timeout: 20000 });
    assert.match(await banner.textContent(), /A new version is ready/);
    const oldController = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    assert.equal(oldController, `${served.url}sw.js`, 'the page left its worker before the person chose to');

    const reloaded = page.waitForEvent('load', { timeout: 20000 });
    await page.locator('[data-testid="update-reload"]').click();
    await reloaded;
    await waitForScreen(page);
    const after = await workerState(page);
    assert.equal(after.controller, `${served.url}sw.js`, 'the reloaded page is not controlled');
    assert.equal(after.waiting, null, 'a worker is still waiting after the reload');
    const precaches = after.caches.filter((n) => n.startsWith('tend-precache:'));
    assert.deepEqual(precaches, [`tend-precache:${served.url}:${newVersion}`], 'the new version is not the one running');
    assert.equal(await banner.count(), 0, 'the banner still shows after the reload');
  }));

test('deployments under different paths of one origin each keep their own worker and caches', async () => {
  // Three builds that differ, so each has a version of its own: /a/, a
  // deeper /a/:nested/ (a colon may start a path segment, so its cache
  // names start with the whole of /a/'s prefix, `tend-precache:…/a/:`), and
  // /team/b/.
  const dirs = ['a', 'nested', 'b'].map((name) => {
    const dir = mkdtempSync(join(tmpdir(), `tend-scope-${name}-`));
    cpSync(DIST, dir, { recursive: true });
    writeFileSync(join(dir, 'deployment.txt'), `${name}\n`);
    writeServiceWorker(dir);
    return dir;
  });
  const [a, nested, b] = dirs;
  const server = await serve({
    port: 0,
    mounts: [
      { dir: a, base: '/a/' },
      { dir: nested, base: '/a/:nested/' },
      { dir: b, base: '/team/b/' },
    ],
  });
  const origin = new URL(server.url).origin;
  const urls = { a: `${origin}/a/`, nested: `${origin}/a/:nested/`, b: `${origin}/team/b/` };
  const versions = { a: builtVersion(a), nested: builtVersion(nested), b: builtVersion(b) };
  const whole = { url: `${origin}/`, origin, base: '/' };
  try {
    await withPage(browser, whole, {}, async ({ page }) => {
      const open = async (url) => {
        if (page.url() !== 'about:blank') await page.goto('about:blank');
        await page.goto(`${url}#/`, { waitUntil: 'load' });
        return waitForScreen(page);
      };
      // /a/ activates last, after the other two have filled their caches:
      // its clean-up must leave theirs alone.
      for (const key of ['b', 'nested', 'a']) {
        assert.ok(await open(urls[key]), `${urls[key]}: no heading`);
        assert.equal(await workerReady(page), urls[key]);
        await page.reload({ waitUntil: 'load' });
        await waitForScreen(page);
        assert.equal((await workerState(page)).controller, `${urls[key]}sw.js`, `${urls[key]}: not controlled by its own worker`);
      }
      const scopes = await page.evaluate(async () =>
        (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope).sort(),
      );
      assert.deepEqual(scopes, Object.values(urls).sort());
      const expected = Object.keys(urls).map((k) => `tend-precache:${urls[k]}:${versions[k]}`).sort();
      const precaches = async () =>
        (await page.evaluate(() => caches.keys())).filter((n) => n.startsWith('tend-precache:')).sort();
      assert.deepEqual(await precaches(), expected);

      // A new build of /a/ replaces /a/'s cache and no other.
      writeFileSync(join(a, 'deployment.txt'), 'a, rebuilt\n');
      const { version: rebuilt } = writeServiceWorker(a);
      await open(urls.a);
      await waitForWaiting(page);
      await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        reg.waiting.postMessage({ type: 'tend:skip-waiting' });
      });
      await until(
        page,
        "/a/'s old cache is gone",
        async (old) => !(await caches.keys()).includes(old),
        `tend-precache:${urls.a}:${versions.a}`,
      );
      versions.a = rebuilt;
      assert.deepEqual(await precaches(), Object.keys(urls).map((k) => `tend-precache:${urls[k]}:${versions[k]}`).sort());

      // Each path still opens, from its own worker.
      for (const key of ['nested', 'b']) {
        await open(urls[key]);
        assert.equal((await workerState(page)).controller, `${urls[key]}sw.js`);
      }
    });
  } finally {
    await server.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
});
