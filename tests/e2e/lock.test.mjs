// The passphrase lock end to end (issue 14): turned on by keyboard alone,
// nothing of the person's data left readable in the browser's storage or
// on the unlock screen, a wrong passphrase changing nothing, Get help while
// locked, unlocking by keyboard, Lock now, the idle lock, two tabs,
// encrypted export and import into a fresh browser, and turning it off.
//
// Every string is read from locales/en/ui-lock.toml (and the other locale
// files), so a reworded message moves the test with it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  axeScan,
  downloadFile,
  englishString,
  finishCheckIn,
  formatViolations,
  gotoScreen,
  launchBrowser,
  localeString,
  screenUrl,
  setColorScheme,
  startSite,
  tabTo,
  waitForScreen,
  withPage,
  storageOf,
  dataIn,
  waitUntil,
} from './harness.mjs';

let site;
let browser;
let scratch;

before(async () => {
  site = await startSite();
  browser = await launchBrowser();
  scratch = await mkdtemp(join(tmpdir(), 'tend-e2e-lock-'));
});

after(async () => {
  await browser?.close();
  await site?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const PASSPHRASE = 'kettle orchard lantern nine';
const WRONG = 'kettle orchard lantern ten';

// ------------------------------------------------------------------ helpers

/** A string from locales/en/ui-lock.toml. */
const lockString = (table, key) => englishString('ui-lock.toml', table, key);



/** Asserts the page has no axe violations. */
async function assertNoAxe(page, where) {
  const violations = await axeScan(page);
  assert.deepEqual(violations, [], `${where}:\n${formatViolations(violations)}`);
}

/** The whole document as markup: everything that is in the DOM. */
function domOf(page) {
  return page.evaluate(() => document.documentElement.outerHTML);
}

/** Moves to `hash` inside the running app (no reload, so no lock) and waits for its heading. */
async function goInApp(page, hash, heading) {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await waitUntil(
    page,
    ([h, title]) => location.hash === h && (document.querySelector('main h1')?.textContent ?? '').trim() === title,
    [hash, heading],
    `${hash} shows "${heading}"`,
  );
}

/** Saves a journal entry on the Journal screen (already open) and waits for it. */
async function writeJournal(page, text) {
  await page.getByLabel(await englishString('ui-journal.toml', 'journal', 'new_label')).fill(text);
  await page.getByRole('button', { name: await englishString('ui-journal.toml', 'journal', 'save') }).click();
  await page.locator('.record-text', { hasText: text }).waitFor();
}

/** Tabs to `selector` and types `text` there, as a keyboard-only person would. */
async function typeInto(page, selector, text) {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

/** Whether a stored value is sealed. */
const isSealed = (text) => typeof text === 'string' && text.startsWith('{"format":"tend-sealed"');

/** Waits until every Tend key but the lock record holds sealed text. */
function waitAllSealed(page) {
  return waitUntil(
    page,
    () => {
      const keys = Object.keys(localStorage).filter((k) => k.startsWith('tend:') && k !== 'tend:lock');
      return (
        localStorage.getItem('tend:lock') !== null &&
        keys.includes('tend:data') &&
        keys.every((k) => localStorage.getItem(k).startsWith('{"format":"tend-sealed"'))
      );
    },
    null,
    'every Tend key is sealed',
  );
}

/** Turns the lock on with the mouse (for tests about something else). */
async function turnLockOn(page, passphrase = PASSPHRASE) {
  await page.locator('#lock-new').fill(passphrase);
  await page.locator('#lock-again').fill(passphrase);
  await page.getByTestId('lock-turn-on').click();
  await page.getByTestId('lock-on-status').waitFor();
  await waitAllSealed(page);
}

/** Asserts the unlock screen is what the page shows. */
async function assertUnlockScreen(page, where) {
  await waitUntil(
    page,
    (title) => (document.querySelector('main h1')?.textContent ?? '').trim() === title,
    await lockString('lock.screen', 'title'),
    `${where}: the unlock screen's heading`,
  );
  assert.ok(await page.locator('#unlock-passphrase').isVisible(), `${where}: the passphrase field is shown`);
  assert.equal(await page.getByTestId('lock-now').count(), 0, `${where}: no Lock now while locked`);
  assert.equal(await page.locator('nav').count(), 0, `${where}: no navigation to the person's screens`);
}

/** Unlocks by keyboard alone and waits until the app is back. */
async function unlockByKeyboard(page, passphrase = PASSPHRASE) {
  await typeInto(page, '#unlock-passphrase', passphrase);
  await page.keyboard.press('Enter');
  await page.getByTestId('lock-now').waitFor({ timeout: 15000 });
}

/** Unlocks with the mouse (for tests about something else). */
async function unlock(page, passphrase = PASSPHRASE) {
  await page.locator('#unlock-passphrase').fill(passphrase);
  await page.getByTestId('unlock').click();
  await page.getByTestId('lock-now').waitFor({ timeout: 15000 });
}

/** Whole-word, case-sensitive: a short label inside random base64 is not a leak, "… Low …" is. */
function containsWord(text, word) {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9])${escaped}([^A-Za-z0-9]|$)`).test(text);
}

/**
 * Asserts no localStorage key or value holds any of `secrets`: the journal
 * texts and answer ids as they are, band labels as whole words. The sealed
 * payloads are also decoded from base64 and checked, so plain data merely
 * encoded would be caught too.
 */
function assertNothingReadable(stored, { texts, ids, words }) {
  const problems = [];
  const look = (where, text) => {
    for (const s of texts) if (text.includes(s)) problems.push(`${where} holds the text ${JSON.stringify(s)}`);
    for (const id of ids) if (text.includes(id)) problems.push(`${where} holds the answer id ${id}`);
    for (const w of words) if (containsWord(text, w)) problems.push(`${where} holds the word ${JSON.stringify(w)}`);
  };
  for (const [key, value] of Object.entries(stored)) {
    look(`the key name ${key}`, key);
    look(`the value of ${key}`, value);
    let parsed;
    try {
      parsed = JSON.parse(value);
    } catch {
      continue;
    }
    if (parsed?.format === 'tend-sealed' && typeof parsed.data === 'string') {
      const decoded = Buffer.from(parsed.data, 'base64').toString('latin1');
      for (const s of texts) if (decoded.includes(s)) problems.push(`the decoded payload of ${key} holds ${JSON.stringify(s)}`);
      for (const id of ids) if (decoded.includes(`"${id}"`)) problems.push(`the decoded payload of ${key} holds "${id}"`);
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
}

/** Clicks `testid` and returns the file it downloads. */
const download = (page, testid) => downloadFile(page, testid, scratch);

// ------------------------------------------------------------------ tests

test('turned on by keyboard, nothing is readable in storage or on the unlock screen; Get help works locked; unlock and Lock now by keyboard and button', () =>
  withPage(browser, site, {}, async ({ page }) => {
    // Data first: two journal entries and a full check-in.
    const journal = [
      'Quokka-lamplight: the Tuesday intake stayed with me all evening.',
      'Marmalade-vesper: talked to Sam after the visit, felt lighter.',
    ];
    await gotoScreen(page, site, '#/journal');
    for (const text of journal) await writeJournal(page, text);
    await gotoScreen(page, site, '#/check-in');
    const checkinId = await finishCheckIn(page);
    await page.getByTestId('all-scores').waitFor();
    const shownBands = await page.$$eval('[data-testid="all-scores"] tbody td:nth-child(3)', (tds) =>
      tds.map((td) => td.textContent.trim()),
    );
    const bands = [...new Set(shownBands.filter(Boolean))];
    assert.ok(bands.length >= 1, 'the results show band labels');

    // What is stored before the lock: plain, and the scan below would find it.
    const plain = await storageOf(page);
    assert.equal(JSON.parse(plain['tend:data']).format, 'tend');
    const checkin = dataIn(plain).checkins.find((c) => c.id === checkinId);
    assert.ok(checkin, `the stored data holds check-in ${checkinId}`);
    const ids = Object.keys(checkin.answers);
    assert.ok(ids.length >= 20, `the check-in's answers are stored by item id: ${ids.join(', ')}`);
    assert.ok(
      ids.every((id) => id.includes('-')),
      'every answer id has a "-", which base64 never does (so finding one is a leak, not chance)',
    );
    for (const text of journal) {
      assert.ok(Object.values(plain).some((v) => v.includes(text)), 'plain data holds the journal text');
    }
    assert.throws(() => assertNothingReadable(plain, { texts: journal, ids, words: [] }), 'the scan finds plain data');
    const secrets = { texts: journal, ids, words: bands };

    // Turning it on, by keyboard alone: too short, then different, then right.
    await gotoScreen(page, site, '#/settings');
    const settings = page.getByTestId('lock-settings');
    assert.equal(
      (await settings.getByTestId('lock-warning').textContent()).trim(),
      await lockString('lock', 'warning'),
    );
    assert.ok(await settings.getByTestId('lock-export-first').isVisible());
    const onError = page.getByTestId('lock-on-error');
    await typeInto(page, '#lock-new', 'short');
    await typeInto(page, '#lock-again', 'short');
    await page.keyboard.press('Enter');
    await onError.waitFor();
    assert.equal((await onError.textContent()).trim(), await lockString('lock.problem', 'too_short'));
    assert.equal(await onError.getAttribute('role'), 'alert');
    await tabTo(page, '#lock-new');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(PASSPHRASE);
    await tabTo(page, '#lock-again');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(`${PASSPHRASE}!`);
    await tabTo(page, '[data-testid=lock-turn-on]');
    await page.keyboard.press('Space');
    await waitUntil(
      page,
      (want) => document.querySelector('[data-testid=lock-on-error]')?.textContent.trim() === want,
      await lockString('lock.problem', 'mismatch'),
      'the mismatch is named',
    );
    assert.equal((await storageOf(page))['tend:lock'], undefined, 'a refused passphrase turns nothing on');
    await tabTo(page, '#lock-again');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    const status = page.getByTestId('lock-on-status');
    await status.waitFor({ timeout: 15000 });
    assert.equal((await status.textContent()).trim(), await lockString('lock', 'on_status'));
    assert.equal(await onError.count(), 0, 'no error once it is on');
    // The form is gone; focus goes to the section's heading, not to <body>.
    await waitUntil(
      page,
      () => document.activeElement?.id === 'lock-heading',
      null,
      'focus moved to the lock heading once the lock was on',
    );
    assert.equal(await page.locator('#lock-idle').inputValue(), '15', 'the idle time starts at 15 minutes');
    await waitAllSealed(page);
    await assertNoAxe(page, 'Settings with the lock on');

    // Every key and value: nothing of the data is readable.
    const sealed = await storageOf(page);
    assert.ok(sealed['tend:lock'], 'the lock record is kept');
    assert.equal(JSON.parse(sealed['tend:lock']).format, 'tend-lock');
    assert.ok(isSealed(sealed['tend:data']), `tend:data is sealed: ${sealed['tend:data'].slice(0, 60)}`);
    assertNothingReadable(sealed, secrets);

    // A reload asks for the passphrase and shows nothing of the data.
    await page.reload();
    await waitForScreen(page);
    await assertUnlockScreen(page, 'after a reload');
    const lockedDom = await domOf(page);
    for (const text of journal) assert.ok(!lockedDom.includes(text), 'no journal text in the locked page');
    for (const id of ids) assert.ok(!lockedDom.includes(id), `no answer id ${id} in the locked page`);
    const lockedText = await page.evaluate(() => document.body.innerText);
    for (const band of bands) assert.ok(!containsWord(lockedText, band), `no band label "${band}" on the locked page`);
    await setColorScheme(page, 'light');
    await assertNoAxe(page, 'the unlock screen (light)');
    await setColorScheme(page, 'dark');
    await assertNoAxe(page, 'the unlock screen (dark)');
    await setColorScheme(page, 'light');

    // A wrong passphrase says so and changes nothing.
    const beforeWrong = await storageOf(page);
    await typeInto(page, '#unlock-passphrase', WRONG);
    await page.keyboard.press('Enter');
    const unlockError = page.getByTestId('unlock-error');
    await unlockError.waitFor({ timeout: 15000 });
    assert.equal((await unlockError.textContent()).trim(), await lockString('lock.problem', 'wrong'));
    assert.equal(await unlockError.getAttribute('role'), 'alert');
    await assertUnlockScreen(page, 'after a wrong passphrase');
    assert.equal(await page.locator('#unlock-passphrase').inputValue(), '', 'the wrong passphrase is cleared');
    assert.deepEqual(await storageOf(page), beforeWrong, 'a wrong passphrase changes nothing stored');
    assert.ok(!(await domOf(page)).includes(journal[0]));

    // Get help while locked, by keyboard, and back.
    await tabTo(page, '[data-testid=help-now]');
    assert.equal(await page.getByTestId('help-now').getAttribute('href'), '#/help');
    await page.keyboard.press('Enter');
    await waitUntil(
      page,
      (title) => location.hash === '#/help' && (document.querySelector('main h1')?.textContent ?? '').trim() === title,
      await englishString('ui.toml', 'help', 'title'),
      'Get help opened while locked',
    );
    assert.ok(await page.getByTestId('all-lines').isVisible(), 'the crisis lines are shown');
    const lines = page.locator('[data-testid=own-region] a[href^="tel:"]');
    assert.ok((await lines.count()) >= 1, 'at least one line to call');
    assert.ok(await lines.first().isVisible());
    assert.equal(await page.getByTestId('lock-now').count(), 0, 'still locked on Get help');
    assert.ok(!(await domOf(page)).includes(journal[0]), 'no journal text on Get help while locked');
    await assertNoAxe(page, 'Get help while locked');
    await tabTo(page, 'header a.brand');
    await page.keyboard.press('Enter');
    await waitUntil(page, () => location.hash === '#/' || location.hash === '', null, 'back to the start');
    await assertUnlockScreen(page, 'back from Get help');

    // Unlock by keyboard: everything is back.
    await unlockByKeyboard(page);
    await goInApp(page, '#/journal', await englishString('ui-journal.toml', 'journal', 'title'));
    for (const text of journal) await page.locator('.record-text', { hasText: text }).waitFor();
    await goInApp(page, '#/history', await englishString('ui-checkin.toml', 'history', 'title'));
    const checkins = page.locator('[data-testid=entries] li[data-kind=checkin]');
    assert.equal(await checkins.count(), 1, 'the check-in is in history');
    assert.equal(await checkins.locator(`a[href="#/results/${checkinId}"]`).count(), 1, 'and opens its results');
    assert.deepEqual(await storageOf(page), beforeWrong, 'unlocking and reading write nothing');

    // Lock now, from the header.
    await goInApp(page, '#/journal', await englishString('ui-journal.toml', 'journal', 'title'));
    await page.getByTestId('lock-now').click();
    await assertUnlockScreen(page, 'after Lock now');
    const afterLock = await domOf(page);
    for (const text of journal) assert.ok(!afterLock.includes(text), 'Lock now takes the journal text off the page');
    assertNothingReadable(await storageOf(page), secrets);
  }));

