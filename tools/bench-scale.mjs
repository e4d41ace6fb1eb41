#!/usr/bin/env node
// Measures Tend in headless Chromium with a heavy user's ten years of data
// (issue 14, item 7): how long Home takes to open and render, how long
// History takes to show every entry, and how long one save takes; then,
// with the passphrase lock, how long turning it on takes, what is stored
// with it on, how long unlocking takes (PBKDF2 included) and one save with
// it on, against the built site served with brotli compression as
// tools/bench.mjs serves it.
//
//   node tools/bench-scale.mjs [--dir dist] [--runs 3] [--data FILE]
//
// The data is made once per run of this script by
// `cargo run -q --release -p tend-core --example ten_years` (cargo honours
// CARGO_TARGET_DIR when it is set) into bench-results/ten-years.json: every
// key the app keeps, with its exact text, in the default namespace (the head
// under tend:data, the long lists' chunks under tend:part:…), put under the
// site's own namespace. --data FILE uses a file made earlier instead.
//
// Each of --runs runs starts a fresh browser context (empty storage, no
// service worker) and:
//  1. opens Home once and waits for the service worker to control the page,
//     so the visits below are repeat visits, as bench.mjs times them;
//  2. opens Home with no data (a new document from about:blank): from
//     navigation start to the app's 'tend-ready' mark and its own Home
//     heading in the page, whichever comes later;
//  3. puts the ten years of data under its keys from a page of the same
//     origin that does not run the app (help.html), so the app finds it at
//     start, and opens Home again the same way;
//  4. goes to History by a hash change and times, in the page, until every
//     check-in and pulse is in the entry list and the trend chart's table
//     is in the page (and until the frame after that);
//  5. goes to Settings, clicks a colour-scheme choice the data does not
//     have, and times from that input event until localStorage.setItem of
//     the data key returned, and the setItem call alone (an init script
//     wraps Storage.prototype.setItem to note both);
//  6. still on Settings, types a passphrase twice and times from the click
//     on "Turn on the lock" until the lock record was written (PBKDF2, a
//     new data key, the wrap) and until setItem of the sealed data key
//     returned; waits until every key is sealed and counts the UTF-16 code
//     units of every key of the namespace and its value;
//  7. opens Home again (a new document, a repeat visit), types the
//     passphrase on the unlock screen and times, in the page, from the
//     click on Unlock until the person's Home is in the page ("Lock now",
//     Home's heading and check-in card), split by the app's User Timing
//     marks (tend-unlock-start, -key, -opened, -ready, set by
//     StorageContext::unlock) into PBKDF2 and unwrapping the data key,
//     decrypting what is stored, and decoding the data and showing Home;
//  8. goes to Settings and times one save as in 5, until setItem of the
//     sealed text returned (the sealing is asynchronous, after the save).
// Each figure is the median of the runs.
//
// It prints a table, each figure beside its goal from issue 14 (open within
// 100 ms, a save within one 16 ms frame, with and without the lock, the
// stored data under 2,500,000 UTF-16 code units as `cargo bench --bench
// scale` has it, with the lock on also against the 5,242,880-unit quota,
// unlock within 1.5 s; History and turning the lock on have no goal and are
// reported). Some goals are
// known to be missed for now: a missed goal is printed as MISSED and does
// not fail this script. It exits 1 only when the data could not be made or
// a figure could not be measured. Errors the app logs to the console, and
// anything it throws, are listed under the table.
//
// Results: bench-results/scale.json (every figure and goal of the run); the
// previous one, when there is one, is read first and each figure is printed
// beside its value from that run.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { CHROME, CHROME_FLAGS, RESULTS, ROOT, previousSummary, requireBuild } from './bench-common.mjs';

// Where the app keeps the person's data with the default namespace
// (tend_core::store::keys::Namespace::data_key). The site's tend.config.json
// may name another namespace; this script reads it.
const DEFAULT_PREFIX = 'tend:';

// The goals of issue 14, item 7.
const GOAL = {
  openMs: 100, // open and render Home, without the lock, at most
  saveMs: 16, // one save, one frame, at most
  storedUnits: 2_500_000, // the stored envelope, UTF-16 code units, under (as benches/scale.rs)
  unlockMs: 1500, // unlock, PBKDF2 included, on this machine's Chromium, at most
  quotaUnits: 5_242_880, // localStorage per origin, UTF-16 code units (store::vault::STORAGE_QUOTA_UNITS)
};
// How long any one step may take before it counts as not measured.
const STEP_TIMEOUT_MS = 30000;
// The passphrase the lock is turned on with (at least 8 characters).
const PASSPHRASE = 'ten years of bench data';

