// Tend inside an LMS: a parent page hosting a SCORM 1.2 runtime (a spy that
// records every call) frames Tend as an LMS would. Tend must find the API,
// initialise, mark the course incomplete, mark it completed once a check-in
// is finished and its results seen (or, by config, every Learn topic is
// opened), commit and finish, and set no cmi element but lesson_status.
// Meanwhile answers stay in memory: nothing lands in the LMS origin's
// storage, and no service worker is installed on it. The one exception is
// the passphrase lock: with it on, the course keeps the data sealed there,
// and the next launch asks for the passphrase (the last test).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DIST,
  ROOT,
  axeScan,
  englishString,
  finishCheckIn,
  formatViolations,
  launchBrowser,
  startSite,
  withPage,
} from './harness.mjs';

const LMS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course player</title><link rel="icon" href="data:,"></head>
<body><h1>Course player</h1>
<script>
  window.calls = [];
  const cmi = { 'cmi.core.lesson_status': 'not attempted' };
  const record = (name, result) => (...args) => { window.calls.push([name, ...args]); return result(...args); };
  window.API = {
    LMSInitialize: record('LMSInitialize', () => 'true'),
    LMSFinish: record('LMSFinish', () => 'true'),
    LMSGetValue: record('LMSGetValue', (k) => cmi[k] ?? ''),
    LMSSetValue: record('LMSSetValue', (k, v) => { cmi[k] = v; return 'true'; }),
    LMSCommit: record('LMSCommit', () => 'true'),
    LMSGetLastError: record('LMSGetLastError', () => '0'),
    LMSGetErrorString: record('LMSGetErrorString', () => ''),
    LMSGetDiagnostic: record('LMSGetDiagnostic', () => ''),
  };
</script>
<iframe id="sco" title="Tend" src="course/index.html#/check-in" width="800" height="900"></iframe>
</body></html>`;

let browser;
let scratch;
const sites = [];

before(async () => {
  browser = await launchBrowser();
  scratch = await mkdtemp(join(tmpdir(), 'tend-e2e-scorm-'));
});

after(async () => {
  await browser?.close();
  for (const s of sites) await s.close().catch(() => {});
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** An LMS folder: the player page, and Tend (with `config`) in course/. */
async function lmsWith(name, config) {
  const dir = join(scratch, name);
  await cp(DIST, join(dir, 'course'), { recursive: true });
  await writeFile(join(dir, 'course', 'tend.config.json'), JSON.stringify(config));
  await writeFile(join(dir, 'index.html'), LMS_PAGE);
  const site = await startSite({ dir, base: '/lms/' });
  sites.push(site);
  return site;
}

/** Opens the player and returns Tend's frame once it has rendered. */
async function openCourse(page, site) {
  await page.goto(`${site.url}index.html`);
  await page.frameLocator('#sco').locator('main h1').waitFor();
  const frame = page.frames().find((f) => f.url().includes('/course/index.html'));
  assert.ok(frame, 'Tend is framed');
  return frame;
}

const calls = (page) => page.evaluate(() => window.calls);

/** Only lesson_status is ever set, to `values` in order. */
async function assertOnlyStatus(page, values) {
  const sets = (await calls(page)).filter((c) => c[0] === 'LMSSetValue');
  assert.deepEqual(
    sets.map((c) => c[1]),
    values.map(() => 'cmi.core.lesson_status'),
    `set: ${JSON.stringify(sets)}`,
  );
  assert.deepEqual(sets.map((c) => c[2]), values);
}

test('a finished check-in with its results completes the course; nothing else is written anywhere', async () => {
  const site = await lmsWith('results', {});
  await withPage(browser, site, {}, async ({ page }) => {
    const frame = await openCourse(page, site);
    await page.waitForFunction(() => window.calls.some((c) => c[0] === 'LMSCommit'));
    const start = (await calls(page)).map((c) => c[0]);
    assert.deepEqual(start.slice(0, 4), ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit']);
    await assertOnlyStatus(page, ['incomplete']);

    // The person is told their answers stay in this window, and offered an export.
    const banner = page.frameLocator('#sco').getByTestId('storage-banner');
    assert.equal((await banner.locator('p').first().textContent()).trim(), await englishString('ui-deploy.toml', 'course', 'banner'));
    await banner.getByTestId('banner-export').waitFor();
    const violations = await axeScan(frame);
    assert.deepEqual(violations, [], formatViolations(violations));

    await frame.evaluate(() => (location.hash = '#/check-in'));
    await finishCheckIn(frame);
    await page.waitForFunction(() => window.calls.some((c) => c[0] === 'LMSSetValue' && c[2] === 'completed'));
    await assertOnlyStatus(page, ['incomplete', 'completed']);
    const afterComplete = (await calls(page)).map((c) => c[0]);
    assert.equal(afterComplete.at(-1), 'LMSCommit', 'completion is committed');

    // Nothing in the LMS origin's storage, no worker on it.
    assert.deepEqual(await frame.evaluate(() => Object.keys(localStorage)), []);
    assert.equal(await frame.evaluate(async () => (await navigator.serviceWorker?.getRegistrations())?.length ?? 0), 0);

    // Leaving the course finishes the session, once.
    await page.evaluate(() => (document.getElementById('sco').src = 'about:blank'));
    await page.waitForFunction(() => window.calls.some((c) => c[0] === 'LMSFinish'));
    const all = await calls(page);
    assert.equal(all.filter((c) => c[0] === 'LMSFinish').length, 1);
    assert.equal(all.filter((c) => c[0] === 'LMSInitialize').length, 1);
    await assertOnlyStatus(page, ['incomplete', 'completed']);
  });
});

test('with scorm_completion "learn", opening every Learn topic completes the course and a check-in alone does not', async () => {
  const site = await lmsWith('learn', { scorm_completion: 'learn' });
  const learn = await readFile(join(ROOT, 'locales/en/learn.toml'), 'utf8');
  const slugs = [...learn.matchAll(/^slug\s*=\s*"([^"]+)"/gm)].map((m) => m[1]);
  assert.ok(slugs.length >= 2, 'Learn has topics');
  await withPage(browser, site, {}, async ({ page }) => {
    const frame = await openCourse(page, site);
    await frame.evaluate(() => (location.hash = '#/check-in'));
    await finishCheckIn(frame);
    await assertOnlyStatus(page, ['incomplete']);
    for (const [i, slug] of slugs.entries()) {
      await frame.evaluate((s) => (location.hash = `#/learn/${s}`), slug);
      await frame.waitForFunction((s) => location.hash === `#/learn/${s}` && document.querySelector('main h1'), slug);
      const done = i === slugs.length - 1;
      if (done) await page.waitForFunction(() => window.calls.some((c) => c[2] === 'completed'));
      else await assertOnlyStatus(page, ['incomplete']);
    }
    await assertOnlyStatus(page, ['incomplete', 'completed']);
  });
});