test('left alone for the chosen idle time (1 minute), Tend locks itself', () =>
  withPage(browser, site, {}, async ({ page }) => {
    // Playwright's clock stands in for Date, setInterval and the rest; time
    // still flows on its own until it is moved on.
    await page.clock.install();
    const text = 'Pelican-softwood: a note that must leave the screen when I walk away.';
    await gotoScreen(page, site, '#/journal');
    await writeJournal(page, text);
    await gotoScreen(page, site, '#/settings');
    await turnLockOn(page);

    // 15 → 5 → 1 minute, by keyboard.
    await tabTo(page, '#lock-idle');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.locator('#lock-idle').inputValue(), '1');
    await waitUntil(
      page,
      () => JSON.parse(localStorage.getItem('tend:lock') ?? '{}').idle_minutes === 1,
      null,
      'the idle time kept with the lock is 1 minute',
    );
    await goInApp(page, '#/journal', await englishString('ui-journal.toml', 'journal', 'title'));
    await page.locator('.record-text', { hasText: text }).waitFor();

    // Half a minute is not enough.
    await page.clock.fastForward('00:30');
    await page.clock.runFor(6000);
    assert.equal(await page.getByTestId('lock-now').count(), 1, 'still unlocked after 36 s');
    assert.ok((await domOf(page)).includes(text));

    // Past the minute, with no key, pointer or wheel meanwhile.
    await page.clock.fastForward('00:30');
    await page.clock.runFor(6000);
    await assertUnlockScreen(page, 'after a minute left alone');
    assert.ok(!(await domOf(page)).includes(text), 'the idle lock takes the journal text off the page');
    assert.equal(
      await page.evaluate(() => location.hash),
      '#/journal',
      'the address stays, so unlocking returns to the same screen',
    );
    assert.equal(
      await page.evaluate(() => document.activeElement?.matches('main h1') ?? false),
      true,
      'after locking, focus is on the unlock screen heading',
    );

    // A region chosen on Get help while locked is kept once unlocked.
    await goInApp(page, '#/help', await englishString('ui.toml', 'help', 'title'));
    const unchosen = page.locator('input[name=region]:not(:checked)').first();
    const region = await unchosen.getAttribute('value');
    await unchosen.check();
    await goInApp(page, '#/journal', await englishString('ui-lock.toml', 'lock.screen', 'title'));
    await unlock(page);
    await page.locator('.record-text', { hasText: text }).waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.matches('main h1') ?? false),
      true,
      'after unlocking, focus is on the screen heading',
    );
    await goInApp(page, '#/help', await englishString('ui.toml', 'help', 'title'));
    assert.equal(
      await page.locator(`input[name=region][value="${region}"]`).isChecked(),
      true,
      'the region chosen while locked is kept',
    );
  }));