function args() {
  const out = { dir: 'dist', runs: 3, data: '' };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    const value = argv[i + 1];
    const ok =
      name in out &&
      value !== undefined &&
      (name !== 'runs' || (Number.isInteger(Number(value)) && Number(value) > 0));
    if (!ok) {
      console.error('usage: node tools/bench-scale.mjs [--dir dist] [--runs 3] [--data FILE]');
      process.exit(2);
    }
    out[name] = name === 'runs' ? Number(value) : value;
  }
  return out;
}

const pad = (s, n) => String(s).padEnd(n);
const grouped = (n) => Math.round(n).toLocaleString('en-US');
// The median of the numbers given, or null when there are none.
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs the ten_years example into `file`; rejects with its stderr on failure. */
function makeData(file) {
  return new Promise((ok, fail) => {
    const out = createWriteStream(file);
    out.on('open', () => {
      // cargo reads CARGO_TARGET_DIR from the environment it inherits.
      const child = spawn('cargo', ['run', '-q', '--release', '-p', 'tend-core', '--example', 'ten_years'], {
        cwd: ROOT,
        stdio: ['ignore', out, 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      child.on('error', (err) => {
        out.close();
        fail(err);
      });
      child.on('close', (code) => {
        out.close(() => (code === 0 ? ok() : fail(new Error(`cargo exited with ${code}: ${stderr.trim()}`))));
      });
    });
    out.on('error', fail);
  });
}

/** The namespace prefix dist/tend.config.json names, or the default. */
async function prefixOf(dir) {
  try {
    const config = JSON.parse(await readFile(join(dir, 'tend.config.json'), 'utf8'));
    // docs/deploying.md: a namespace "harbour" keeps the data under `tend-harbour:` keys.
    if (typeof config?.namespace === 'string' && config.namespace) return `tend-${config.namespace}:`;
  } catch {
    // No file or not JSON: the app then uses the default namespace too
    // (or none at all, which the checks below would show).
  }
  return DEFAULT_PREFIX;
}

/**
 * Runs in every document before its own scripts: notes each write of the
 * data key and of the lock record (when setItem began and returned, how
 * long the text was, whether it was sealed, whether setItem returned
 * rather than threw) and when the app's own Home heading is first in the
 * page (the static first paint, #tend-static, gone). Nothing here forces
 * a layout.
 */
function instrument({ key, lockKey }) {
  const rec = { writes: [], lockWrites: [], heading: null };
  Object.defineProperty(window, '__tendBench', { value: rec });
  // tend_core::store::lock::is_sealed: a sealed value starts {"format":"tend-sealed".
  const sealed = /^\s*\{\s*"format"\s*:\s*"tend-sealed"/;
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    const list = k === key ? rec.writes : k === lockKey ? rec.lockWrites : null;
    if (list === null) return setItem.call(this, k, v);
    const text = String(v);
    const start = performance.now();
    let ok = false;
    try {
      const out = setItem.call(this, k, v);
      ok = true;
      return out;
    } finally {
      list.push({ start, end: performance.now(), units: text.length, sealed: sealed.test(text), ok });
    }
  };
  const seen = () =>
    document.getElementById('tend-static') === null && document.querySelector('#main h1') !== null;
  const observer = new MutationObserver(() => {
    if (rec.heading === null && seen()) {
      rec.heading = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Waits for the app's 'tend-ready' mark; false if it never came. */
function waitForReady(page) {
  return page
    .waitForFunction(() => performance.getEntriesByName('tend-ready').length > 0, null, { timeout: STEP_TIMEOUT_MS })
    .then(() => true)
    .catch(() => false);
}

/**
 * Opens Home in a new document (from about:blank, so never a reload or a
 * back/forward restore) and reads the times, ms after navigation start.
 */
async function openHome(page, home) {
  await page.goto('about:blank');
  await page.goto(home, { waitUntil: 'commit' });
  if (!(await waitForReady(page))) throw new Error("the app set no 'tend-ready' mark");
  await page.locator('#main h1').first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const t = await page.evaluate(() => ({
    start: performance.getEntriesByName('tend-start')[0]?.startTime ?? null,
    opened: performance.getEntriesByName('tend-data-open')[0]?.startTime ?? null,
    ready: performance.getEntriesByName('tend-ready')[0]?.startTime ?? null,
    heading: window.__tendBench?.heading ?? null,
    type: performance.getEntriesByType('navigation')[0]?.type ?? '?',
    controlled: navigator.serviceWorker?.controller != null,
  }));
  if (t.ready === null || t.heading === null) throw new Error('no tend-ready mark or no Home heading');
  return {
    open: Math.max(t.ready, t.heading),
    startToReady: t.start === null ? null : t.ready - t.start,
    startToOpened: t.start === null || t.opened === null ? null : t.opened - t.start,
    controlled: t.controlled,
    type: t.type,
  };
}

/** Times History from the hash change until every entry and the chart table are in the page. */
function openHistory(page, entries) {
  return page.evaluate(
    ({ entries, timeout }) =>
      new Promise((ok) => {
        const complete = () =>
          document.querySelectorAll('[data-testid="entries"] li').length === entries &&
          document.querySelector('[data-testid="trend-chart-table"]') !== null;
        let t0 = 0;
        let settled = false;
        const finish = (value) => {
          if (settled) return;
          settled = true;
          observer.disconnect();
          ok(value);
        };
        const observer = new MutationObserver(() => {
          if (!complete()) return;
          const rendered = performance.now() - t0;
          observer.disconnect();
          requestAnimationFrame(() => finish({ rendered, frame: performance.now() - t0 }));
        });
        observer.observe(document.body, { childList: true, subtree: true });
        setTimeout(
          () =>
            finish({
              problem: `History showed ${document.querySelectorAll('[data-testid="entries"] li').length} of ${entries} entries`,
            }),
          timeout,
        );
        t0 = performance.now();
        location.hash = '#/history';
      }),
    { entries, timeout: STEP_TIMEOUT_MS },
  );
}

/**
 * On Settings, clicks a colour-scheme choice not yet chosen and times the
 * save it makes: until the data key's setItem returned (with the lock on,
 * `sealed`, the write of the sealed text, which follows the sealing).
 */
function saveOnce(page, key, sealed = false) {
  return page.evaluate(
    async ({ key, sealed, timeout }) => {
      const rec = window.__tendBench;
      const radio = [...document.querySelectorAll('input[name="theme"]')].find((r) => !r.checked);
      if (!radio) return { problem: 'Settings has no colour-scheme choice to change' };
      const before = localStorage.getItem(key);
      const from = rec.writes.length;
      let input = null;
      const onInput = (e) => {
        if (input === null) input = e.timeStamp;
      };
      document.addEventListener('input', onInput, true);
      radio.click();
      document.removeEventListener('input', onInput, true);
      const deadline = performance.now() + timeout;
      while (rec.writes.length === from && performance.now() < deadline) {
        await new Promise((r) => {
          requestAnimationFrame(r);
          setTimeout(r, 50);
        });
      }
      const write = rec.writes[from];
      if (input === null) return { problem: 'the click fired no input event' };
      if (!write) return { problem: 'the data key was not written within the time allowed' };
      if (!write.ok) return { problem: `a save's setItem of the data key threw (${write.units} units)` };
      if (write.sealed !== sealed) {
        return { problem: sealed ? 'a save with the lock on wrote the data key in the open' : 'a save wrote sealed text' };
      }
      const after = localStorage.getItem(key);
      if (after === before) return { problem: 'the data key was written with the same text' };
      // The app's own save (StorageContext::save), from its User Timing
      // marks: the vault's work, the write, and counting what is stored.
      const starts = performance.getEntriesByName('tend-save-start', 'mark').filter((m) => m.startTime >= input);
      const ends = performance.getEntriesByName('tend-save-end', 'mark').filter((m) => m.startTime >= input);
      const saveCall = starts.length > 0 && ends.length > 0 ? ends[0].startTime - starts[0].startTime : null;
      const toSave = starts.length > 0 ? starts[0].startTime - input : null;
      return { toWrite: write.end - input, setItem: write.end - write.start, units: after.length, saveCall, toSave };
    },
    { key, sealed, timeout: STEP_TIMEOUT_MS },
  );
}

/** Two frames, for the screen's own effects to settle before a click. */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Waits until the data key has not been written for `quietMs` (at most `timeout`). */
function quiet(page, quietMs = 300, timeout = 5000) {
  return page.evaluate(
    async ({ quietMs, timeout }) => {
      const rec = window.__tendBench;
      const deadline = performance.now() + timeout;
      const last = () => rec.writes.at(-1)?.end ?? 0;
      while (performance.now() - last() < quietMs && performance.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    { quietMs, timeout },
  );
}

/**
 * On Settings, with the passphrase typed twice, clicks "Turn on the lock"
 * and times, from the click, until the lock record was written (the
 * PBKDF2 derivation, a new data key, the wrap) and until the sealed data
 * key's setItem returned. Then waits until every key of the namespace but
 * the lock record holds sealed text and Settings says the lock is on.
 */
async function turnLockOn(page, key, passphrase) {
  await page.fill('#lock-new', passphrase);
  await page.fill('#lock-again', passphrase);
  await settle(page);
  return page.evaluate(
    async ({ key, timeout }) => {
      const rec = window.__tendBench;
      const prefix = key.slice(0, -'data'.length);
      const button = document.querySelector('[data-testid="lock-turn-on"]');
      if (!button || button.disabled) return { problem: 'Settings has no enabled lock-turn-on button' };
      const from = rec.writes.length;
      const lockFrom = rec.lockWrites.length;
      const failed = () => document.querySelector('[data-testid="lock-on-error"]');
      const sealedWrite = () => rec.writes.slice(from).find((w) => w.sealed || !w.ok);
      const tick = () => new Promise((r) => setTimeout(r, 5));
      const t0 = performance.now();
      button.click();
      const deadline = t0 + timeout;
      while (!sealedWrite() && !failed() && performance.now() < deadline) await tick();
      const write = sealedWrite();
      const plainWrites = rec.writes.slice(from).filter((w) => !w.sealed).length;
      if (failed()) return { problem: `turning the lock on failed: "${failed().textContent.trim()}"` };
      if (!write) return { problem: 'turning the lock on wrote no sealed data key within the time allowed' };
      if (!write.ok) return { problem: `turning the lock on: setItem of the sealed data key threw (${write.units} units)` };
      const record = rec.lockWrites[lockFrom];
      const out = {
        toSealed: write.end - t0,
        toRecord: record ? record.end - t0 : null,
        setItem: write.end - write.start,
        plainWrites,
      };
      // At rest: every key sealed, the lock shown as on.
      const atRest = () =>
        document.querySelector('[data-testid="lock-on-status"]') !== null &&
        Object.keys(localStorage)
          .filter((k) => k.startsWith(prefix) && k !== `${prefix}lock`)
          .every((k) => /^\s*\{\s*"format"\s*:\s*"tend-sealed"/.test(localStorage.getItem(k)));
      while (!atRest() && performance.now() < deadline) await tick();
      if (!atRest()) out.problem = 'with the lock on, a key stayed in the open or Settings did not say the lock is on';
      return out;
    },
    { key, timeout: STEP_TIMEOUT_MS },
  );
}

/** UTF-16 code units of every key of the namespace and its value, and the keys. */
function storedUnits(page, prefix) {
  return page.evaluate((prefix) => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith(prefix));
    return { units: keys.reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0), keys };
  }, prefix);
}

/**
 * Opens Home in a new document with the lock on, types the passphrase on
 * the unlock screen and times, in the page, from the click on Unlock until
 * the person's Home is in the page ("Lock now" in the header, Home's
 * heading and its check-in card), with the app's own marks between
 * (tend-unlock-start, -key, -opened, -ready; see StorageContext::unlock).
 */
async function unlockOnce(page, home, passphrase) {
  await page.goto('about:blank');
  await page.goto(home, { waitUntil: 'commit' });
  if (!(await waitForReady(page))) throw new Error("the app set no 'tend-ready' mark with the lock on");
  await page.locator('#unlock-passphrase').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.fill('#unlock-passphrase', passphrase);
  await settle(page);
  return page.evaluate(
    ({ timeout }) =>
      new Promise((ok) => {
        const button = document.querySelector('[data-testid="unlock"]');
        if (!button || button.disabled) {
          ok({ problem: 'the unlock screen has no enabled Unlock button' });
          return;
        }
        const home = () =>
          document.querySelector('[data-testid="lock-now"]') !== null &&
          document.querySelector('[data-testid="home-start-checkin"]') !== null &&
          document.querySelector('#main h1') !== null;
        const failed = () => document.querySelector('[data-testid="unlock-error"]');
        let t0 = 0;
        let settled = false;
        const finish = (value) => {
          if (settled) return;
          settled = true;
          observer.disconnect();
          ok(value);
        };
        const observer = new MutationObserver(() => {
          if (failed()) finish({ problem: `unlocking failed: "${failed().textContent.trim()}"` });
          if (!home()) return;
          const shown = performance.now();
          const mark = (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? null;
          finish({
            t0,
            shown,
            start: mark('tend-unlock-start'),
            key: mark('tend-unlock-key'),
            opened: mark('tend-unlock-opened'),
            ready: mark('tend-unlock-ready'),
            lastResult: document.querySelector('[data-testid="last-result"]') !== null,
          });
        });
        observer.observe(document.body, { childList: true, subtree: true });
        setTimeout(() => finish({ problem: 'Home did not show within the time allowed after Unlock' }), timeout);
        t0 = performance.now();
        button.click();
      }),
    { timeout: STEP_TIMEOUT_MS },
  );
}

/** One run in a fresh context; what could not be measured is null, with a problem. */
async function oneRun(browser, site, key, store, entries, problems) {
  const home = `${site.url}#/`;
  const run = { emptyOpen: null, emptyStartToReady: null, open: null, startToReady: null, startToOpened: null, history: null, historyFrame: null };
  run.toWrite = run.setItem = run.stored = run.toSave = run.saveCall = null;
  run.lockedToSave = run.lockedSaveCall = null;
  run.lockOn = run.lockOnRecord = run.storedLocked = null;
  run.unlock = run.unlockKey = run.unlockDecrypt = run.unlockShow = null;
  run.lockedToWrite = run.lockedSetItem = null;
  const prefix = key.slice(0, -'data'.length);
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    context.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(site.url) && !url.startsWith('about:') && !url.startsWith('data:')) {
        problems.add(`a request left the test server: ${url}`);
      }
    });
    await context.addInitScript(instrument, { key, lockKey: `${prefix}lock` });
    const page = await context.newPage();
    // Anything the app logs as an error, or throws, is reported.
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.add(`console error: ${msg.text().split('\n')[0].slice(0, 300)}`);
    });
    page.on('pageerror', (err) => problems.add(`uncaught in the page: ${String(err.message).split('\n')[0]}`));

    // First visit, then wait for the service worker to control the page.
    await page.goto(home, { waitUntil: 'commit' });
    if (!(await waitForReady(page))) throw new Error("the app set no 'tend-ready' mark on the first visit");
    const active = await page.evaluate(() =>
      Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((ok) => setTimeout(() => ok(false), 15000))]),
    );
    if (!active) problems.add('no service worker became active within 15 s; the visits were not controlled by it');
    else if (!(await page.evaluate(() => navigator.serviceWorker.controller != null))) {
      await page.reload({ waitUntil: 'commit' });
      await waitForReady(page);
    }

    // Home with no data.
    const empty = await openHome(page, home);
    if (!empty.controlled && active) problems.add('a visit was not controlled by the service worker');
    run.emptyOpen = empty.open;
    run.emptyStartToReady = empty.startToReady;

    // The ten years, put in from a page of the origin that does not run the app.
    await page.goto('about:blank');
    await page.goto(`${site.url}help.html`);
    run.stored = await page.evaluate(
      (store) => {
        let units = 0;
        for (const [k, text] of Object.entries(store)) {
          localStorage.setItem(k, text);
          units += k.length + (localStorage.getItem(k)?.length ?? 0);
        }
        return units;
      },
      store,
    );

    // Home with the ten years.
    const full = await openHome(page, home);
    run.open = full.open;
    run.startToReady = full.startToReady;
    run.startToOpened = full.startToOpened;
    const setAside = await page.evaluate(
      (prefix) => Object.keys(localStorage).filter((k) => k.startsWith(`${prefix}recovered:`)).length,
      prefix,
    );
    if (setAside > 0) problems.add('the app set the ten years aside as unreadable');

    // History.
    const history = await openHistory(page, entries);
    if (history.problem) problems.add(history.problem);
    else {
      run.history = history.rendered;
      run.historyFrame = history.frame;
    }

    // One save on Settings.
    await page.evaluate(() => {
      location.hash = '#/settings';
    });
    await page.locator('input[name="theme"]').first().waitFor({ state: 'attached', timeout: STEP_TIMEOUT_MS });
    // Let the screen's own effects settle (two frames) before the click.
    await settle(page);
    const save = await saveOnce(page, key);
    if (save.problem) problems.add(save.problem);
    else {
      run.toWrite = save.toWrite;
      run.setItem = save.setItem;
      run.toSave = save.toSave;
      run.saveCall = save.saveCall;
    }

    // The passphrase lock, turned on with the ten years, still on Settings.
    await quiet(page);
    const on = await turnLockOn(page, key, PASSPHRASE);
    if (on.toSealed === undefined) throw new Error(on.problem);
    if (on.problem) problems.add(on.problem);
    if (on.plainWrites > 0) problems.add('turning the lock on wrote the data key in the open first');
    run.lockOn = on.toSealed;
    run.lockOnRecord = on.toRecord;
    if (on.toRecord === null) problems.add('turning the lock on wrote no lock record before the sealed data');
    const stored = await storedUnits(page, prefix);
    run.storedLocked = stored.units;
    run.lockedKeys = stored.keys;

    // Unlocking on a repeat visit.
    const unlock = await unlockOnce(page, home, PASSPHRASE);
    if (unlock.problem) throw new Error(unlock.problem);
    if ([unlock.start, unlock.key, unlock.opened, unlock.ready].includes(null)) {
      problems.add('the app set no tend-unlock-* marks; only the whole unlock is measured');
    } else {
      run.unlockKey = unlock.key - unlock.start;
      run.unlockDecrypt = unlock.opened - unlock.key;
      run.unlockShow = unlock.shown - unlock.opened;
    }
    run.unlock = unlock.shown - unlock.t0;
    if (!unlock.lastResult) problems.add('Home after unlocking shows no last check-in: the ten years did not come back');

    // One save with the lock on: until the sealed text is written.
    await page.evaluate(() => {
      location.hash = '#/settings';
    });
    await page.locator('input[name="theme"]').first().waitFor({ state: 'attached', timeout: STEP_TIMEOUT_MS });
    // Whatever the unlock itself writes is done first.
    await quiet(page);
    await settle(page);
    run.writesAfterUnlock = await page.evaluate(() => window.__tendBench.writes.length);
    if (run.writesAfterUnlock > 0) {
      problems.add(`after unlocking, before any change, the app wrote the data key (${run.writesAfterUnlock} time(s) in a run)`);
    }
    const lockedSave = await saveOnce(page, key, true);
    if (lockedSave.problem) problems.add(lockedSave.problem);
    else {
      run.lockedToWrite = lockedSave.toWrite;
      run.lockedSetItem = lockedSave.setItem;
      run.lockedToSave = lockedSave.toSave;
      run.lockedSaveCall = lockedSave.saveCall;
    }
  } catch (err) {
    problems.add(`a run failed: ${err.message.split('\n')[0]}`);
  } finally {
    await context.close();
  }
  return run;
}

