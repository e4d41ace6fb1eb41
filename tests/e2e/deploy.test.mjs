// A deployment's settings end to end: tend.config.json beside index.html
// (applied, or refused with every problem reported in the console and in
// Settings > About), the address parameters, embed mode in a cross-origin
// frame at 360 px, and host events that reach only the configured origin
// and carry no answers.
//
// Each test serves its own copy of dist/ with its own tend.config.json.
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
  gotoScreen,
  launchBrowser,
  startSite,
  waitForScreen,
  withPage,
} from './harness.mjs';
import { serve } from '../../tools/serve.mjs';

let browser;
let scratch;
const sites = [];

before(async () => {
  browser = await launchBrowser();
  scratch = await mkdtemp(join(tmpdir(), 'tend-e2e-deploy-'));
});

after(async () => {
  await browser?.close();
  for (const s of sites) await s.close().catch(() => {});
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** A copy of dist/ with `config` (an object, or raw text) as tend.config.json, served under the test base. */
async function siteWith(name, config, extra = {}, serveOptions = {}) {
  const dir = join(scratch, name);
  await cp(DIST, dir, { recursive: true });
  const text = typeof config === 'string' ? config : JSON.stringify(config, null, 2);
  await writeFile(join(dir, 'tend.config.json'), text);
  for (const [file, body] of Object.entries(extra)) await writeFile(join(dir, file), body);
  const site = await startSite({ dir, ...serveOptions });
  sites.push(site);
  return site;
}

const deployString = (table, key) => englishString('ui-deploy.toml', table, key);
const fill = (template, values) => template.replace(/\{([a-z_]+)\}/g, (w, k) => (k in values ? String(values[k]) : w));

async function assertNoAxe(frame, where) {
  const violations = await axeScan(frame);
  assert.deepEqual(violations, [], `${where}:\n${formatViolations(violations)}`);
}

/** The console warnings Tend wrote about its settings. */
function tendWarnings(page) {
  const seen = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning' && msg.text().startsWith('Tend: ')) seen.push(msg.text().slice(6));
  });
  return seen;
}

