// The check-in end to end: completed by keyboard alone, resumed after a
// reload, validated with named errors, scored on a results page that
// compares with the last check-in, the pulse in history (with delete and
// undo), the safety item's help panel, a questionnaire loaded from a file
// and scored, the calendar reminder, and the print layout.
//
// Questions and sections are read from the compiled-in definition
// (crates/tend-core/src/builtin/tend.en.json) and every string from
// locales/en/ui-checkin.toml, so a reworded item moves the test with it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT,
  axeScan,
  englishString,
  formatViolations,
  gotoScreen,
  launchBrowser,
  localeString,
  setColorScheme,
  startSite,
  waitForScreen,
  withPage,
  storedData,
} from './harness.mjs';

const FIXTURES = join(ROOT, 'crates/tend-core/tests/fixtures/instruments');
const EXTERNAL_FIXTURE = join(FIXTURES, 'external-e2e.json');
const INVALID_FIXTURE = join(FIXTURES, 'invalid-duplicate-item.json');

let site;
let browser;
let scratch;
/** Tend's own check-in definition, as compiled in. */
let tend;
/** Tend's own check-in in Spanish. */
let tendEs;
/** The one-minute pulse definition. */
let pulse;
/** The loaded-questionnaire fixture. */
let external;

before(async () => {
  tend = JSON.parse(await readFile(join(ROOT, 'crates/tend-core/src/builtin/tend.en.json'), 'utf8'));
  tendEs = JSON.parse(await readFile(join(ROOT, 'crates/tend-core/src/builtin/tend.es.json'), 'utf8'));
  pulse = JSON.parse(await readFile(join(ROOT, 'crates/tend-core/src/builtin/pulse.en.json'), 'utf8'));
  external = JSON.parse(await readFile(EXTERNAL_FIXTURE, 'utf8'));
  site = await startSite();
  browser = await launchBrowser();
  scratch = await mkdtemp(join(tmpdir(), 'tend-e2e-checkin-'));
});

