// Every screen, in each language Tend ships (the browser's language picks
// it) and each theme: it loads in that language, offers "Get help now" in
// it, and axe finds nothing. Its own file, so the shell's tests and these
// each keep well inside the per-file time limit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  UNKNOWN_SCREEN,
  axeScan,
  crawl,
  formatViolations,
  gotoScreen,
  launchBrowser,
  localeString,
  routedAddresses,
  startSite,
  withPage,
} from './harness.mjs';

let site;
let browser;
/** Every screen a fresh browser reaches by in-app links, and an unknown address. */
let screens = [];

before(async () => {
  site = await startSite();
  browser = await launchBrowser();
  // Setup only reads the app; the shell's tests report a screen that fails.
  await withPage(browser, site, { check: false }, async ({ page }) => {
    const crawled = await crawl(page, site, ['#/', ...(await routedAddresses())]);
    screens = [...crawled.keys(), UNKNOWN_SCREEN];
  });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

test('the crawl found the screens', () => {
  assert.ok(screens.length >= 20, `only ${screens.length} screens: ${screens.join(' ')}`);
});

for (const [code, browserLocale] of [
  ['en', 'en-US'],
  ['es', 'es-MX'],
]) {
  for (const colorScheme of ['light', 'dark']) {
    const where = code === 'en' ? colorScheme : `${code}, ${colorScheme}`;
    test(`every screen loads, offers "Get help now" and has no axe violations (${where})`, () =>
      withPage(browser, site, { colorScheme, locale: browserLocale }, async ({ page }) => {
        const helpLabel = await localeString(code, 'ui.toml', 'app', 'get_help_now');
        const failures = [];
        for (const hash of screens) {
          const heading = await gotoScreen(page, site, hash);
          assert.ok(heading, `${hash}: empty heading`);
          const lang = await page.evaluate(() => document.documentElement.lang);
          if (lang !== code) failures.push(`${hash}: <html lang="${lang}">, not ${code}`);
          const help = page.locator('[data-testid="help-now"]');
          if ((await help.count()) !== 1 || !(await help.isVisible())) {
            failures.push(`${hash}: no visible "Get help now" link`);
          } else {
            const [href, name] = [await help.getAttribute('href'), (await help.textContent()).trim()];
            if (href !== '#/help' || name !== helpLabel) {
              failures.push(`${hash}: "Get help now" link is ${JSON.stringify({ href, name })}`);
            }
          }
          // A fetched body (a Learn topic, a strategy's steps) is scanned once it is in.
          await page.waitForFunction(() => !document.querySelector('main .fragment-status'), null, { timeout: 15000 });
          const violations = await axeScan(page);
          if (violations.length) failures.push(`${hash} (${where}):\n${formatViolations(violations)}`);
        }
        assert.equal(failures.length, 0, `\n${failures.join('\n')}`);
      }));
  }
}