test('a file with a javascript: link, a bad colour and an unknown key leaves the defaults in force and says why', async () => {
  const site = await siteWith('refused', {
    organisation: 'Harbour Trust',
    contacts: [{ label: 'Support', kind: 'web', value: 'javascript:alert(1)' }],
    accent: 'rebeccapurple',
    favourite_colour: 'teal',
  });
  await withPage(browser, site, {}, async ({ page }) => {
    const warnings = tendWarnings(page);
    await gotoScreen(page, site, '#/help');
    // Nothing from the refused file is shown or applied.
    assert.equal(await page.getByTestId('org-contacts').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
    assert.equal(accent, '#2f6f62');

    await gotoScreen(page, site, '#/settings');
    assert.equal((await page.getByTestId('about-config').textContent()).trim(), await deployString('about', 'refused'));
    const issues = (await page.getByTestId('config-issues').locator('li').allTextContents()).map((s) => s.trim());
    const file = await deployString('issue', 'file');
    const expected = [
      fill(await deployString('issue', 'bad_colour'), { source: file, key: 'accent' }),
      fill(await deployString('issue', 'bad_link'), { source: file, key: 'contacts[0].value' }),
      fill(await deployString('issue', 'unknown_key'), { source: file, key: 'favourite_colour' }),
    ];
    assert.deepEqual(issues, expected);
    // The same problems went to the console, once each.
    assert.deepEqual([...new Set(warnings)].sort(), [...expected].sort());
    await assertNoAxe(page, 'Settings with a refused file');
  });
});

test('a refused file keeps its namespace; a file the server fails to send means nothing is stored', async () => {
  const refused = await siteWith('keeps-namespace', { namespace: 'harbour', accent: 'rebeccapurple' });
  await withPage(browser, refused, {}, async ({ page }) => {
    await gotoScreen(page, refused, '#/settings');
    assert.equal((await page.getByTestId('about-config').textContent()).trim(), await deployString('about', 'refused'));
    await page.locator('input[name="theme"]').nth(2).check();
    await page.waitForFunction(() => localStorage.getItem('tend-harbour:data') !== null);
    assert.equal(await page.evaluate(() => localStorage.getItem('tend:data')), null, 'never the shared default');
  });
  const failing = await siteWith('server-error', { namespace: 'harbour' });
  await withPage(browser, failing, { allowConsoleErrors: true, serviceWorkers: 'block' }, async ({ page, context, app }) => {
    await context.route('**/tend.config.json', (route) => route.fulfill({ status: 500, body: 'Server error' }));
    await gotoScreen(page, failing, '#/settings');
    const banner = page.getByTestId('storage-banner');
    assert.equal(
      (await banner.locator('p').first().textContent()).trim(),
      await englishString('ui-data.toml', 'data.banner', 'settings'),
    );
    assert.equal((await page.getByTestId('about-config').textContent()).trim(), await deployString('about', 'unreachable'));
    await page.locator('input[name="theme"]').nth(2).check();
    assert.equal(await page.locator('input[name="theme"]').nth(2).isChecked(), true, 'choices work for this visit');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing written anywhere');
    assert.ok(app.errors.every((e) => /500/.test(e)), app.errors.join('\n'));
    await assertNoAxe(page, 'Settings when the settings file could not be fetched');
  });
});

test('a file that is not JSON is refused; no file at all means Tend as it ships', async () => {
  const broken = await siteWith('broken', '{ "organisation": "A", }');
  await withPage(browser, broken, {}, async ({ page }) => {
    await gotoScreen(page, broken, '#/settings');
    assert.equal((await page.getByTestId('about-config').textContent()).trim(), await deployString('about', 'refused'));
    const issue = (await page.getByTestId('config-issues').textContent()).trim();
    assert.match(issue, /line 1, column \d+/);
  });
  const plain = await startSite();
  sites.push(plain);
  await withPage(browser, plain, {}, async ({ page }) => {
    await gotoScreen(page, plain, '#/settings');
    // The shipped file is an empty object: in force, with nothing to say.
    assert.equal((await page.getByTestId('about-config').textContent()).trim(), await deployString('about', 'applied'));
    assert.equal(await page.getByTestId('config-issues').count(), 0);
    assert.equal(await page.getByTestId('install-guide').count(), 1);
  });
});

test('a valid file sets contacts, accent, modules, namespace, cadence and a deployed instrument', async () => {
  const team = await readFile(join(ROOT, 'crates/tend-core/tests/fixtures/instruments/external-e2e.json'), 'utf8');
  const site = await siteWith(
    'applied',
    {
      organisation: 'Harbour Trust',
      contacts: [
        { label: 'Employee assistance', kind: 'phone', value: '+1 (800) 555-0100' },
        { label: 'Peer support texts', kind: 'sms', value: '+1 555 0101' },
        { label: 'Wellbeing hub', kind: 'web', value: 'https://wellbeing.example.org/hub' },
      ],
      accent: '#1f4e79',
      modules: { leaders: false, journal: false, pulse: false },
      namespace: 'harbour',
      reminder_days: 28,
      instrument: 'team.json',
      retired_key: true,
    },
    { 'team.json': team },
  );
  await withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/help');
    const org = page.getByTestId('org-contacts');
    assert.equal(
      (await org.locator('h2').textContent()).trim(),
      fill(await deployString('org', 'contacts_heading'), { organisation: 'Harbour Trust' }),
    );
    const hrefs = await org.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, ['tel:+18005550100', 'sms:+15550101', 'https://wellbeing.example.org/hub']);
    const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
    assert.equal(accent, '#1f4e79');
    await assertNoAxe(page, 'Get help with the organisation’s contacts and accent');

    // Modules that are off leave the navigation and their screens.
    const nav = await page.locator('nav.main-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(!nav.includes('#/leaders'), nav.join(' '));
    const off = await deployString('module', 'off_title');
    for (const hash of [
      '#/leaders',
      '#/leaders/supervision',
      '#/leaders/team',
      '#/leaders/self-check',
      '#/leaders/self-check/new',
      '#/leaders/self-check/sc-m3x9k2a1-4fz0qp',
      '#/journal',
      '#/pulse',
      '#/practice/narrative-journal',
    ]) {
      assert.equal(await gotoScreen(page, site, hash), off, hash);
    }
    assert.notEqual(await gotoScreen(page, site, '#/practice/paced-breathing'), off);
    // The team pulse's "Share with your team" is a leaders' tool too: off
    // on the results of Tend's own check-in (its bands note says it is).
    await gotoScreen(page, site, '#/check-in');
    await finishCheckIn(page);
    await page.getByTestId('bands-note').waitFor();
    assert.equal(await page.getByTestId('team-share').count(), 0, 'no team code with the leaders module off');
    await gotoScreen(page, site, '#/');
    assert.equal(await page.locator('main a[href="#/pulse"], main a[href="#/leaders"]').count(), 0);

    // The deployed instrument is offered beside Tend's own.
    await gotoScreen(page, site, '#/check-in');
    await page.getByText('Team wellbeing check (test)').waitFor();

    // Cadence until the person picks, and the namespace for what is saved.
    await gotoScreen(page, site, '#/settings');
    assert.ok(await page.locator('input[name="checkin-interval"]').nth(3).isChecked(), '28 days is chosen');
    await page.locator('input[name="theme"]').nth(2).check();
    await page.waitForFunction(() => localStorage.getItem('tend-harbour:data') !== null);
    assert.equal(await page.evaluate(() => localStorage.getItem('tend:data')), null);
    const about = await page.getByTestId('about').textContent();
    assert.ok(about.includes('tend-harbour:'), about);
    // Not framed: no events go anywhere, and the privacy text says nothing of them.
    assert.equal(await page.getByTestId('privacy-events').count(), 0);
    assert.equal((await page.getByTestId('about-config').textContent()).trim(), await deployString('about', 'applied'));
    await page.getByTestId('about-instrument').filter({ hasText: 'Team wellbeing check (test)' }).waitFor();
    const issues = await page.getByTestId('config-issues').locator('li').allTextContents();
    assert.equal(issues.length, 1);
    assert.ok(issues[0].includes('retired_key'), issues[0]);
    await assertNoAxe(page, 'Settings with an applied file');
  });
});