test('two tabs: a write in one reaches the other, and a locked tab loses nothing written meanwhile', () =>
  withPage(browser, site, {}, async ({ page: a, context }) => {
    const journalTitle = await englishString('ui-journal.toml', 'journal', 'title');
    const first = 'Heron-twilight: written in tab B while both were open.';
    const second = 'Cobalt-meadow: written in tab B while tab A was locked.';
    const earlier = 'Juniper-quay: written in tab A before the lock.';
    await gotoScreen(a, site, '#/journal');
    await writeJournal(a, earlier);
    await gotoScreen(a, site, '#/settings');
    await turnLockOn(a);
    const b = await context.newPage();
    await gotoScreen(b, site, '#/journal');
    await assertUnlockScreen(b, 'a second tab opened after the lock was turned on');
    await unlock(b);
    await waitUntil(b, (t) => document.querySelector('main h1')?.textContent.trim() === t, journalTitle, 'B shows the journal');

    await writeJournal(b, first);
    await waitAllSealed(b);
    await goInApp(a, '#/journal', journalTitle);
    try {
      await a.locator('.record-text', { hasText: first }).waitFor({ timeout: 10000 });
    } catch {
      assert.fail('tab A never showed the entry tab B wrote');
    }

    await a.getByTestId('lock-now').click();
    await assertUnlockScreen(a, 'tab A after Lock now');
    const sealedBefore = (await storageOf(b))['tend:data'];
    await writeJournal(b, second);
    await waitUntil(
      b,
      (prev) => {
        const now = localStorage.getItem('tend:data');
        return now !== prev && now.startsWith('{"format":"tend-sealed"');
      },
      sealedBefore,
      'tab B sealed its second entry',
    );
    assert.ok(!(await domOf(a)).includes(second), 'the locked tab shows nothing of what B wrote');

    await unlock(a);
    for (const text of [earlier, first, second]) await a.locator('.record-text', { hasText: text }).waitFor();
    for (const text of [earlier, first, second]) {
      assert.equal(await b.locator('.record-text', { hasText: text }).count(), 1, `tab B still shows ${text}`);
    }
    await b.close();
  }));

