// The page before (and without) the app: the static shell index.html paints
// at once, help.html needs no script, the message when the app cannot start,
// the takeover without a second heading or a layout shift, and the
// navigation on a phone.
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
  screenUrl,
  startSite,
  waitForScreen,
  withPage,
} from './harness.mjs';

let site;
let browser;
/** Every built-in crisis line's tel:/sms: link, from locales/en/help.toml. */
let builtInLinks;

before(async () => {
  site = await startSite();
  browser = await launchBrowser();
  const help = await readFile(join(ROOT, 'locales/en/help.toml'), 'utf8');
  builtInLinks = [...help.matchAll(/kind = "(tel|sms)"\s*\nvalue = "([^"]+)"/g)].map(
    ([, kind, value]) => `${kind}:${value.replace(/[ .-]/g, '')}`,
  );
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** The text of the static shell's start-failure message, if shown. */
const failureShown = (page) =>
  page.evaluate(() => {
    const m = document.querySelector('#tend-static [data-testid="start-failed"]');
    return m && !m.hidden ? m.textContent : null;
  });

test('without JavaScript, index.html is the shell with a working link to help.html, which lists every line', () =>
  // With script off the browser refuses the app's module preload; that is
  // the only error.
  withPage(browser, site, { javaScriptEnabled: false, allowConsoleErrors: true }, async ({ page, app }) => {
    assert.ok(builtInLinks.length >= 4, `found ${builtInLinks.length} built-in lines`);
    await page.goto(screenUrl(site, '#/'), { waitUntil: 'load' });
    const helpNow = page.getByTestId('help-now');
    assert.equal((await helpNow.textContent()).trim(), await englishString('ui.toml', 'app', 'get_help_now'));
    assert.equal(await page.locator('main h1').textContent(), await englishString('ui.toml', 'home', 'title'));
    assert.equal(await page.locator('nav.main-nav a').count(), 5);
    assert.ok(await page.locator('a[href="./help.html"]').count() >= 2, 'the header and the noscript note link help.html');
    await helpNow.click();
    await page.waitForURL(/help\.html$/);
    assert.equal(await page.locator('h1').textContent(), await englishString('ui.toml', 'help', 'title'));
    const hrefs = await page.locator('a[href^="tel:"], a[href^="sms:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const link of builtInLinks) assert.ok(hrefs.includes(link), `${link} missing from help.html: ${hrefs}`);
    const text = await page.locator('main').textContent();
    assert.ok(text.includes(await englishString('ui.toml', 'help', 'emergency')));
    assert.ok(text.includes(await englishString('ui.toml', 'help', 'not_crisis')));
    assert.ok(text.includes(await englishString('ui.toml', 'help', 'static_org_note')));
    assert.ok(app.errors.every((e) => /\.js \(csp\)$/.test(e)), app.errors.join('\n'));
  }));

test('help.html adds the deployment’s own lines when tend.config.json names them', () =>
  withPage(browser, site, {}, async ({ page, context }) => {
    await context.route('**/tend.config.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          organisation: 'Harbour Health',
          contacts: [
            { label: 'Employee Assistance Programme', kind: 'phone', value: '+44 800 555 0100' },
            { label: 'Staff wellbeing hub', kind: 'web', value: 'https://wellbeing.example.org/' },
          ],
        }),
      }),
    );
    await page.goto(`${site.url}help.html`, { waitUntil: 'load' });
    const org = page.locator('#org-contacts');
    await org.waitFor({ state: 'visible' });
    assert.deepEqual(
      await org.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent])),
      [
        ['tel:+448005550100', 'Call +44 800 555 0100'],
        ['https://wellbeing.example.org/', 'Visit Staff wellbeing hub'],
      ],
    );
    assert.equal(await page.locator('#org-contacts-note').isHidden(), true);
    const violations = await axeScan(page);
    assert.deepEqual(violations, [], formatViolations(violations));
  }));

test('a deployment contact that breaks the rules keeps every one of them off help.html', () =>
  withPage(browser, site, {}, async ({ page, context }) => {
    await context.route('**/tend.config.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          contacts: [
            { label: 'EAP', kind: 'phone', value: '0800 555 0100' },
            { label: 'Trap', kind: 'web', value: 'javascript:alert(1)' },
          ],
        }),
      }),
    );
    await page.goto(`${site.url}help.html`, { waitUntil: 'networkidle' });
    assert.equal(await page.locator('#org-contacts').isHidden(), true);
    assert.equal(await page.locator('#org-contacts-note').isVisible(), true);
  }));