/** A page at `origin` that frames `src` at 360 px and records every message it receives. */
function hostPage(src) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title></head>
<body><h1>Staff portal</h1>
<iframe id="tend" title="Tend" src="${src}" width="360" height="640"></iframe>
<script>
  window.received = [];
  addEventListener('message', (e) => window.received.push({ origin: e.origin, data: e.data }));
</script></body></html>`;
}

/** Serves a folder holding one host page (`html`, rewritable later) at the root of its own port. */
async function startHost(html) {
  const dir = await mkdtemp(join(scratch, 'host-'));
  await writeFile(join(dir, 'index.html'), html);
  const s = await serve({ dir, port: 0, host: '127.0.0.1', base: '/' });
  sites.push(s);
  return { ...s, dir };
}

test('embedded in a cross-origin frame: compact, storage explained, events only to the configured origin and without answers', async () => {
  // Tend is at http://127.0.0.1:<port>; the hosts at http://localhost:<port>,
  // another origin. The configured host is one of them; the other frames the
  // same copy of Tend and must hear nothing.
  const goodHost = await startHost('');
  const evilHost = await startHost('');
  const goodOrigin = `http://localhost:${new URL(goodHost.url).port}`;
  // The host names the portals that may frame Tend (frame-ancestors).
  const site = await siteWith(
    'embedded',
    { embed: true, host_origin: goodOrigin },
    {},
    { frameAncestors: "'self' http://localhost:*" },
  );
  const framed = hostPage(`${site.url}index.html#/check-in`);
  await writeFile(join(goodHost.dir, 'index.html'), framed);
  await writeFile(join(evilHost.dir, 'index.html'), framed);

  const context = await browser.newContext({ viewport: { width: 800, height: 800 } });
  try {
    // --- the configured host
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${goodOrigin}/`);
    const frame = page.frameLocator('#tend');
    await frame.locator('main h1').waitFor();
    const tend = page.frames().find((f) => f.url().startsWith(site.url));
    assert.ok(tend, 'Tend is framed');
    await page.waitForFunction(() => window.received.some((m) => m.data?.type === 'tend:ready'));

    // Compact chrome that fits 360 px, and the partitioned-storage note.
    assert.equal(await tend.evaluate(() => document.documentElement.dataset.embed), 'true');
    assert.ok(await tend.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling at 360 px');
    // What the person is told depends on what this browser does with a
    // cross-site frame's storage: partitioned (kept apart, may be cleared)
    // or blocked outright (nothing saved). Either way there is an export.
    const blocked = await tend.evaluate(() => {
      try {
        return !window.localStorage;
      } catch {
        return true;
      }
    });
    const [notice, text] = blocked
      ? ['storage-banner', await englishString('ui-data.toml', 'data.banner', 'unavailable')]
      : ['embed-notice', await deployString('embed', 'partitioned')];
    await frame.getByTestId(notice).waitFor();
    assert.equal((await frame.getByTestId(notice).locator('p').first().textContent()).trim(), text);
    await frame.getByTestId(notice).getByRole('button').first().waitFor();
    await assertNoAxe(tend, 'check-in screen embedded at 360 px');

    const id = await finishCheckIn(tend);
    assert.ok(id);
    await page.waitForFunction(() => window.received.some((m) => m.data?.type === 'tend:checkin-completed'));
    // A plan change is an event too.
    await tend.evaluate(() => (location.hash = '#/strategies/paced-breathing'));
    await frame.locator('form.add-to-plan button[type="submit"]').first().click();
    await page.waitForFunction(() => window.received.some((m) => m.data?.type === 'tend:plan-saved'));

    // A greeting from the configured origin is answered.
    const readyBefore = await page.evaluate(() => window.received.filter((m) => m.data?.type === 'tend:ready').length);
    await page.evaluate(() => document.getElementById('tend').contentWindow.postMessage({ type: 'tend:hello' }, '*'));
    await page.waitForFunction((n) => window.received.filter((m) => m.data?.type === 'tend:ready').length > n, readyBefore);

    const received = await page.evaluate(() => window.received);
    const fromTend = received.filter((m) => typeof m.data?.type === 'string' && m.data.type.startsWith('tend:'));
    for (const m of fromTend) {
      assert.equal(m.origin, new URL(site.url).origin);
      // Only a type, and for a check-in which kind: no answers, scores or bands.
      assert.deepEqual(Object.keys(m.data).sort(), m.data.type === 'tend:checkin-completed' ? ['kind', 'type'] : ['type']);
    }
    assert.deepEqual(
      fromTend.find((m) => m.data.type === 'tend:checkin-completed').data,
      { type: 'tend:checkin-completed', kind: 'check-in' },
    );
    assert.deepEqual(errors, []);

    // The privacy text and the footer say which origin hears of what.
    await tend.evaluate(() => (location.hash = '#/settings'));
    const events = frame.getByTestId('privacy-events');
    await events.waitFor();
    assert.equal(
      (await events.textContent()).trim(),
      fill(await englishString('ui-settings.toml', 'settings', 'privacy_events'), { origin: goodOrigin }),
    );
    assert.equal(
      (await frame.locator('.site-footer p').first().textContent()).trim(),
      await englishString('ui.toml', 'app', 'footer_private_events'),
    );

    // --- another origin framing the same Tend hears nothing, and its greeting is ignored.
    const other = await context.newPage();
    await other.goto(`http://localhost:${new URL(evilHost.url).port}/`);
    const otherFrame = other.frameLocator('#tend');
    await otherFrame.locator('main h1').waitFor();
    const otherTend = other.frames().find((f) => f.url().startsWith(site.url));
    await other.evaluate(() => document.getElementById('tend').contentWindow.postMessage({ type: 'tend:hello' }, '*'));
    await finishCheckIn(otherTend);
    // Give any stray message time to arrive before asserting silence.
    await other.waitForTimeout(500);
    assert.deepEqual(
      (await other.evaluate(() => window.received)).filter((m) => String(m.data?.type).startsWith('tend:')),
      [],
    );
  } finally {
    await context.close();
  }
});