const opts = args();
const dir = await requireBuild(opts.dir, 'bench-scale');
const results = RESULTS;
const summaryFile = join(results, 'scale.json');
const previous = await previousSummary(summaryFile);
await mkdir(results, { recursive: true });

// ---- the data
const dataFile = opts.data ? resolve(opts.data) : join(results, 'ten-years.json');
if (!opts.data) {
  const target = process.env.CARGO_TARGET_DIR ? ` (CARGO_TARGET_DIR=${process.env.CARGO_TARGET_DIR})` : '';
  console.log(`\nMaking ten years of a heavy user's data: cargo run --release -p tend-core --example ten_years${target} …`);
  try {
    await makeData(dataFile);
  } catch (err) {
    console.error(`bench-scale: could not make the data: ${err.message}`);
    await rm(dataFile, { force: true });
    process.exit(1);
  }
}
let store;
let entries;
let units;
const prefix = await prefixOf(dir);
const key = `${prefix}data`;
try {
  const made = JSON.parse(await readFile(dataFile, 'utf8'));
  // Into the site's namespace: a chunk's name is its hash, whatever the prefix.
  store = Object.fromEntries(Object.entries(made).map(([k, text]) => [prefix + k.slice(DEFAULT_PREFIX.length), text]));
  const head = JSON.parse(store[key]);
  const count = (part) =>
    (head.parts[part] ?? []).reduce((n, hash) => n + JSON.parse(store[`${prefix}part:${hash}`]).length, 0);
  entries = count('checkins') + count('pulses');
  units = Object.entries(store).reduce((n, [k, text]) => n + k.length + text.length, 0);
} catch (err) {
  console.error(`bench-scale: ${dataFile} is not a store of Tend's keys with a head and its chunks: ${err.message}`);
  process.exit(1);
}
console.log(
  `  ${dataFile}: ${Object.keys(store).length} keys, ${grouped(units)} UTF-16 code units of keys and texts, ` +
    `${entries} check-ins and pulses; stored under "${prefix}"`,
);