test('an encrypted export opens in a fresh browser only with its passphrase; the plain export needs none', async () => {
  const text = 'Saffron-harbour: this entry travels in the encrypted file.';
  let encrypted;
  let plainFile;
  await withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/journal');
    await writeJournal(page, text);
    await gotoScreen(page, site, '#/settings');
    await turnLockOn(page);

    encrypted = await download(page, 'export-encrypted');
    assert.match(encrypted.name, /^tend-backup-\d{4}-\d{2}-\d{2}-encrypted\.json$/);
    const file = JSON.parse(encrypted.text);
    assert.equal(file.format, 'tend-sealed-export');
    assert.ok(!encrypted.text.includes(text), 'the encrypted file does not hold the text');
    assert.ok(!Buffer.from(file.sealed?.data ?? '', 'base64').toString('latin1').includes(text));

    const warning = page.getByRole('note').filter({ hasText: await lockString('lock.export', 'plain_warning') });
    assert.ok(await warning.isVisible(), 'the plain export warns first');
    plainFile = await download(page, 'export');
    assert.match(plainFile.name, /^tend-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const envelope = JSON.parse(plainFile.text);
    assert.equal(envelope.format, 'tend');
    assert.deepEqual(
      envelope.data.journal.map((e) => e.text),
      [text],
    );
  });

  await withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/settings');
    assert.equal((await storageOf(page))['tend:lock'], undefined, 'a fresh browser has no lock');
    await page.getByTestId('import-file').setInputFiles(encrypted.path);
    const form = page.getByTestId('import-passphrase-form');
    await form.waitFor();
    assert.equal(await page.getByTestId('import-preview').count(), 0, 'no preview before the passphrase');
    await assertNoAxe(page, 'the import asking for a passphrase');

    await page.locator('#import-passphrase').fill(WRONG);
    await page.getByTestId('import-open').click();
    const error = page.getByTestId('import-passphrase-error');
    await error.waitFor({ timeout: 15000 });
    assert.equal((await error.textContent()).trim(), await lockString('lock.problem', 'wrong'));
    assert.equal(await page.getByTestId('import-preview').count(), 0, 'a wrong passphrase opens nothing');
    assert.equal((await storageOf(page))['tend:data'], undefined, 'and stores nothing');

    await page.locator('#import-passphrase').fill(PASSPHRASE);
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-preview').waitFor({ timeout: 15000 });
    await page.getByTestId('import-replace').click();
    await page.getByTestId('import-done').waitFor();
    await gotoScreen(page, site, '#/journal');
    await page.locator('.record-text', { hasText: text }).waitFor();
  });

  await withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/settings');
    await page.getByTestId('import-file').setInputFiles(plainFile.path);
    await page.getByTestId('import-preview').waitFor();
    assert.equal(await page.getByTestId('import-passphrase-form').count(), 0, 'a plain file asks for no passphrase');
    await page.getByTestId('import-replace').click();
    await page.getByTestId('import-done').waitFor();
    await gotoScreen(page, site, '#/journal');
    await page.locator('.record-text', { hasText: text }).waitFor();
  });
});