test('the app takes over the first paint with one heading and no layout shift', () =>
  withPage(browser, site, { viewport: { width: 360, height: 740 } }, async ({ page, context }) => {
    await context.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Before the app: hold the wasm back and look at the first paint
    // (routing turns the HTTP cache off, so every load asks again).
    let release;
    let held;
    const hold = () => {
      held = new Promise((r) => {
        release = r;
      });
    };
    hold();
    await context.route('**/*_bg.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(screenUrl(site, '#/learn/burnout'), { waitUntil: 'domcontentloaded' });
    assert.equal(await page.locator('#tend-static').count(), 1);
    assert.equal(await page.locator('main h1').count(), 0, 'another address leaves the main area to the app');
    assert.equal(await page.locator('nav a[aria-current]').count(), 0);
    assert.equal(await failureShown(page), null);
    release();
    assert.equal(await waitForScreen(page), 'Secondary trauma or burnout?');

    await page.goto('about:blank');
    hold();
    await page.goto(screenUrl(site, '#/'), { waitUntil: 'domcontentloaded' });
    assert.equal(await page.locator('#tend-static').count(), 1);
    const staticHeading = await page.locator('main h1').textContent();
    const box = await page.locator('main h1').boundingBox();
    release();
    assert.equal(await waitForScreen(page), staticHeading);
    assert.equal(await page.locator('h1').count(), 1, 'one heading after the takeover');
    assert.equal(await page.locator('#main').count(), 1);
    assert.deepEqual(await page.locator('main h1').boundingBox(), box, 'the heading did not move');
    assert.equal(await page.locator('nav.main-nav a[aria-current="page"]').getAttribute('href'), '#/');
    assert.equal(await page.getByTestId('help-now').getAttribute('href'), '#/help');
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'layout shifts');
    assert.ok(await page.evaluate(() => performance.getEntriesByName('tend-ready').length === 1));
  }));

/** Checks the shell, the message and a working way to the crisis lines in `frame`. */
async function assertFailureShown(frame, page) {
  await frame.locator('[data-testid="start-failed"]').waitFor({ state: 'visible', timeout: 15000 });
  const text = await frame.locator('[data-testid="start-failed"]').textContent();
  assert.ok(text.includes(await englishString('ui.toml', 'app', 'start_failed')), text);
  assert.equal(await frame.locator('[data-testid="help-now"]').getAttribute('href'), './help.html');
  await frame.locator('[data-testid="start-failed"] a').click();
  const links = frame.locator('a[href^="tel:"]');
  await links.first().waitFor({ timeout: 10000 });
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.includes('tel:988'), hrefs.join(' '));
  return page;
}

test('without WebAssembly the shell says Tend cannot start and leads to the crisis lines', () =>
  withPage(browser, site, { allowConsoleErrors: true }, async ({ page, context, app }) => {
    await context.addInitScript(() => {
      delete window.WebAssembly;
    });
    await page.goto(screenUrl(site, '#/'), { waitUntil: 'load' });
    await assertFailureShown(page, page);
    // Only the failure itself is logged.
    assert.ok(app.errors.length <= 1, app.errors.join('\n'));
  }));

test('when the wasm download fails the shell says so, and Try again reloads', () =>
  withPage(browser, site, { allowConsoleErrors: true }, async ({ page, context, app }) => {
    let fail = true;
    await context.route('**/*_bg.wasm', (route) => (fail ? route.abort('failed') : route.continue()));
    await page.goto(screenUrl(site, '#/'), { waitUntil: 'load' });
    const message = page.getByTestId('start-failed');
    await message.waitFor({ state: 'visible', timeout: 15000 });
    // Only the failed download itself is logged (as the browser reports it).
    assert.ok(
      app.errors.every((e) => /Failed to (fetch|load resource)|_bg\.wasm \(net::ERR_FAILED\)/.test(e)),
      app.errors.join('\n'),
    );
    fail = false;
    await message.getByRole('button').click();
    await waitForScreen(page);
    assert.equal(await page.getByTestId('start-failed').count(), 0);
  }));

test('in a sandboxed frame on a host without CORS headers the crisis lines are still reached', () =>
  withPage(browser, site, { allowConsoleErrors: true, serviceWorkers: 'block' }, async ({ page, context }) => {
    const hostUrl = `${site.url}plain-host.html`;
    await context.route(hostUrl, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>Host</title>
          <iframe title="Tend" sandbox="allow-scripts" style="width:100%;height:900px" src="${site.url}#/"></iframe></html>`,
      }),
    );
    await page.goto(hostUrl);
    const frame = page.frameLocator('iframe');
    await assertFailureShown(frame, page);
  }));

test('on a 360 px phone the navigation is one row, and every destination is reached by keyboard', () =>
  withPage(browser, site, { viewport: { width: 360, height: 740 } }, async ({ page }) => {
    await gotoScreen(page, site, '#/');
    const nav = await page.locator('nav.main-nav').boundingBox();
    assert.ok(nav.height <= 72, `navigation is ${nav.height} px tall`);
    const tops = await page.locator('nav.main-nav a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().top));
    assert.equal(new Set(tops).size, 1, `entries on rows at ${tops}`);
    // Tab from the top of the page to More, Enter, then Tab to each entry.
    await page.keyboard.press('Tab');
    let found = false;
    for (let i = 0; i < 12 && !found; i += 1) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.getAttribute('href') === '#/more');
    }
    assert.ok(found, 'More is reached by Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#/more');
    assert.equal(await waitForScreen(page), await englishString('ui.toml', 'more', 'title'));
    assert.equal(await page.locator('nav a[aria-current="page"]').getAttribute('href'), '#/more');
    const listed = await page.getByTestId('more-list').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(listed, ['#/history', '#/practice', '#/journal', '#/learn', '#/leaders', '#/resources', '#/settings']);
    const violations = await axeScan(page);
    assert.deepEqual(violations, [], formatViolations(violations));
  }));