// ---- the runs
const problems = new Set();
const runs = [];
const site = await serve({ dir, port: 0, host: '127.0.0.1', base: '/', brotli: true, quiet: true });
let browser = null;
try {
  browser = await chromium.launch({ executablePath: CHROME, headless: true, args: CHROME_FLAGS.slice(1) });
  console.log(`\n${opts.runs} runs in headless Chromium (no throttling) against ${site.url}, each in a fresh context …`);
  const ms = (v) => (v === null ? 'not measured' : `${v.toFixed(1)} ms`);
  for (let i = 0; i < opts.runs; i++) {
    const r = await oneRun(browser, site, key, store, entries, problems);
    runs.push(r);
    console.log(
      `  run ${i + 1}: open ${ms(r.open)} (no data ${ms(r.emptyOpen)}), History ${ms(r.history)}, ` +
        `save ${ms(r.toWrite)} (setItem ${ms(r.setItem)}); lock on ${ms(r.lockOn)}, ` +
        `unlock ${ms(r.unlock)} (key ${ms(r.unlockKey)}, decrypt ${ms(r.unlockDecrypt)}, show ${ms(r.unlockShow)}), ` +
        `save locked ${ms(r.lockedToWrite)} (setItem ${ms(r.lockedSetItem)})`,
    );
  }
} finally {
  await browser?.close();
  await site.close();
}