test('turning the lock off with the passphrase keeps the data in the open again', () =>
  withPage(browser, site, {}, async ({ page }) => {
    const text = 'Tamarind-lowtide: still here after the lock comes off.';
    await gotoScreen(page, site, '#/journal');
    await writeJournal(page, text);
    await gotoScreen(page, site, '#/settings');
    await turnLockOn(page);
    await page.reload();
    await waitForScreen(page);
    await assertUnlockScreen(page, 'before turning the lock off');
    await unlock(page);
    await page.getByTestId('lock-off-passphrase').waitFor();

    const offError = page.getByTestId('lock-off-error');
    await page.locator('#lock-off-passphrase').fill(WRONG);
    await page.getByTestId('lock-turn-off').click();
    await offError.waitFor({ timeout: 15000 });
    assert.equal((await offError.textContent()).trim(), await lockString('lock.problem', 'wrong'));
    assert.ok((await storageOf(page))['tend:lock'], 'a wrong passphrase leaves the lock on');

    await page.locator('#lock-off-passphrase').fill(PASSPHRASE);
    await page.getByTestId('lock-turn-off').click();
    await page.getByTestId('lock-on-form').waitFor({ timeout: 15000 });
    await waitUntil(
      page,
      () => document.activeElement?.id === 'lock-heading',
      null,
      'focus moved to the lock heading once the lock was off',
    );
    assert.equal(await page.getByTestId('lock-now').count(), 0, 'no Lock now without a lock');
    const stored = await storageOf(page);
    assert.equal(stored['tend:lock'], undefined, 'the lock record is gone');
    assert.equal(JSON.parse(stored['tend:data']).format, 'tend', 'the data is plain again');
    assert.deepEqual(
      dataIn(stored).journal.map((e) => e.text),
      [text],
    );
    for (const [key, value] of Object.entries(stored)) {
      if (key.startsWith('tend:')) assert.ok(!isSealed(value), `${key} is plain again`);
    }

    await page.reload();
    const heading = await waitForScreen(page);
    assert.notEqual(heading, await lockString('lock.screen', 'title'), 'no unlock screen after a reload');
    assert.equal(await page.locator('#unlock-passphrase').count(), 0);
    await goInApp(page, '#/journal', await englishString('ui-journal.toml', 'journal', 'title'));
    await page.locator('.record-text', { hasText: text }).waitFor();
  }));

