// Storage end to end: the app keeps working and tells the person plainly
// when saved data is damaged, when storage is blocked, and when two tabs
// write at once; export and import carry data to a fresh browser.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT,
  axeScan,
  downloadFile,
  englishString,
  formatViolations,
  gotoScreen,
  launchBrowser,
  startSite,
  waitForScreen,
  withPage,
  storageOf,
} from './harness.mjs';

let site;
let browser;
let scratch;
/** The schema version this build writes (CURRENT_SCHEMA in crates/tend-core/src/store/migrate.rs). */
let currentSchema;

before(async () => {
  const migrate = await readFile(join(ROOT, 'crates/tend-core/src/store/migrate.rs'), 'utf8');
  const found = migrate.match(/pub const CURRENT_SCHEMA:\s*u32\s*=\s*(\d+)\s*;/);
  assert.ok(found, 'crates/tend-core/src/store/migrate.rs has no `pub const CURRENT_SCHEMA: u32 = N;`');
  currentSchema = Number(found[1]);
  site = await startSite();
  browser = await launchBrowser();
  scratch = await mkdtemp(join(tmpdir(), 'tend-e2e-storage-'));
});

after(async () => {
  await browser?.close();
  await site?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});


/** Picks a radio choice in Settings by its visible label. */
async function choose(page, group, label) {
  await page.locator('fieldset', { hasText: group }).getByLabel(label, { exact: true }).check();
}

/** Whether a Settings radio choice is checked. */
function isChosen(page, group, label) {
  return page.locator('fieldset', { hasText: group }).getByLabel(label, { exact: true }).isChecked();
}

/** Waits until the stored envelope's settings include every field of `expected`. */
async function waitForStored(page, expected, what) {
  try {
    await page.waitForFunction(
      (want) => {
        const raw = localStorage.getItem('tend:data');
        if (!raw) return false;
        const settings = JSON.parse(raw).data.settings;
        return Object.entries(want).every(([k, v]) => settings[k] === v);
      },
      expected,
      { timeout: 5000 },
    );
  } catch {
    assert.fail(`stored data never showed ${what}: ${JSON.stringify(await storageOf(page))}`);
  }
}

/** Waits until `fn` is true in `page`, failing with `what` after 5 s. */
async function waitUntil(page, fn, what) {
  try {
    await page.waitForFunction(fn, null, { timeout: 5000 });
  } catch {
    assert.fail(`never happened: ${what}`);
  }
}

/** Clicks `testid` and returns the file it downloads. */
const downloadText = (page, testid) => downloadFile(page, testid, scratch);

test('damaged saved data is set aside, not deleted, and offered for download', () =>
  withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/');
    const damaged = '{"format":"tend","schema":1,"written_at":5,"checksum":"fnv1a64:00","data":{"settings":';
    await page.evaluate((text) => localStorage.setItem('tend:data', text), damaged);

    await gotoScreen(page, site, '#/settings');
    const banner = page.getByTestId('storage-banner');
    await banner.waitFor();
    assert.equal(await banner.getAttribute('role'), 'status');
    const recovered = page.getByTestId('recovered-data');
    assert.match(await recovered.textContent(), /set aside/);

    const stored = await storageOf(page);
    assert.equal(stored['tend:data'], undefined, 'the damaged copy no longer sits where data is read');
    const asideKeys = Object.keys(stored).filter((k) => k.startsWith('tend:recovered:'));
    assert.equal(asideKeys.length, 1, JSON.stringify(stored));
    assert.equal(stored[asideKeys[0]], damaged, 'kept exactly as it was');

    const file = await downloadText(page, 'export-recovered');
    assert.equal(file.text, damaged);
    assert.match(file.name, /^tend-set-aside-\d{4}-\d{2}-\d{2}\.txt$/);

    // The app works as usual and saves beside the set-aside copy.
    await choose(page, 'Colour scheme', 'Dark');
    await waitForStored(page, { theme: 'dark' }, 'the dark theme');
    assert.equal((await storageOf(page))[asideKeys[0]], damaged);

    const violations = await axeScan(page);
    assert.deepEqual(violations, [], formatViolations(violations));
  }));