after(async () => {
  await browser?.close();
  await site?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

// ------------------------------------------------------------------ helpers

/** A string from locales/en/ui-checkin.toml. */
const ui = (table, key) => englishString('ui-checkin.toml', table, key);

/** Fills `{name}` placeholders as the app's `fill` does. */
function fill(template, values) {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** Every item of a definition, in order. */
const itemsOf = (instrument) => instrument.sections.flatMap((s) => s.items);

/** The kind of an item (`scale` when the definition leaves it out). */
const kindOf = (item) => item.kind ?? 'scale';

/** The subscale an item feeds, followed up to its top-level parent. */
function headlineOf(instrument, item) {
  let id = item.subscale;
  while (id) {
    const sub = instrument.subscales.find((s) => s.id === id);
    if (!sub) return null;
    if (sub.headline) return sub.headline;
    id = sub.parent;
  }
  return null;
}

/** The index of a scale answer in a question's inputs: its value, or "prefer not" after the labels. */
function scaleIndex(instrument, value) {
  if (value === 'prefer-not') return instrument.scale.labels.length;
  const index = instrument.scale.labels.findIndex((l) => l.value === value);
  assert.ok(index >= 0, `no scale point ${value}`);
  return index;
}

/** The input for option `index` of an item (src/ui/components/question.rs). */
const inputOf = (itemId, index) => `#q-${itemId}-${index}`;

/** Waits until `fn(arg)` is true in `page`, failing with `what`. */
async function waitUntil(page, fn, arg, what, timeout = 5000) {
  try {
    await page.waitForFunction(fn, arg, { timeout });
  } catch {
    const focus = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160)).catch(() => '?');
    assert.fail(`never happened: ${what} (focus is on ${focus})`);
  }
}

/** Waits until focus is on the element matching `selector`. */
function waitForFocus(page, selector, what) {
  return waitUntil(page, (sel) => document.activeElement === document.querySelector(sel), selector, what);
}

/** Waits for the address `hash` and a `main h1` reading `title`. */
async function waitForStep(page, hash, title) {
  await waitUntil(page, (h) => location.hash === h, hash, `the address became ${hash}`, 10000);
  await waitUntil(
    page,
    (t) => (document.querySelector('main h1')?.textContent ?? '').trim() === t,
    title,
    `the heading "${title}" on ${hash}`,
    10000,
  );
}

/** The stored data, read back from its keys. */
const stored = (page) => storedData(page);

async function assertNoAxe(page, where) {
  const violations = await axeScan(page);
  assert.deepEqual(violations, [], `${where}:\n${formatViolations(violations)}`);
}

/**
 * Answers the questions of one section by clicking. `pick(item)` gives the
 * input index for a scale, safety or single-choice item, an array of
 * indexes for a multi-select, or null to leave it.
 */
async function answerSection(page, section, pick) {
  for (const item of section.items) {
    const choice = pick(item);
    if (choice === null || choice === undefined) continue;
    for (const index of Array.isArray(choice) ? choice : [choice]) {
      await page.locator(inputOf(item.id, index)).check();
    }
  }
}

/** Clicks Next (or "See my results") and waits for where it leads. */
async function pressNext(page, instrument, index) {
  await page.getByTestId('next').click();
  if (index + 1 < instrument.sections.length) {
    await waitForStep(page, `#/check-in/${index + 2}`, instrument.sections[index + 1].title);
    return null;
  }
  await waitUntil(page, () => /^#\/results\/[A-Za-z0-9-]+$/.test(location.hash), null, 'the results address', 10000);
  await waitForScreen(page);
  return new URL(page.url()).hash.slice('#/results/'.length);
}

/**
 * The answer plan used unless a test says otherwise: a plain profile for
 * the context questions, `value` on every scale item, "Never" on safety.
 */
function plainPick(instrument, value = 2) {
  return (item) => {
    switch (kindOf(item)) {
      case 'choice':
        return item.multiple ? [0] : item.context === 'recent_incident' ? item.options.findIndex((o) => o.id === 'no') : 0;
      case 'safety':
        return scaleIndex(instrument, 0);
      default:
        return scaleIndex(instrument, value);
    }
  };
}

/** Starts a check-in of Tend's own (or the chosen) instrument from #/check-in. */
async function startCheckIn(page, instrument = tend) {
  await gotoScreen(page, site, '#/check-in');
  await page.getByTestId('start-checkin').click();
  await waitForStep(page, '#/check-in/1', instrument.sections[0].title);
}

/** Completes a whole check-in by clicking and returns the new check-in's id. */
async function completeCheckIn(page, pick = plainPick(tend), instrument = tend, { start = true } = {}) {
  if (start) await startCheckIn(page, instrument);
  let id = null;
  for (const [index, section] of instrument.sections.entries()) {
    await answerSection(page, section, pick);
    id = await pressNext(page, instrument, index);
  }
  return id;
}

/** The rows of the headline chart's table, as [measure, score and band]. */
function headlineTable(page) {
  return page.$$eval('[data-testid="headline-chart-table"] tbody tr', (rows) =>
    rows.map((r) => [r.querySelector('th')?.textContent.trim(), r.querySelector('td')?.textContent.trim()]),
  );
}

/** The name of each headline subscale of an instrument, in the order results show them. */
function headlineNames(instrument) {
  return ['sts', 'burnout', 'sustaining'].map((h) => instrument.subscales.find((s) => s.headline === h)?.name).filter(Boolean);
}

/** The band label for `score` on a subscale (inclusive edges). */
function bandLabel(instrument, subscaleId, score) {
  const sub = instrument.subscales.find((s) => s.id === subscaleId);
  const band = sub.bands.find((b) => (b.min === undefined || score >= b.min) && (b.max === undefined || score <= b.max));
  return band.label;
}

/** Asserts the results page shows all headline scores on its chart and table, and a reading. */
async function assertResultsShown(page, instrument, expected) {
  const svg = page.getByTestId('headline-chart-svg');
  assert.equal(await svg.getAttribute('role'), 'img');
  assert.ok(await svg.isVisible(), 'the headline chart is visible');
  const names = headlineNames(instrument);
  assert.equal(names.length, 3, 'the instrument defines three headlines');
  assert.equal(await page.locator('[data-testid="headline-chart-svg"] [data-testid="headline-row"]').count(), 3);
  assert.equal(await page.locator('[data-testid="headline-chart-svg"] [data-testid="headline-value"]').count(), 3, 'three scores drawn');
  const rows = await headlineTable(page);
  assert.deepEqual(
    rows.map((r) => r[0]),
    names,
    'the table names the three headline scores',
  );
  if (expected) assert.deepEqual(rows, names.map((n, i) => [n, expected[i]]), 'the headline scores');
  const reading = (await page.getByTestId('reading').textContent()).trim();
  const heading = await ui('results', 'reading_heading');
  assert.ok(reading.length > heading.length + 20, `the reading is empty: ${JSON.stringify(reading)}`);
  return reading;
}

// -------------------------------------------------------------------- tests

// In each language Tend ships, the browser's language choosing it: the
// Spanish run answers two items "Often", so a score has a decimal and shows
// the language's own number format.
for (const [code, browserLocale] of [
  ['en', 'en-US'],
  ['es', 'es-ES'],
]) {
  test(`the check-in can be completed by keyboard alone, with no axe violations on any screen (${code})`, () =>
    withPage(browser, site, { locale: browserLocale }, async ({ page }) => {
      const instrument = code === 'en' ? tend : tendEs;
      const say = (table, key) => localeString(code, 'ui-checkin.toml', table, key);
      /** The items the Spanish run answers "Often": the first two intrusion items. */
      const bumped = new Set(
        code === 'en'
          ? []
          : instrument.sections
              .flatMap((s) => s.items)
              .filter((i) => i.subscale === 'intrusion')
              .slice(0, 2)
              .map((i) => i.id),
      );
      const started = Date.now();
      const keys = [];
      const press = async (key) => {
        keys.push(key);
        await page.keyboard.press(key);
      };
      const focusIsIn = (selector) => page.evaluate((sel) => Boolean(document.activeElement?.closest(sel)), selector);

      await gotoScreen(page, site, '#/check-in');
      await assertNoAxe(page, '#/check-in (light)');
      // The skip link, then the first control in main: the start button.
      await press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#main', 'first Tab stop');
      await press('Enter');
      await press('Tab');
      assert.equal(
        await page.evaluate(() => document.activeElement?.dataset.testid),
        'start-checkin',
        'the Tab after the skip link reaches the start button',
      );
      await press('Enter');

      // Answers: the first option of each single choice (except "No" to a
      // recent incident), the first box of the multi-select, "Sometimes" on
      // every scale item, "Never" on safety.
      for (const [index, section] of instrument.sections.entries()) {
        const hash = `#/check-in/${index + 1}`;
        await waitForStep(page, hash, section.title);
        await waitForFocus(page, 'main h1', `focus on the heading of ${hash}`);
        await assertNoAxe(page, `${hash} (light)`);
        assert.equal(
          await page.evaluate(() => document.activeElement === document.querySelector('main h1')),
          true,
          `focus stays on the heading of ${hash} after the axe scan`,
        );
        for (const item of section.items) {
          const fieldset = `#q-${item.id}`;
          if (kindOf(item) === 'choice' && item.multiple) {
            // One Tab stop per box: tick the first, Tab past the others.
            for (let i = 0; i < item.options.length; i++) {
              await press('Tab');
              assert.equal(await page.evaluate(() => document.activeElement?.id), `q-${item.id}-${i}`);
              if (i === 0) await press('Space');
            }
            assert.equal(await page.locator(inputOf(item.id, 0)).isChecked(), true, `${item.id}: ticked by Space`);
            continue;
          }
          await press('Tab');
          assert.ok(await focusIsIn(fieldset), `${hash}: one Tab reaches ${item.id}`);
          let target;
          if (kindOf(item) === 'choice') {
            target = item.context === 'recent_incident' ? item.options.findIndex((o) => o.id === 'no') : 0;
          } else if (kindOf(item) === 'safety') {
            target = scaleIndex(instrument, 0);
          } else {
            target = scaleIndex(instrument, bumped.has(item.id) ? 3 : 2);
          }
          // Tab lands on the first radio of an unanswered group without
          // choosing it: Space chooses it, each Down arrow moves and chooses.
          if (target === 0) await press('Space');
          for (let i = 0; i < target; i++) await press('ArrowDown');
          assert.equal(await page.locator(inputOf(item.id, target)).isChecked(), true, `${item.id}: option ${target} chosen`);
        }
        // Back (from the second screen on), then Next.
        const last = index + 1 === instrument.sections.length;
        const nextLabel = await say('checkin', last ? 'finish' : 'next');
        for (let i = 0; i < 3; i++) {
          await press('Tab');
          if (await page.evaluate(() => document.activeElement?.dataset.testid === 'next')) break;
        }
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'next', `${hash}: Tab reaches Next`);
        assert.equal((await page.evaluate(() => document.activeElement.textContent)).trim(), nextLabel);
        await press('Enter');
      }

      await waitUntil(page, () => /^#\/results\/[A-Za-z0-9-]+$/.test(location.hash), null, 'the results address', 10000);
      await waitForScreen(page);
      await waitForFocus(page, 'main h1', 'focus on the results heading');
      const elapsed = Date.now() - started;
      const tally = keys.reduce((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {});
      const items = itemsOf(instrument).length;
      console.log(
        `keyboard-only check-in (${code}): ${keys.length} key presses for ${items} questions on ${instrument.sections.length} screens ` +
          `(${Object.entries(tally).map(([k, n]) => `${k} ×${n}`).join(', ')}), ${(elapsed / 1000).toFixed(1)} s in the test`,
      );

      // "Sometimes" (2) everywhere: every headline 2 on the 0–4 mean; in the
      // Spanish run two items "Often" make secondary trauma 46 / 22 = 2.1.
      const sts = bumped.size ? 2.1 : 2;
      const numbers = new Intl.NumberFormat(code);
      const expected = [sts, 2, 2].map((score, i) => {
        const sub = instrument.subscales.find((s) => s.headline === ['sts', 'burnout', 'sustaining'][i]);
        return `${numbers.format(score)} · ${bandLabel(instrument, sub.id, score)}`;
      });
      await assertResultsShown(page, instrument, expected);
      // The heading's date in the language's own format.
      const date = await page.evaluate(
        (lang) => new Date().toLocaleDateString(lang, { day: 'numeric', month: 'long', year: 'numeric' }),
        code,
      );
      const dated = (await say('results', 'title_dated')).replace('{date}', date);
      assert.equal((await page.locator('main h1').textContent()).trim(), dated);
      assert.equal(await page.evaluate(() => document.documentElement.lang), code);
      await assertNoAxe(page, 'results (light)');
      await setColorScheme(page, 'dark');
      await assertNoAxe(page, 'results (dark)');
      await setColorScheme(page, 'light');

      // The print view keeps the scores table, in the same formats.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByTestId('headline-chart-table').isVisible(), true, 'the scores table is not printed');
      assert.deepEqual(
        (await headlineTable(page)).map((r) => r[1]),
        expected,
        'the printed scores',
      );
      await page.emulateMedia({ media: 'screen' });

      // History: the entry's date and the trend table's percentages in the
      // language's own formats (burnout 2 of 4 is half its range).
      await gotoScreen(page, site, '#/history');
      const entry = page.locator('[data-testid="entries"] li[data-kind="checkin"]');
      assert.equal(await entry.count(), 1, 'History lists the check-in');
      assert.ok((await entry.textContent()).includes(date), `the history entry shows ${date}`);
      const half = await page.evaluate((lang) => new Intl.NumberFormat(lang, { style: 'percent' }).format(0.5), code);
      const row = page.locator('[data-testid="trend-chart-table"] tbody tr[data-kind="check-in"]');
      assert.equal((await row.locator('th').textContent()).trim(), date, 'the trend table dates the check-in');
      const cells = await row.locator('td').evaluateAll((tds) => tds.slice(1).map((td) => td.textContent.trim()));
      assert.ok(cells[1]?.includes(half), `burnout shows ${half}: ${JSON.stringify(cells)}`);
    }));
}

test('a check-in survives a reload midway, and Home offers to carry on or discard it', () =>
  withPage(browser, site, {}, async ({ page }) => {
    // Different answers on each screen, so a restored answer cannot be a
    // coincidence: value 1 on the second screen, 3 on the third.
    const firstPick = plainPick(tend);
    const picks = [firstPick, plainPick(tend, 1), plainPick(tend, 3)];
    await startCheckIn(page);
    for (const index of [0, 1]) {
      await answerSection(page, tend.sections[index], picks[index]);
      await pressNext(page, tend, index);
    }
    // One answer on the third screen, then a reload there.
    const third = tend.sections[2];
    const partly = third.items[0];
    await page.locator(inputOf(partly.id, picks[2](partly))).check();
    await page.reload({ waitUntil: 'load' });
    await waitForStep(page, '#/check-in/3', third.title);
    assert.equal(await page.locator(inputOf(partly.id, picks[2](partly))).isChecked(), true, 'the answer on screen 3 survived the reload');

    const assertChecked = async (index) => {
      for (const item of tend.sections[index].items) {
        const want = picks[index](item);
        for (const i of Array.isArray(want) ? want : [want]) {
          assert.equal(await page.locator(inputOf(item.id, i)).isChecked(), true, `${item.id} option ${i} still chosen`);
        }
        const count = await page.locator(`#q-${item.id} input:checked`).count();
        assert.equal(count, Array.isArray(want) ? want.length : 1, `${item.id}: only the chosen answer is checked`);
      }
    };
    const back = await ui('checkin', 'back');
    await page.getByRole('link', { name: back, exact: true }).click();
    await waitForStep(page, '#/check-in/2', tend.sections[1].title);
    await assertChecked(1);
    await page.getByRole('link', { name: back, exact: true }).click();
    await waitForStep(page, '#/check-in/1', tend.sections[0].title);
    await assertChecked(0);

    // Home offers the draft back.
    await gotoScreen(page, site, '#/');
    const box = page.getByTestId('resume-draft');
    await box.waitFor();
    const total = itemsOf(tend).length;
    const answered = tend.sections[0].items.length + tend.sections[1].items.length + 1;
    assert.match(await box.textContent(), new RegExp(`\\b${answered} of ${total} questions answered`));
    const carryOn = page.getByTestId('resume');
    assert.equal((await carryOn.textContent()).trim(), await ui('checkin', 'resume'));
    assert.equal(await carryOn.getAttribute('href'), '#/check-in/3', 'Carry on leads to the first screen with a question left');
    await assertNoAxe(page, 'Home with a check-in in progress');
    await carryOn.click();
    await waitForStep(page, '#/check-in/3', third.title);
    assert.equal(await page.locator(inputOf(partly.id, picks[2](partly))).isChecked(), true);

    // Discarding asks first, then removes it.
    await gotoScreen(page, site, '#/');
    await page.getByTestId('discard').click();
    const question = page.locator('#discard-question');
    await question.waitFor({ state: 'visible' });
    assert.equal((await question.textContent()).trim(), await ui('checkin', 'discard_confirm'));
    await waitForFocus(page, '#discard-question', 'focus on the discard question');
    assert.ok((await stored(page)).draft, 'asking is not discarding');
    await page.getByTestId('discard-confirm').click();
    await page.getByTestId('resume-draft').waitFor({ state: 'detached' });
    assert.equal((await stored(page)).draft, null, 'the stored draft is gone');
    await page.reload({ waitUntil: 'load' });
    await waitForScreen(page);
    assert.equal(await page.getByTestId('resume-draft').count(), 0, 'still gone after a reload');
    await gotoScreen(page, site, '#/check-in');
    assert.equal(await page.getByTestId('start-checkin').count(), 1, 'the check-in starts afresh');
  }));

test('Next with questions unanswered names them in an error summary that takes focus', () =>
  withPage(browser, site, {}, async ({ page }) => {
    await startCheckIn(page);
    const context = tend.sections[0];
    const required = context.items.filter((i) => !(kindOf(i) === 'choice' && i.multiple));
    const summary = page.locator('.error-summary');
    assert.equal(await summary.isVisible(), false, 'no errors before Next');

    await page.getByTestId('next').click();
    await summary.waitFor({ state: 'visible' });
    assert.equal(await summary.getAttribute('role'), 'alert');
    assert.equal((await page.locator('#errors-heading').textContent()).trim(), await ui('checkin', 'errors_heading'));
    await waitForFocus(page, '#errors-heading', 'focus on the error summary heading');
    const listed = () => page.$$eval('.error-summary li', (lis) => lis.map((li) => li.textContent.trim()));
    assert.deepEqual(await listed(), required.map((i) => i.text), 'the summary names every unanswered question (not the multi-select)');
    assert.equal(new URL(page.url()).hash, '#/check-in/1', 'Next did not move on');
    for (const item of required) {
      const fieldset = page.locator(`#q-${item.id}`);
      const describedBy = await fieldset.getAttribute('aria-describedby');
      assert.ok(describedBy, `${item.id} is not described by its error`);
      const error = page.locator(`#${describedBy}`);
      assert.equal(await error.isVisible(), true);
      assert.equal((await error.textContent()).trim(), await ui('checkin', 'error_choice'));
    }
    await assertNoAxe(page, 'a screen with its error summary');

    // A summary entry takes focus to its question.
    await page.locator('.error-summary li button').nth(1).click();
    await waitForFocus(page, inputOf(required[1].id, 0), 'focus on the named question');

    // Answering clears that question's entry at once.
    await page.locator(inputOf(required[0].id, 0)).check();
    await waitUntil(page, (n) => document.querySelectorAll('.error-summary li').length === n, required.length - 1, 'one entry fewer');
    assert.deepEqual(await listed(), required.slice(1).map((i) => i.text));
    assert.equal(await page.locator(`#q-${required[0].id}`).getAttribute('aria-describedby'), null);
    await answerSection(page, context, plainPick(tend));
    await waitUntil(page, () => document.querySelector('.error-summary')?.hidden === true, null, 'the summary is hidden once all are answered');
    await pressNext(page, tend, 0);

    // A scale screen: every question named; "Prefer not to answer" settles them.
    const second = tend.sections[1];
    await page.getByTestId('next').click();
    await summary.waitFor({ state: 'visible' });
    await waitForFocus(page, '#errors-heading', 'focus on the error summary heading on screen 2');
    assert.deepEqual(await listed(), second.items.map((i) => i.text));
    const preferNot = await ui('checkin', 'prefer_not');
    const message = fill(await ui('checkin', 'error_item'), { prefer_not: preferNot });
    assert.equal((await page.locator(`#q-${second.items[0].id}-error`).textContent()).trim(), message);
    await answerSection(page, second, () => scaleIndex(tend, 'prefer-not'));
    assert.equal(await summary.isVisible(), false);
    await pressNext(page, tend, 1);
  }));

test('results show the three scores, a reading, not-a-diagnosis and help; a second check-in shows the change', () =>
  withPage(browser, site, {}, async ({ page }) => {
    // First all-high on secondary trauma and burnout, nothing sustaining;
    // then the opposite. Context and safety stay the same.
    const pickWith = (sts, burnout, sustaining) => (item) => {
      if (kindOf(item) !== 'scale') return plainPick(tend)(item);
      const value = { sts, burnout, sustaining }[headlineOf(tend, item)] ?? 0;
      return scaleIndex(tend, value);
    };
    const names = headlineNames(tend);
    const bandOf = (h, v) => bandLabel(tend, tend.subscales.find((s) => s.headline === h).id, v);

    const firstId = await completeCheckIn(page, pickWith(4, 4, 0));
    const firstReading = await assertResultsShown(page, tend, [
      `4 · ${bandOf('sts', 4)}`,
      `4 · ${bandOf('burnout', 4)}`,
      `0 · ${bandOf('sustaining', 0)}`,
    ]);
    assert.ok(firstReading.includes(await ui('results', 'pattern_both')), 'high on both reads as both');
    assert.ok(firstReading.includes(await ui('results', 'exposure_cumulative')), 'daily exposure reads as cumulative');
    assert.ok(firstReading.includes(await ui('results', 'sustaining_low')));
    const main = page.locator('main');
    assert.equal(
      (await main.locator('#diagnosis-heading').textContent()).trim(),
      await ui('results', 'diagnosis_heading'),
    );
    assert.match(await ui('results', 'diagnosis_heading'), /This is not a diagnosis/);
    const help = main.locator('a[href="#/help"]');
    assert.ok((await help.count()) >= 1 && (await help.first().isVisible()), 'a link to Get help in the results');
    assert.equal((await main.locator('#change-heading + p').textContent()).trim(), await ui('results', 'change_first'));
    assert.equal(await page.getByTestId('change').count(), 0, 'nothing to compare the first time');
    assert.equal(await page.getByTestId('safety-panel').count(), 0, '"Never" on safety shows no panel');
    await assertNoAxe(page, 'first results');

    const secondId = await completeCheckIn(page, pickWith(0, 0, 4));
    assert.notEqual(secondId, firstId);
    const secondReading = await assertResultsShown(page, tend, [
      `0 · ${bandOf('sts', 0)}`,
      `0 · ${bandOf('burnout', 0)}`,
      `4 · ${bandOf('sustaining', 4)}`,
    ]);
    assert.ok(secondReading.includes(await ui('results', 'pattern_neither')), 'low on both reads as neither');
    const change = page.getByTestId('change');
    await change.waitFor();
    const items = await change.locator('li').evaluateAll((lis) => lis.map((li) => ({ cls: li.className, text: li.textContent.trim() })));
    assert.equal(items.length, 3);
    const better = await ui('results', 'change_better');
    assert.deepEqual(items, [
      { cls: 'better', text: fill(better, { area: names[0], from: 4, to: 0 }) },
      { cls: 'better', text: fill(better, { area: names[1], from: 4, to: 0 }) },
      { cls: 'better', text: fill(better, { area: names[2], from: 0, to: 4 }) },
    ]);
    await assertNoAxe(page, 'second results with the change');

    // And looking back at the first, nothing comes before it.
    await gotoScreen(page, site, `#/results/${firstId}`);
    assert.equal(await page.getByTestId('change').count(), 0);
  }));

test('a pulse is saved, appears in history and its chart table, and a delete can be undone', () =>
  withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/pulse');
    assert.equal(await page.getByTestId('safety-panel').count(), 0);
    await assertNoAxe(page, '#/pulse (light)');
    // Safety on the pulse behaves as in the check-in.
    const safety = itemsOf(pulse).find((i) => kindOf(i) === 'safety');
    await page.locator(inputOf(safety.id, scaleIndex(pulse, 1))).check();
    await page.getByTestId('safety-panel').waitFor();
    await page.locator(inputOf(safety.id, scaleIndex(pulse, 0))).check();
    await page.getByTestId('safety-panel').waitFor({ state: 'detached' });

    // Save refuses until everything is answered.
    const save = page.getByTestId('save-pulse');
    await save.click();
    assert.equal(await page.locator('#pulse-saved').isVisible(), false, 'saved with questions unanswered');
    const values = { sts: 3, burnout: 3, sustaining: 1 };
    for (const item of itemsOf(pulse)) {
      if (kindOf(item) === 'safety') continue;
      await page.locator(inputOf(item.id, scaleIndex(pulse, values[item.subscale] ?? 2))).check();
    }
    await save.click();
    await page.locator('#pulse-saved').waitFor({ state: 'visible' });
    await waitForFocus(page, '#pulse-saved', 'focus on the saved message');
    assert.equal((await stored(page)).pulses.length, 1);

    await gotoScreen(page, site, '#/history');
    const pulseEntries = page.locator('[data-testid="entries"] li[data-kind="pulse"]');
    assert.equal(await pulseEntries.count(), 1, 'History lists the pulse');
    assert.match(await pulseEntries.textContent(), new RegExp(await ui('history', 'kind_pulse')));
    const pulseRows = page.locator('[data-testid="trend-chart-table"] tbody tr[data-kind="pulse"]');
    assert.equal(await pulseRows.count(), 1, 'the trend table has a Pulse row');
    assert.equal((await pulseRows.locator('td').first().textContent()).trim(), 'Pulse');
    // Sustaining 1 of 4 is 25% of its range; secondary trauma and burnout 3 of 4.
    const cells = await pulseRows.locator('td').evaluateAll((tds) => tds.slice(1).map((td) => td.textContent.trim()));
    assert.deepEqual(cells.map((c) => c.match(/(\d+)%/)?.[1]), ['75', '75', '25'], `pulse values ${cells}`);
    await assertNoAxe(page, '#/history with a pulse (light)');
    await setColorScheme(page, 'dark');
    await assertNoAxe(page, '#/history with a pulse (dark)');
    await setColorScheme(page, 'light');

    // Delete, then undo.
    await pulseEntries.getByRole('button').click();
    await waitUntil(page, () => !document.querySelector('[data-testid="entries"] li[data-kind="pulse"]'), null, 'the pulse left the list');
    const undo = page.getByTestId('undo');
    assert.equal(await undo.isVisible(), true);
    assert.match(await page.locator('#undo-message').textContent(), /^Deleted the pulse of /);
    await waitForFocus(page, '#undo-message', 'focus on the deleted message');
    assert.equal((await stored(page)).pulses.length, 0, 'deleted from storage');
    await assertNoAxe(page, '#/history after a delete (light)');
    await undo.click();
    await pulseEntries.waitFor();
    assert.equal(await pulseEntries.count(), 1, 'undo brings the pulse back');
    assert.equal(await pulseRows.count(), 1, 'and its chart row');
    assert.equal(await undo.isVisible(), false);
    await waitForFocus(page, '#entries-heading', 'focus on the list after undo');
    await page.reload({ waitUntil: 'load' });
    await waitForScreen(page);
    assert.equal(await pulseEntries.count(), 1, 'the restored pulse is kept after a reload');
  }));

test('on the pulse, a flagged safety answer keeps the help panel at the top after saving', () =>
  withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/pulse');
    const safety = itemsOf(pulse).find((i) => kindOf(i) === 'safety');
    for (const item of itemsOf(pulse)) {
      await page.locator(inputOf(item.id, scaleIndex(pulse, kindOf(item) === 'safety' ? 2 : 1))).check();
    }
    const panel = page.getByTestId('safety-panel');
    await panel.waitFor();
    await page.getByTestId('save-pulse').click();
    await page.locator('#pulse-saved').waitFor({ state: 'visible' });
    assert.equal(await panel.count(), 1, 'the panel stays, once');
    assert.equal((await panel.getByTestId('safety-body').textContent()).trim(), await ui('safety', 'body'));
    const first = await page.evaluate(() => {
      const p = document.querySelector('[data-testid="safety-panel"]');
      const lead = document.querySelector('main .lead');
      return Boolean(p.compareDocumentPosition(lead) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.equal(first, true, 'the panel is at the top, before the questions');
    // Answering again for a new pulse does not add a second panel.
    await page.locator(inputOf(safety.id, scaleIndex(pulse, 1))).check();
    assert.equal(await panel.count(), 1);
    await assertNoAxe(page, 'the saved pulse with the panel kept');
  }));

test('the safety item shows the help panel at once, keeps it atop results, and stays out of history', () =>
  withPage(browser, site, {}, async ({ page }) => {
    const safetyIndex = tend.sections.findIndex((s) => s.items.some((i) => kindOf(i) === 'safety'));
    const safety = tend.sections[safetyIndex].items.find((i) => kindOf(i) === 'safety');
    await startCheckIn(page);
    for (let index = 0; index < safetyIndex; index++) {
      await answerSection(page, tend.sections[index], plainPick(tend));
      await pressNext(page, tend, index);
    }
    const hash = `#/check-in/${safetyIndex + 1}`;
    const panel = page.getByTestId('safety-panel');
    assert.equal(await panel.count(), 0, 'no panel before an answer');

    // The region's contacts, as the Get help screen shows them.
    const helpPage = await page.context().newPage();
    await gotoScreen(helpPage, site, '#/help');
    const helpTel = await helpPage.$$eval('[data-testid="contacts"] a[href^="tel:"]', (as) => as.map((a) => a.getAttribute('href')));
    await helpPage.close();
    assert.ok(helpTel.length >= 1, 'the Get help screen has tel: links');

    for (const value of [1, 2, 3, 4, 'prefer-not']) {
      await page.locator(inputOf(safety.id, scaleIndex(tend, value))).check();
      await panel.waitFor({ state: 'visible', timeout: 2000 });
      assert.equal(new URL(page.url()).hash, hash, 'shown before Next');
      const tel = await panel.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(tel, helpTel, `answer ${value}: the panel's tel: links`);
      // Every region's lines, the person's first, and the emergency line.
      for (const number of ['tel:988', 'tel:116123', 'tel:131114']) assert.ok(tel.includes(number), `${value}: ${number}`);
      assert.equal(await panel.getByTestId('own-region').getAttribute('data-region'), 'us');
      assert.equal(
        (await panel.getByTestId('emergency-line').textContent()).trim(),
        await englishString('ui.toml', 'help', 'emergency'),
      );
      // Its own words: no one has been told, and "prefer not" is not read
      // back as thoughts of self-harm.
      const alert = await panel.locator('[role="alert"]').textContent();
      assert.ok(alert.includes(await ui('safety', 'not_told')), alert);
      const body = (await panel.getByTestId('safety-body').textContent()).trim();
      assert.equal(body, await ui('safety', value === 'prefer-not' ? 'body_prefer_not' : 'body'), `answer ${value}`);
      for (const href of tel) assert.match(href, /^tel:\+?[0-9]+$/);
      assert.equal(await panel.locator('a[href="#/help"]').count(), 1);
      await page.locator(inputOf(safety.id, scaleIndex(tend, 0))).check();
      await panel.waitFor({ state: 'detached', timeout: 2000 });
    }
    await page.locator(inputOf(safety.id, scaleIndex(tend, 1))).check();
    await panel.waitFor({ state: 'visible' });
    await assertNoAxe(page, 'the safety screen with its panel');
    const id = await pressNext(page, tend, safetyIndex);
    assert.ok(id);

    // On the results the panel comes first, before the heading.
    await panel.waitFor();
    const order = await page.evaluate(() => {
      const p = document.querySelector('[data-testid="safety-panel"]');
      const h1 = document.querySelector('main h1');
      return Boolean(p.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.equal(order, true, 'the panel is above the results heading');
    assert.ok((await panel.locator('a[href^="tel:"]').count()) >= 1);
    // Tend's own bands say, beside the scores, that they are not a clinical measure.
    assert.equal((await page.getByTestId('bands-note').textContent()).trim(), await ui('results', 'bands_note'));
    const scoreRows = await page.$$eval('[data-testid="all-scores"] tbody th', (ths) => ths.map((th) => th.textContent.trim()));
    const scoredNames = tend.subscales.map((s) => s.name);
    assert.deepEqual(scoreRows.filter((n) => !scoredNames.includes(n)), [], 'only subscales are scored');
    await assertNoAxe(page, 'results with the safety panel');

    // History never shows it; it says what Tend's bands are.
    await gotoScreen(page, site, '#/history');
    assert.equal(await page.getByTestId('bands-note').count(), 1);
    const columns = await page.$$eval('[data-testid="trend-chart-table"] thead th', (ths) => ths.map((th) => th.textContent.trim()));
    assert.deepEqual(columns.slice(2), headlineNames(tend), 'the trend table has the three headlines only');
    const panels = await page.$$eval('[data-testid="trend-panel"] > title', (ts) => ts.map((t) => t.textContent.trim()));
    assert.deepEqual(panels, headlineNames(tend), 'the trend chart has the three headlines only');
    const text = await page.locator('main').textContent();
    for (const word of [safety.text, tend.sections[safetyIndex].title, 'self-harm', 'safety']) {
      assert.equal(text.toLowerCase().includes(word.toLowerCase()), false, `History mentions ${JSON.stringify(word)}`);
    }
    assert.equal(await page.getByTestId('safety-panel').count(), 0);
    // Nor does Home, to whoever picks up the phone.
    await gotoScreen(page, site, '#/');
    const home = (await page.locator('main').textContent()).toLowerCase();
    const said = (await ui('safety', 'body')).toLowerCase();
    for (const word of [safety.text.toLowerCase(), 'self-harm', 'harming yourself', said.slice(0, 40)]) {
      assert.equal(home.includes(word), false, `Home mentions ${JSON.stringify(word)}`);
    }
    assert.equal(await page.getByTestId('safety-panel').count(), 0);
  }));

test('a questionnaire loaded from a file in Settings is offered, validated and scored', () =>
  withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/settings');
    const input = page.getByTestId('instrument-file');
    await input.setInputFiles(EXTERNAL_FIXTURE);
    const loaded = page.getByTestId('instrument-loaded');
    await loaded.waitFor();
    assert.equal((await loaded.textContent()).trim(), fill(await ui('instruments', 'loaded'), { title: external.title }));
    assert.equal(await page.locator('li.loaded-instrument').count(), 1);
    const before = await page.evaluate(() => localStorage.getItem('tend:data'));
    assert.equal(JSON.parse(before).data.instruments.length, 1);
    await assertNoAxe(page, 'Settings with a loaded questionnaire');

    // An invalid file says why and changes nothing.
    await input.setInputFiles(INVALID_FIXTURE);
    const error = page.getByTestId('instrument-error');
    await error.waitFor();
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.match(await error.textContent(), /Two items share the id "a3"/);
    assert.match(await error.textContent(), /nothing was changed/);
    assert.equal(await page.getByTestId('instrument-loaded').count(), 0);
    assert.equal(await page.locator('li.loaded-instrument').count(), 1);
    assert.equal(await page.evaluate(() => localStorage.getItem('tend:data')), before, 'the stored data changed');
    // So does a second copy of Tend's own id.
    await input.setInputFiles({
      name: 'tend-copy.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...external, id: 'tend' })),
    });
    await waitUntil(
      page,
      () => /already uses the id "tend"/.test(document.querySelector('[data-testid="instrument-error"]')?.textContent ?? ''),
      null,
      'an error naming the clash with Tend’s own id',
    );
    assert.equal(await page.evaluate(() => localStorage.getItem('tend:data')), before);

    // The check-in offers both; choose the loaded one.
    await gotoScreen(page, site, '#/check-in');
    const group = page.locator('fieldset', { hasText: await ui('checkin', 'choose_label') });
    const choices = await group.locator('label').evaluateAll((ls) => ls.map((l) => l.textContent.trim()));
    assert.deepEqual(choices, [tend.title, external.title]);
    assert.equal(await group.getByLabel(tend.title, { exact: true }).isChecked(), true, "Tend's own is chosen first");
    await group.getByLabel(external.title, { exact: true }).check();
    const attribution = fill(await ui('checkin', 'attribution'), { text: external.attribution });
    await waitUntil(page, (a) => document.querySelector('main p.attribution')?.textContent.trim() === a, attribution, 'the chosen one’s attribution');
    await assertNoAxe(page, '#/check-in with a choice of questionnaire');
    await page.getByTestId('start-checkin').click();
    await waitForStep(page, '#/check-in/1', external.sections[0].title);

    // carry 3, 4 → mean 3.5; load 2 + 2 + reversed 4 (= 0) → sum 4;
    // good 2, 3 → mean 2.5.
    const values = {
      'carry-images': 3,
      'carry-edge': 4,
      'load-drained': 2,
      'load-behind': 2,
      'load-on-top': 4,
      'good-proud': 2,
      'good-team': 3,
      harm: 0,
    };
    const pick = (item) => (kindOf(item) === 'choice' ? 0 : scaleIndex(external, values[item.id]));
    const id = await completeCheckIn(page, pick, external, { start: false });
    assert.ok(id);
    await assertResultsShown(page, external, [
      `3.5 · ${bandLabel(external, 'carry', 3.5)}`,
      `4 · ${bandLabel(external, 'load', 4)}`,
      `2.5 · ${bandLabel(external, 'good', 2.5)}`,
    ]);
    const shown = (await page.locator('main p.attribution').textContent()).trim();
    assert.equal(shown, fill(await ui('results', 'attribution'), { title: external.title, text: external.attribution }));
    assert.equal((await stored(page)).checkins[0].instrument_id, external.id);
    // Its bands are its own authors', not Tend's: no note about Tend's cut-offs.
    assert.equal(await page.getByTestId('bands-note').count(), 0);
    await assertNoAxe(page, 'results of the loaded questionnaire');

    // In use, it can no longer be removed.
    await gotoScreen(page, site, '#/settings');
    assert.match(await page.locator('li.loaded-instrument').textContent(), new RegExp(await ui('instruments', 'remove_in_use')));
  }));

test('"Add to calendar" on the results downloads an .ics file for the next check-in', () =>
  withPage(browser, site, { timezoneId: 'UTC', acceptDownloads: true }, async ({ page }) => {
    await completeCheckIn(page);
    const due = new Date(Date.now() + 14 * 86400000).toISOString().slice(0, 10);
    const next = page.getByTestId('next-checkin');
    assert.match(await next.textContent(), /due in 14 days/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('add-to-calendar').click()]);
    assert.equal(download.suggestedFilename(), `tend-check-in-${due}.ics`);
    const path = join(scratch, download.suggestedFilename());
    await download.saveAs(path);
    const text = await readFile(path, 'utf8');
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'), text.slice(0, 40));
    assert.ok(text.endsWith('END:VCALENDAR\r\n'), text.slice(-40));
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'a bare LF line ending');
    assert.equal(text.replace(/\r\n/g, '').includes('\r'), false, 'a bare CR line ending');
    const lines = text.split('\r\n');
    assert.ok(lines.includes(`DTSTART;VALUE=DATE:${due.replace(/-/g, '')}`), `no DTSTART for ${due}:\n${text}`);
    assert.ok(lines.includes('BEGIN:VEVENT') && lines.includes('END:VEVENT'));
    assert.ok(lines.includes(`SUMMARY:${await ui('next', 'calendar_summary')}`));
    for (const line of lines) assert.ok(Buffer.byteLength(line) <= 75, `line over 75 octets: ${line}`);
  }));

test('printing the results hides the navigation and keeps the scores table', () =>
  withPage(browser, site, {}, async ({ page }) => {
    await completeCheckIn(page);
    const display = (sel) => page.$eval(sel, (el) => getComputedStyle(el).display);
    for (const sel of ['.site-header', '.main-nav']) assert.notEqual(await display(sel), 'none', `${sel} hidden on screen`);
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['.site-header', '.main-nav', '.skip-link']) {
      assert.equal(await display(sel), 'none', `${sel} is printed`);
    }
    assert.equal(await page.getByTestId('add-to-calendar').isVisible(), false, 'buttons are printed');
    assert.equal(await page.getByTestId('headline-chart-table').isVisible(), true, 'the scores table is not printed');
    assert.equal(await page.getByTestId('headline-chart-svg').isVisible(), true, 'the chart is not printed');
    assert.equal(await page.getByTestId('reading').isVisible(), true, 'the reading is not printed');
    assert.equal(await page.locator('#diagnosis-heading').isVisible(), true, 'not-a-diagnosis is not printed');
  }));

test('a check-in address with no check-in in progress says so and offers to start', () =>
  withPage(browser, site, {}, async ({ page }) => {
    const heading = await gotoScreen(page, site, '#/check-in/3');
    assert.equal(heading, await ui('checkin', 'title'));
    assert.ok((await page.locator('main').textContent()).includes(await ui('checkin', 'no_draft')));
    assert.equal(await page.locator('main a[href="#/check-in"]').count(), 1);
    await gotoScreen(page, site, '#/results/c-no-such-id');
    assert.ok((await page.locator('main').textContent()).includes(await ui('results', 'not_found')));
  }));