test('the first paint while locked speaks the lock\'s language, wears its theme and shows none of the person\'s screens', () =>
  withPage(browser, site, {}, async ({ page, context }) => {
    const text = 'Juniper-slate: nothing of this before the passphrase.';
    await gotoScreen(page, site, '#/journal');
    await writeJournal(page, text);
    await page.getByTestId('language-es').click();
    await gotoScreen(page, site, '#/settings');
    await page.locator('input[name=theme]').nth(2).check();
    await turnLockOn(page);
    const shown = await page.evaluate(() => JSON.parse(localStorage.getItem('tend:lock')).shown);
    assert.deepEqual(shown, { language: 'es', theme: 'dark' }, 'the lock keeps the language and theme');

    // Hold the wasm back and look at the page's own first paint (with no
    // service worker in between, which would answer without the route).
    await page.evaluate(async () => {
      for (const r of (await navigator.serviceWorker?.getRegistrations()) ?? []) await r.unregister();
    });
    let release;
    const held = new Promise((r) => {
      release = r;
    });
    await context.route('**/*_bg.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('about:blank');
    await page.goto(screenUrl(site, '#/'), { waitUntil: 'domcontentloaded' });
    assert.equal(await page.locator('#tend-static').count(), 1, 'the first paint');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await page.locator('#tend-static nav.main-nav').count(), 0, 'no way into the person\'s screens');
    assert.equal(await page.locator('main h1').count(), 0, 'the main area is left to the unlock screen');
    assert.ok(!(await domOf(page)).includes(text));
    release();
    await waitForScreen(page);
    assert.equal(
      (await page.locator('main h1').textContent()).trim(),
      await localeString('es', 'ui-lock.toml', 'lock.screen', 'title'),
      'the unlock screen in Spanish',
    );
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await assertNoAxe(page, 'the Spanish unlock screen, dark');
  }));