test('export, then import into a fresh browser, restores the data', async () => {
  let exported;
  const journalText = 'Wrote this after the night shift; it can wait for supervision.';
  await withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/settings');
    await choose(page, 'Colour scheme', 'Dark');
    await choose(page, 'Text size', 'Larger');
    await waitForStored(page, { theme: 'dark', text_size: 'larger' }, 'both choices');
    // A journal entry travels with the rest (the plan, log and journal are
    // part of the export).
    await gotoScreen(page, site, '#/journal');
    await page.getByLabel(await englishString('ui-journal.toml', 'journal', 'new_label')).fill(journalText);
    await page.getByRole('button', { name: await englishString('ui-journal.toml', 'journal', 'save') }).click();
    await page.locator('.record-text', { hasText: journalText }).waitFor();
    await gotoScreen(page, site, '#/settings');
    assert.match(await page.getByTestId('backup-reminder').textContent(), /haven't exported/);

    exported = await downloadText(page, 'export');
    assert.match(exported.name, /^tend-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const envelope = JSON.parse(exported.text);
    assert.equal(envelope.format, 'tend');
    assert.equal(envelope.schema, currentSchema);
    assert.equal(envelope.data.settings.theme, 'dark');
    assert.deepEqual(envelope.data.journal.map((e) => e.text), [journalText]);
    await page.getByTestId('export-done').waitFor();
    assert.match(await page.getByTestId('backup-reminder').textContent(), /today/);
  });

  await withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/settings');
    assert.equal(await isChosen(page, 'Colour scheme', 'Dark'), false, 'a fresh browser starts blank');
    await page.getByLabel(await englishString('ui-data.toml', 'data.import', 'label')).setInputFiles(exported.path);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    const text = await preview.textContent();
    assert.match(text, /Dark/);
    assert.match(text, /Larger/);
    const counts = await englishString('ui-data.toml', 'data.import', 'preview_counts');
    const journalCount = counts.split('{journal}')[0].split('. ').pop();
    assert.ok(text.includes(`${journalCount}1`), `the preview counts the journal entry: ${text}`);
    assert.equal(await isChosen(page, 'Colour scheme', 'Dark'), false, 'a preview changes nothing');
    const violations = await axeScan(page);
    assert.deepEqual(violations, [], formatViolations(violations));

    await page.getByTestId('import-replace').click();
    await page.getByTestId('import-done').waitFor();
    assert.equal(await isChosen(page, 'Colour scheme', 'Dark'), true);
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    await waitForStored(page, { theme: 'dark', text_size: 'larger' }, 'the imported settings');

    await page.reload();
    await waitForScreen(page);
    assert.equal(await isChosen(page, 'Colour scheme', 'Dark'), true, 'kept after a reload');
    assert.equal(await isChosen(page, 'Text size', 'Larger'), true);
    await gotoScreen(page, site, '#/journal');
    await page.locator('.record-text', { hasText: journalText }).waitFor();
  });
});

test('refused imports say why and change nothing', () =>
  withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/settings');
    await choose(page, 'Colour scheme', 'Light');
    await waitForStored(page, { theme: 'light' }, 'the light theme');
    const before = (await storageOf(page))['tend:data'];
    const input = page.getByTestId('import-file');
    const cases = [
      ['garbage.json', Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x9f]), 'not_text'],
      ['letter.json', Buffer.from('Dear diary, today'), 'not_json'],
      ['other.json', Buffer.from('{"hello": "world"}'), 'not_tend'],
      ['deep.json', Buffer.from(`${'['.repeat(500)}${']'.repeat(500)}`), 'too_deep'],
      ['big.json', Buffer.alloc(16 * 1024 * 1024 + 1, 0x20), 'too_large'],
      [
        'newer.json',
        Buffer.from('{"format":"tend","schema":99,"written_at":1,"checksum":"x","data":{}}'),
        'newer',
      ],
      [
        'wrong.json',
        Buffer.from(
          '{"format":"tend","schema":1,"written_at":1,"checksum":"fnv1a64:dc7f3e5b4e66e1c6","data":{"settings":{"theme":5}}}',
        ),
        null, // damaged or wrong shape, depending on the checksum
      ],
    ];
    for (const [name, buffer, key] of cases) {
      await input.setInputFiles({ name, mimeType: 'application/json', buffer });
      const error = page.getByTestId('import-error');
      await error.waitFor();
      assert.equal(await error.getAttribute('role'), 'alert');
      const shown = (await error.textContent()).trim();
      if (key) {
        assert.equal(shown, await englishString('ui-data.toml', 'data.import', `error_${key}`), name);
      }
      assert.match(shown, /Nothing was changed/, name);
      assert.equal(await page.getByTestId('import-preview').count(), 0, name);
      assert.equal((await storageOf(page))['tend:data'], before, `${name} changed the stored data`);
      assert.equal(await isChosen(page, 'Colour scheme', 'Light'), true, name);
    }
  }));