// ---- the table
// A figure counts only when every run measured it.
const m = (k) => (runs.length > 0 && runs.every((r) => r[k] !== null) ? median(runs.map((r) => r[k])) : null);
const stored = runs.find((r) => r.stored !== null)?.stored ?? null;
const n = runs.length;
const figures = [
  { key: 'stored-units', figure: "stored data, every key and its text, UTF-16 code units", value: stored, unit: 'units', goal: GOAL.storedUnits, strictly: true },
  { key: 'open', figure: `open Home, ten years (median of ${n})`, value: m('open'), unit: 'ms', goal: GOAL.openMs },
  { key: 'open-empty', figure: `open Home, no data (median of ${n})`, value: m('emptyOpen'), unit: 'ms', goal: GOAL.openMs },
  { key: 'start-to-ready', figure: '  of which wasm start to ready, ten years', value: m('startToReady'), unit: 'ms', goal: null },
  { key: 'start-to-opened', figure: '    of which reading the stored data (wasm start to tend-data-open)', value: m('startToOpened'), unit: 'ms', goal: null },
  { key: 'start-to-ready-empty', figure: '  of which wasm start to ready, no data', value: m('emptyStartToReady'), unit: 'ms', goal: null },
  { key: 'history', figure: `History, hash change to ${entries} entries + chart table`, value: m('history'), unit: 'ms', goal: null },
  { key: 'history-frame', figure: '  to the frame after', value: m('historyFrame'), unit: 'ms', goal: null },
  { key: 'save', figure: `one save, input event to data key written`, value: m('toWrite'), unit: 'ms', goal: GOAL.saveMs },
  { key: 'save-setitem', figure: '  of which the setItem call', value: m('setItem'), unit: 'ms', goal: null },
  { key: 'save-to-start', figure: '  input event to the app starting its save (tend-save-start)', value: m('toSave'), unit: 'ms', goal: null },
  { key: 'save-call', figure: "  the app's save, tend-save-start to tend-save-end", value: m('saveCall'), unit: 'ms', goal: null },
  { key: 'lock-on', figure: 'turn the lock on, click to sealed data key written', value: m('lockOn'), unit: 'ms', goal: null },
  { key: 'lock-on-record', figure: '  of which to the lock record (PBKDF2, new key, wrap)', value: m('lockOnRecord'), unit: 'ms', goal: null },
  { key: 'stored-units-locked', figure: `stored with the lock on, all ${prefix} keys and values, units`, value: m('storedLocked'), unit: 'units', goal: GOAL.storedUnits, strictly: true },
  { key: 'stored-units-locked-quota', figure: '  the same against the localStorage quota', value: m('storedLocked'), unit: 'units', goal: GOAL.quotaUnits },
  { key: 'unlock', figure: `unlock, repeat visit, click to Home shown (median of ${n})`, value: m('unlock'), unit: 'ms', goal: GOAL.unlockMs },
  { key: 'unlock-key', figure: '  of which PBKDF2 (600,000) and unwrapping the key', value: m('unlockKey'), unit: 'ms', goal: null },
  { key: 'unlock-decrypt', figure: '  of which decrypting what is stored', value: m('unlockDecrypt'), unit: 'ms', goal: null },
  { key: 'unlock-show', figure: '  of which decoding the data and showing Home', value: m('unlockShow'), unit: 'ms', goal: null },
  { key: 'save-locked', figure: 'one save, lock on, input event to sealed data written', value: m('lockedToWrite'), unit: 'ms', goal: GOAL.saveMs },
  { key: 'save-locked-setitem', figure: '  of which the setItem call', value: m('lockedSetItem'), unit: 'ms', goal: null },
  { key: 'save-locked-to-start', figure: '  input event to the app starting its save (tend-save-start)', value: m('lockedToSave'), unit: 'ms', goal: null },
  { key: 'save-locked-call', figure: "  the app's save into the plain mirror, tend-save-start to tend-save-end", value: m('lockedSaveCall'), unit: 'ms', goal: null },
];
const show = (v, unit) => (v === null ? 'not measured' : unit === 'ms' ? `${v.toFixed(1)} ms` : grouped(v));
const goalText = (f) =>
  f.goal === null ? '— (reported)' : `${f.strictly ? '<' : '<='} ${show(f.goal, f.unit).replace('.0 ms', ' ms')}`;