test('the address can set embed mode and the language, but not contacts or the event origin', async () => {
  const site = await siteWith('address', {});
  await withPage(browser, site, { viewport: { width: 360, height: 740 } }, async ({ page }) => {
    await page.goto(`${site.url}index.html?embed=1&lang=en&host_origin=https://evil.example&contacts=x#/settings`);
    await waitForScreen(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.embed), 'true');
    assert.equal(await page.getByTestId('install-guide').count(), 0, 'no install prompt in embed mode');
    assert.equal(await page.getByTestId('config-issues').count(), 0);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    await assertNoAxe(page, 'Settings in embed mode at 360 px');
  });
});

test('with the server gone, the deployment’s settings and instrument file still apply', async () => {
  const team = await readFile(join(ROOT, 'crates/tend-core/tests/fixtures/instruments/external-e2e.json'), 'utf8');
  const site = await siteWith('offline', { organisation: 'Harbour Trust', instrument: 'team.json' }, { 'team.json': team });
  // With no server, the browser's attempts at the network fail; the harness
  // counts those as errors, so this test checks the page's own errors itself.
  await withPage(browser, site, { allowConsoleErrors: true }, async ({ page, app }) => {
    await gotoScreen(page, site, '#/check-in');
    await page.getByText('Team wellbeing check (test)').waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.getByText('Team wellbeing check (test)').waitFor();
    const errorsBefore = app.errors.length;
    await site.close();

    await gotoScreen(page, site, '#/check-in');
    await page.getByText('Team wellbeing check (test)').waitFor();
    await gotoScreen(page, site, '#/settings');
    assert.equal((await page.getByTestId('about-config').textContent()).trim(), await deployString('about', 'applied'));
    await page.getByTestId('about-instrument').filter({ hasText: 'Team wellbeing check (test)' }).waitFor();
    const pageErrors = app.errors.slice(errorsBefore).filter((e) => !e.startsWith('request failed: '));
    assert.deepEqual(pageErrors, []);
  });
});

test('a deployed instrument file that does not validate is left out, and About says why', async () => {
  const bad = await readFile(join(ROOT, 'crates/tend-core/tests/fixtures/instruments/invalid-duplicate-item.json'), 'utf8');
  const site = await siteWith('bad-instrument', { instrument: 'team.json' }, { 'team.json': bad });
  await withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/check-in');
    // Only Tend's own check-in is on offer: no choice to make.
    assert.equal(await page.locator('input[name="instrument"]').count(), 0);
    await gotoScreen(page, site, '#/settings');
    const prefix = fill(await deployString('about', 'instrument_failed'), { file: 'team.json', reason: '' });
    await page.getByTestId('about-instrument').filter({ hasText: prefix.trim() }).waitFor();
    const text = (await page.getByTestId('about-instrument').textContent()).trim();
    assert.ok(text.length > prefix.trim().length, `a reason is given: ${text}`);
    // The file itself was fine, so the rest of the settings apply.
    assert.equal((await page.getByTestId('about-config').textContent()).trim(), await deployString('about', 'applied'));
  });
});