test('two tabs open at once keep each other’s changes', () =>
  withPage(browser, site, {}, async ({ page, context }) => {
    const other = await context.newPage();
    await gotoScreen(page, site, '#/settings');
    await gotoScreen(other, site, '#/settings');

    await choose(page, 'Colour scheme', 'Dark');
    await waitForStored(page, { theme: 'dark' }, 'the first tab’s theme');
    // The other tab hears of it without a reload.
    await waitUntil(
      other,
      () => document.documentElement.dataset.theme === 'dark',
      'the second tab took in the first tab’s theme',
    );
    assert.equal(await isChosen(other, 'Colour scheme', 'Dark'), true);

    await choose(other, 'Text size', 'Large');
    await waitForStored(other, { theme: 'dark', text_size: 'large' }, 'both tabs’ changes');
    await waitUntil(
      page,
      () => document.documentElement.dataset.textSize === 'large',
      'the first tab took in the second tab’s text size',
    );

    // A quick succession of changes from both tabs loses nothing.
    await choose(page, 'Language', 'English');
    await choose(other, 'Colour scheme', 'Light');
    await waitForStored(page, { theme: 'light', language: 'en' }, 'the later changes');

    for (const p of [page, other]) {
      await p.reload();
      await waitForScreen(p);
      assert.equal(await isChosen(p, 'Colour scheme', 'Light'), true);
      assert.equal(await isChosen(p, 'Text size', 'Large'), true);
      assert.equal(await isChosen(p, 'Language', 'English'), true);
    }
    await other.close();
  }));

test('deleting everything asks first, then removes every Tend key and nothing else', () =>
  withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/settings');
    await page.evaluate(() => {
      localStorage.setItem('tend:recovered:1', 'old');
      localStorage.setItem('someone-else', 'not Tend’s');
    });
    await choose(page, 'Colour scheme', 'Dark');
    await waitForStored(page, { theme: 'dark' }, 'the dark theme');
    assert.match(await page.getByTestId('storage-status').textContent(), /Saved in this browser/);

    await page.getByTestId('delete-all').click();
    await page.getByTestId('delete-cancel').click();
    assert.ok((await storageOf(page))['tend:data'], 'cancel keeps the data');

    await page.getByTestId('delete-all').click();
    assert.ok((await storageOf(page))['tend:data'], 'asking is not deleting');
    // The app moves focus once the question is shown (in a zero-delay
    // timeout), so wait for it rather than read it at once.
    try {
      await page.waitForFunction(() => document.activeElement?.id === 'delete-confirm-text', null, { timeout: 5000 });
    } catch {
      assert.fail(
        `focus never moved to the question; it is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}`,
      );
    }
    const violations = await axeScan(page);
    assert.deepEqual(violations, [], formatViolations(violations));
    await page.getByTestId('delete-confirm').click();
    await page.getByTestId('delete-done').waitFor();
    assert.deepEqual(await storageOf(page), { 'someone-else': 'not Tend’s' });
    assert.equal(await isChosen(page, 'Colour scheme', 'Same as my device'), true);
    assert.match(await page.getByTestId('storage-status').textContent(), /Nothing saved yet/);
    await page.reload();
    await waitForScreen(page);
    assert.deepEqual(await storageOf(page), { 'someone-else': 'not Tend’s' });
  }));