const holds = (f) => (f.strictly ? f.value < f.goal : f.value <= f.goal);
const result = (f) => (f.value === null ? 'NOT MEASURED' : f.goal === null ? '—' : holds(f) ? 'met' : 'MISSED');
const cols = [
  ['figure', ...figures.map((f) => f.figure)],
  ['value', ...figures.map((f) => show(f.value, f.unit))],
  ['goal', ...figures.map(goalText)],
  ['met', ...figures.map(result)],
];
const widths = cols.map((c) => Math.max(...c.map((x) => x.length)));
const row = (i) => cols.map((c, j) => pad(c[i], widths[j])).join(' | ').trimEnd();
console.log(`\nTen years of data in headless Chromium (issue 14 goals; a missed goal does not fail the bench)`);
console.log(row(0));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (let i = 1; i <= figures.length; i++) console.log(row(i));
const missed = figures.filter((f) => result(f) === 'MISSED');
console.log(missed.length ? `${missed.length} goals MISSED: ${missed.map((f) => f.figure.trim()).join('; ')}` : 'every goal met');
for (const p of problems) console.log(`  (${p})`);

if (previous?.figures) {
  console.log(`\nBeside the previous run (${previous.date ?? 'date unknown'}):`);
  for (const f of figures) {
    const before = previous.figures.find((p) => p.key === f.key);
    const note =
      before?.value == null ? 'not in the previous run' : `previous ${show(before.value, f.unit)}`;
    console.log(`  ${f.figure.trim()}: ${show(f.value, f.unit)} (${note})`);
  }
}

await writeFile(
  summaryFile,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      dir,
      runs: n,
      data: { file: dataFile, units, keys: Object.keys(store).length, entries, key },
      goals: GOAL,
      figures: figures.map((f) => ({ ...f, figure: f.figure.trim(), met: f.goal === null || f.value === null ? null : holds(f) })),
      runsMeasured: runs,
      problems: [...problems],
    },
    null,
    2,
  )}\n`,
);
console.log('Summary: bench-results/scale.json');
const unmeasured = figures.filter((f) => f.value === null);
if (unmeasured.length) {
  console.error(`\nbench-scale: not measured: ${unmeasured.map((f) => f.figure.trim()).join('; ')}`);
  process.exit(1);
}