test('a course already completed in the LMS is not set back to incomplete', async () => {
  const site = await lmsWith('again', {});
  const dir = join(scratch, 'again');
  const page = (await readFile(join(dir, 'index.html'), 'utf8')).replace("'not attempted'", "'completed'");
  await writeFile(join(dir, 'index.html'), page);
  await withPage(browser, site, {}, async ({ page: p }) => {
    await openCourse(p, site);
    await p.waitForFunction(() => window.calls.some((c) => c[0] === 'LMSGetValue'));
    await assertOnlyStatus(p, []);
  });
});

test('with the passphrase lock on, a course keeps its data sealed in the LMS origin and asks for the passphrase at the next launch', async () => {
  const site = await lmsWith('locked', {});
  const passphrase = 'harbour lantern evening';
  const text = 'Quillwort-ember: kept between course visits, sealed.';
  await withPage(browser, site, {}, async ({ page }) => {
    let frame = await openCourse(page, site);
    const sco = () => page.frameLocator('#sco');
    await frame.evaluate(() => (location.hash = '#/journal'));
    await sco().getByLabel(await englishString('ui-journal.toml', 'journal', 'new_label')).fill(text);
    await sco().getByRole('button', { name: await englishString('ui-journal.toml', 'journal', 'save') }).click();
    await sco().locator('.record-text', { hasText: text }).waitFor();
    assert.deepEqual(await frame.evaluate(() => Object.keys(localStorage)), [], 'nothing stored without the lock');

    // Settings says what the lock does in a course; turning it on stores
    // the data, sealed.
    await frame.evaluate(() => (location.hash = '#/settings'));
    await sco().getByTestId('lock-course').waitFor();
    await sco().locator('#lock-new').fill(passphrase);
    await sco().locator('#lock-again').fill(passphrase);
    await sco().getByTestId('lock-turn-on').click();
    await sco().getByTestId('lock-on-status').waitFor();
    // The head and the journal's chunk (store::split), each sealed.
    await frame.waitForFunction(() => {
      const data = Object.entries(localStorage).filter(([k]) => k !== 'tend:lock');
      return data.length >= 2 && data.every(([, v]) => v.startsWith('{"format":"tend-sealed"'));
    });
    const stored = await frame.evaluate(() => Object.entries(localStorage));
    const keys = stored.map(([k]) => k).sort();
    assert.deepEqual(keys.filter((k) => !k.startsWith('tend:part:')), ['tend:data', 'tend:lock'], keys.join(', '));
    assert.equal(keys.length, 3, `the head, one chunk and the lock: ${keys.join(', ')}`);
    for (const [key, value] of stored) assert.ok(!value.includes('Quillwort'), `${key} holds the journal text`);
    // The data is kept now, so the banner no longer says it is not.
    assert.equal(await sco().getByTestId('storage-banner').count(), 0);
    const violations = await axeScan(frame);
    assert.deepEqual(violations, [], formatViolations(violations));

    // The next launch: locked, then everything back.
    await page.goto('about:blank');
    frame = await openCourse(page, site);
    assert.equal(
      (await sco().locator('main h1').textContent()).trim(),
      await englishString('ui-lock.toml', 'lock.screen', 'title'),
    );
    assert.ok(!(await frame.evaluate(() => document.body.innerText)).includes('Quillwort'));
    await sco().locator('#unlock-passphrase').fill(passphrase);
    await sco().getByTestId('unlock').click();
    await sco().getByTestId('lock-now').waitFor();
    await frame.evaluate(() => (location.hash = '#/journal'));
    await sco().locator('.record-text', { hasText: text }).waitFor();
  });
});