test('with storage blocked (sandboxed frame) the app still runs and says so', () =>
  // context.route cannot see requests a service worker answers.
  withPage(browser, site, { serviceWorkers: 'block' }, async ({ page, context }) => {
    // A host page on the site's origin that embeds Tend in a frame without
    // allow-same-origin: the frame's origin is opaque, so localStorage
    // throws. Static files answer cross-origin requests as common static
    // hosts do (the opaque origin makes module and wasm loads CORS loads).
    const hostUrl = `${site.url}sandbox-host.html`;
    await context.route(`${site.origin}/**`, async (route) => {
      if (route.request().url() === hostUrl) {
        return route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="en"><title>Host</title>
            <iframe title="Tend" sandbox="allow-scripts allow-downloads" style="width:100%;height:900px"
              src="${site.url}#/settings"></iframe></html>`,
        });
      }
      const response = await route.fetch();
      return route.fulfill({
        response,
        headers: { ...response.headers(), 'access-control-allow-origin': '*' },
      });
    });
    await page.goto(hostUrl);
    const frame = page.frameLocator('iframe');
    const banner = frame.getByTestId('storage-banner');
    await banner.waitFor({ timeout: 15000 });
    assert.equal(
      (await banner.locator('p').first().textContent()).trim(),
      await englishString('ui-data.toml', 'data.banner', 'unavailable'),
    );
    assert.match(await frame.getByTestId('storage-status').textContent(), /memory only/);
    // Choices still work for this visit.
    await frame.locator('fieldset', { hasText: 'Colour scheme' }).getByLabel('Dark', { exact: true }).check();
    assert.equal(
      await frame.locator('fieldset', { hasText: 'Colour scheme' }).getByLabel('Dark', { exact: true }).isChecked(),
      true,
    );
    assert.equal(await frame.getByTestId('banner-export').isVisible(), true);
  }));

test('persistent storage is asked for once, after the first save, and shown', () =>
  withPage(browser, site, {}, async ({ page, context }) => {
    // Stands in for the browser's answer, which headless Chromium always
    // gives as "no"; counts how often Tend asks.
    await context.addInitScript(() => {
      window.__persistCalls = 0;
      let granted = false;
      navigator.storage.persist = () => {
        window.__persistCalls += 1;
        granted = true;
        return Promise.resolve(true);
      };
      navigator.storage.persisted = () => Promise.resolve(granted);
    });
    await gotoScreen(page, site, '#/settings');
    const status = page.getByTestId('storage-status');
    assert.match(await status.textContent(), /Nothing saved yet/);
    assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'not asked before anything is saved');

    await choose(page, 'Colour scheme', 'Dark');
    await waitForStored(page, { theme: 'dark' }, 'the dark theme');
    await waitUntil(page, () => window.__persistCalls === 1, 'asked after the first save');
    await waitUntil(
      page,
      () => /agreed to keep it/.test(document.querySelector('[data-testid=storage-status]')?.textContent ?? ''),
      'the status says storage is persistent',
    );
    assert.match(await status.textContent(), /Saved in this browser on this device/);
    assert.match(await status.textContent(), /KB used/);

    await choose(page, 'Text size', 'Large');
    await waitForStored(page, { text_size: 'large' }, 'the large text');
    assert.equal(await page.evaluate(() => window.__persistCalls), 1, 'asked only once');
  }));

test('when Tend fills four fifths of what the browser keeps, every screen says so and offers an export', () =>
  withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/settings');
    assert.equal(await page.getByTestId('storage-nearly-full').count(), 0, 'told with almost nothing stored');
    // 4.3 million UTF-16 units under a Tend key: 82 % of the 5 Mi units a
    // browser keeps for one site.
    await page.evaluate(() => localStorage.setItem('tend:padding', 'x'.repeat(4_300_000)));
    await page.reload();
    await waitForScreen(page);
    const notice = page.getByTestId('storage-nearly-full');
    await notice.waitFor();
    const percent = await page.evaluate(() => new Intl.NumberFormat('en', { style: 'percent' }).format(0.82));
    assert.ok((await notice.textContent()).includes(percent), `the notice says ${percent}: ${await notice.textContent()}`);
    const violations = await axeScan(page);
    assert.deepEqual(violations, [], formatViolations(violations));
    // On another screen too, until hidden.
    await gotoScreen(page, site, '#/learn');
    await notice.waitFor();
    await page.getByTestId('dismiss-nearly-full').click();
    await notice.waitFor({ state: 'detached' });
    await page.evaluate(() => localStorage.removeItem('tend:padding'));
  }));
