// The strategy guide, the guided practices, the plan and the journal end to
// end: a check-in leads to suggestions with reasons that go into the plan
// and stay there; the breathing pacer starts, pauses, stops and records the
// before and after ratings; reduced motion keeps the pacer still; a journal
// entry survives a reload, is exported and can be deleted; every new screen
// and every stage that only appears after interaction passes axe in light
// and dark; the rating, the step buttons and "Add to my plan" work by
// keyboard alone.
//
// Every string is read from locales/en/*.toml, the check-in from its
// compiled-in definition, and the burnout-first strategies from
// crates/tend-core/src/domain/recommend.rs, so rewording or re-ranking moves the test with it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT,
  axeScan,
  englishPlural,
  englishString,
  formatViolations,
  gotoScreen,
  launchBrowser,
  setColorScheme,
  startSite,
  tabTo,
  waitForScreen,
  withPage,
  storedData,
} from './harness.mjs';

let site;
let browser;
let scratch;
/** Tend's own check-in definition, as compiled in. */
let tend;
/** The strategy ids burnout-led readings get first, in order, and how many go in the first round. */
let burnoutFirst;
let burnoutFirstCount;
/** id → title of every strategy in locales/en/strategies.toml. */
let strategyTitles;

/** Every guided practice's address (crates/tend-core/src/domain/practice.rs Practice::id). */
const PRACTICES = [
  'paced-breathing',
  'shift-transition',
  'senses-grounding',
  'worry-window',
  'emotional-labour-check',
  'why-cards',
  'narrative-journal',
  'creative-journal',
];

before(async () => {
  tend = JSON.parse(await readFile(join(ROOT, 'crates/tend-core/src/builtin/tend.en.json'), 'utf8'));
  const recommend = await readFile(join(ROOT, 'crates/tend-core/src/domain/recommend.rs'), 'utf8');
  const list = recommend.match(/const BURNOUT_FIRST: &\[&str\] = &\[([^\]]*)\]/);
  assert.ok(list, 'crates/tend-core/src/domain/recommend.rs has no BURNOUT_FIRST list');
  burnoutFirst = [...list[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  const rule = recommend.match(/when: Trigger::BurnoutLed,\s*pick: Pick::Ids\(BURNOUT_FIRST\),\s*first: (\d+)/);
  assert.ok(rule, 'crates/tend-core/src/domain/recommend.rs has no BurnoutLed rule picking BURNOUT_FIRST');
  burnoutFirstCount = Number(rule[1]);
  const library = await readFile(join(ROOT, 'locales/en/strategies.toml'), 'utf8');
  strategyTitles = new Map(
    [...library.matchAll(/^id = "([^"]+)"\s*\ntitle = "((?:[^"\\]|\\.)*)"/gm)].map((m) => [m[1], JSON.parse(`"${m[2]}"`)]),
  );
  for (const id of burnoutFirst) assert.ok(strategyTitles.has(id), `strategies.toml has no ${id}`);
  site = await startSite();
  browser = await launchBrowser();
  scratch = await mkdtemp(join(tmpdir(), 'tend-e2e-plan-'));
});

after(async () => {
  await browser?.close();
  await site?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

// ------------------------------------------------------------------ helpers

const plan = (table, key) => englishString('ui-plan.toml', table, key);
const practice = (table, key) => englishString('ui-practice.toml', table, key);
const journal = (table, key) => englishString('ui-journal.toml', table, key);

/** Fills `{name}` placeholders as the app's `fill` does. */
function fill(template, values) {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** Waits until `fn(arg)` is true in `page`, failing with `what`. */
async function waitUntil(page, fn, arg, what, timeout = 5000) {
  try {
    await page.waitForFunction(fn, arg, { timeout });
  } catch {
    const focus = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160)).catch(() => '?');
    assert.fail(`never happened: ${what} (focus is on ${focus})`);
  }
}

/** The stored data, read back from its keys. */
const stored = (page) => storedData(page);

/** Reloads and waits for the screen to render again. */
async function reload(page) {
  await page.reload({ waitUntil: 'load' });
  await waitForScreen(page);
}

/** Asserts axe finds nothing in light and in dark, and leaves the page in light. */
async function assertNoAxe(page, where) {
  for (const colorScheme of ['light', 'dark']) {
    await setColorScheme(page, colorScheme);
    const violations = await axeScan(page);
    assert.deepEqual(violations, [], `${where} (${colorScheme}):\n${formatViolations(violations)}`);
  }
  await setColorScheme(page, 'light');
}

/** The text of `selector` with its whitespace collapsed. */
async function textOf(locator) {
  return (await locator.textContent()).replace(/\s+/g, ' ').trim();
}

/** A button in main by its exact visible text. */
function button(page, text) {
  return page.locator('main button').filter({ hasText: new RegExp(`^\\s*${escape(text)}\\s*$`) });
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The radio for `n` on the 0–10 distress rating. */
const distressRadio = (page, n) => page.locator('.distress .scale-point input[type="radio"]').nth(n);

/** Rates distress `n` (or skips with null) by clicking, then continues. */
async function rateDistress(page, n) {
  await page.locator('.distress').waitFor();
  if (n === null) {
    await button(page, await practice('practice', 'rate_skip')).click();
    return;
  }
  await distressRadio(page, n).check();
  await button(page, await practice('practice', 'rate_continue')).click();
}

/** The cue under the pacer. */
const cueText = (page) => page.locator('.pacer-cue').textContent().then((t) => t.trim());

/** The computed transform of the pacer circle. */
const circleTransform = (page) => page.$eval('.pacer-circle', (el) => getComputedStyle(el).transform);

/** Sets the pacer's inhale and exhale seconds and starts it. */
async function startPacer(page, { inhale = 2, exhale = 2 } = {}) {
  await page.locator('#breathing-in').selectOption(String(inhale));
  await page.locator('#breathing-out').selectOption(String(exhale));
  await button(page, await practice('practice_breathing', 'start')).click();
  await page.locator('.pacer-circle').waitFor();
}

// ------------------------------------------------------------- the check-in

const kindOf = (item) => item.kind ?? 'scale';
const inputOf = (itemId, index) => `#q-${itemId}-${index}`;

/** The index of a scale answer in a question's inputs. */
function scaleIndex(value) {
  const index = tend.scale.labels.findIndex((l) => l.value === value);
  assert.ok(index >= 0, `no scale point ${value}`);
  return index;
}

/** The headline (sts, burnout, sustaining) an item's subscale rolls up to, or its own subscale. */
function headlineOf(item) {
  let id = item.subscale;
  while (id) {
    const sub = tend.subscales.find((s) => s.id === id);
    if (!sub) return null;
    if (sub.headline) return sub.headline;
    if (!sub.parent) return sub.id;
    id = sub.parent;
  }
  return null;
}

/**
 * A burnout-led profile: every burnout item "Very often", every
 * secondary-trauma item "Never", what keeps the person going high, no
 * health signals, no recent incident, "Never" on safety.
 */
function burnoutLedPick(item) {
  switch (kindOf(item)) {
    case 'choice':
      if (item.multiple) return [0];
      return item.context === 'recent_incident' ? item.options.findIndex((o) => o.id === 'no') : 0;
    case 'safety':
      return scaleIndex(0);
    default: {
      const value = { burnout: 4, sts: 0, sustaining: 4 }[headlineOf(item)] ?? 0;
      return scaleIndex(value);
    }
  }
}

/** Completes Tend's check-in by clicking; returns when the results are shown. */
async function completeCheckIn(page, pick) {
  await gotoScreen(page, site, '#/check-in');
  await page.getByTestId('start-checkin').click();
  for (const [index, section] of tend.sections.entries()) {
    const hash = `#/check-in/${index + 1}`;
    await waitUntil(page, (h) => location.hash === h, hash, `the address ${hash}`, 10000);
    await waitUntil(
      page,
      (t) => (document.querySelector('main h1')?.textContent ?? '').trim() === t,
      section.title,
      `the heading of ${hash}`,
      10000,
    );
    for (const item of section.items) {
      const choice = pick(item);
      for (const i of Array.isArray(choice) ? choice : [choice]) await page.locator(inputOf(item.id, i)).check();
    }
    await page.getByTestId('next').click();
  }
  await waitUntil(page, () => /^#\/results\/[A-Za-z0-9-]+$/.test(location.hash), null, 'the results address', 10000);
  await waitForScreen(page);
}

/** The suggestions shown: strategy id, title and reason, in order. */
function suggestionsOf(page) {
  return page.$$eval('[data-testid="suggestions"] li.suggestion', (lis) =>
    lis.map((li) => {
      const a = li.querySelector('h3 a');
      return {
        id: (a?.getAttribute('href') ?? '').replace(/^#\/strategies\//, ''),
        title: a?.textContent.trim(),
        reason: li.querySelector('p.hint')?.textContent.trim(),
      };
    }),
  );
}

/** The suggestion card of strategy `id`. */
const suggestionCard = (page, id) =>
  page.locator('[data-testid="suggestions"] li.suggestion').filter({ has: page.locator(`h3 a[href="#/strategies/${id}"]`) });

/** The "done today" checkbox of the due item titled `title` on the Plan. */
const dueBox = (page, title) =>
  page.locator('.due-list label.due-item').filter({ hasText: title }).locator('input[type="checkbox"]');

// -------------------------------------------------------------------- tests

test('a burnout-led check-in suggests workload, boundaries and time off with a reason; two go in the plan, one is done, and both survive a reload', () =>
  withPage(browser, site, {}, async ({ page }) => {
    await completeCheckIn(page, burnoutLedPick);
    const suggestions = page.getByTestId('suggestions');
    await suggestions.waitFor();
    assert.equal(await textOf(suggestions.locator('h2')), await plan('plan', 'recommended_heading'));
    const shown = await suggestionsOf(page);
    assert.ok(shown.length >= burnoutFirstCount, `only ${shown.length} suggestions: ${JSON.stringify(shown)}`);
    const workload = await englishString('ui-strategies.toml', 'strategy_reason', 'workload');
    assert.deepEqual(
      shown.slice(0, burnoutFirstCount).map((s) => s.id),
      burnoutFirst.slice(0, burnoutFirstCount),
      `burnout-led readings get ${burnoutFirst.slice(0, burnoutFirstCount).join(', ')} first; shown: ${JSON.stringify(shown)}`,
    );
    for (const s of shown.slice(0, burnoutFirstCount)) {
      assert.equal(s.reason, workload, `the reason for ${s.id}`);
      assert.equal(s.title, strategyTitles.get(s.id), `the title of ${s.id}`);
    }
    assert.ok(shown.every((s) => s.reason && s.reason.length > 10), `every suggestion has a reason: ${JSON.stringify(shown)}`);
    await assertNoAxe(page, 'results with suggestions');

    // Add the first two.
    const [first, second] = shown;
    const addLabel = await plan('plan', 'recommended_add');
    for (const s of [first, second]) {
      const card = suggestionCard(page, s.id);
      await card.getByRole('button', { name: addLabel, exact: true }).click();
      await card.locator('.in-plan').waitFor();
      assert.match(await textOf(card.locator('.in-plan')), new RegExp(`^${escape(await plan('plan', 'added'))}`));
      assert.equal(await card.getByRole('button', { name: addLabel, exact: true }).count(), 0, `${s.id}: the button is gone`);
    }
    assert.equal(
      await suggestionCard(page, shown[2].id).getByRole('button', { name: addLabel, exact: true }).count(),
      1,
      'the third suggestion was not added',
    );
    assert.deepEqual(
      (await stored(page)).plan.map((e) => e.strategy).sort(),
      [first.id, second.id].sort(),
      'the plan holds exactly the two added',
    );
    await assertNoAxe(page, 'results after adding two suggestions');

    // The Plan: both listed and due today; tick one done.
    const heading = await gotoScreen(page, site, '#/plan');
    assert.equal(heading, await plan('plan', 'title'));
    const itemTitles = () => page.$$eval('.plan-list li.plan-item h3', (hs) => hs.map((h) => h.textContent.trim()).sort());
    assert.deepEqual(await itemTitles(), [first.title, second.title].sort());
    assert.equal(await dueBox(page, first.title).count(), 1, `${first.title} is due today`);
    assert.equal(await dueBox(page, second.title).count(), 1, `${second.title} is due today`);
    assert.equal(await dueBox(page, first.title).isChecked(), false);
    const logEmpty = await plan('plan', 'log_empty');
    const logSection = page.locator('section[aria-labelledby="plan-log-heading"]');
    assert.match(await textOf(logSection), new RegExp(escape(logEmpty)), 'the log starts empty');
    await dueBox(page, first.title).check();
    await waitUntil(
      page,
      () => JSON.parse(localStorage.getItem('tend:data') ?? '{}').data?.done?.length > 0,
      null,
      'the done mark is saved',
    );
    await logSection.locator('.plan-log').waitFor();
    await assertNoAxe(page, '#/plan with one done');

    await reload(page);
    assert.deepEqual(await itemTitles(), [first.title, second.title].sort(), 'both are still in the plan after a reload');
    assert.equal(await dueBox(page, first.title).isChecked(), true, 'the done one is still ticked');
    assert.equal(await dueBox(page, second.title).isChecked(), false, 'the other is not ticked');
    const log = await page.$$eval('.plan-log > li li', (lis) => lis.map((li) => li.textContent.trim()));
    assert.deepEqual(log, [first.title], `"${await plan('plan', 'log_heading')}" lists the done one`);
    assert.equal((await textOf(logSection)).includes(logEmpty), false);

    // Home says so too.
    await gotoScreen(page, site, '#/');
    assert.equal(
      await textOf(page.getByTestId('home-today').locator('p').first()),
      fill(await plan('home', 'today_due'), { done: 1, due: 2 }),
    );
  }));

test('paced breathing: rated before, the cue alternates, pause holds, stop asks again, and the record is kept', () =>
  withPage(browser, site, {}, async ({ page }) => {
    const name = await practice('practice_breathing', 'name');
    assert.equal(await gotoScreen(page, site, '#/practice/paced-breathing'), name);
    assert.equal(await textOf(page.locator('.distress legend')), await practice('practice', 'before_legend'));
    const cont = button(page, await practice('practice', 'rate_continue'));
    assert.equal(await cont.isDisabled(), true, 'Continue waits for a rating');
    await assertNoAxe(page, 'the before rating');
    await rateDistress(page, 7);

    // Set-up, then start with two seconds in and two out.
    await page.locator('#breathing-in').waitFor();
    await assertNoAxe(page, 'the pacer set-up');
    await startPacer(page, { inhale: 2, exhale: 2 });
    const cueIn = await practice('practice_breathing', 'cue_in');
    const cueOut = await practice('practice_breathing', 'cue_out');
    const paused = await practice('practice_breathing', 'cue_paused');
    assert.equal(await page.locator('.pacer-cue').getAttribute('aria-live'), 'polite');
    assert.equal(await cueText(page), cueIn, 'it starts breathing in');
    await assertNoAxe(page, 'the running pacer');
    await waitUntil(page, (t) => document.querySelector('.pacer-cue')?.textContent.trim() === t, cueOut, 'the cue turns to breathing out', 6000);
    await waitUntil(page, (t) => document.querySelector('.pacer-cue')?.textContent.trim() === t, cueIn, 'the cue turns back to breathing in', 6000);

    // Pause: the cue says so and stays, and the circle holds still.
    await button(page, await practice('practice_breathing', 'pause')).click();
    await waitUntil(page, (t) => document.querySelector('.pacer-cue')?.textContent.trim() === t, paused, 'the cue says paused');
    const heldAt = await circleTransform(page);
    const breathAt = await textOf(page.locator('.pacer-breath'));
    await page.waitForTimeout(2600);
    assert.equal(await cueText(page), paused, 'still paused after longer than a breath');
    assert.equal(await circleTransform(page), heldAt, 'the circle holds still while paused');
    assert.equal(await textOf(page.locator('.pacer-breath')), breathAt, 'the breath count holds while paused');
    await assertNoAxe(page, 'the paused pacer');

    // Carry on: it breathes again.
    await button(page, await practice('practice_breathing', 'resume')).click();
    await waitUntil(
      page,
      (ts) => ts.includes(document.querySelector('.pacer-cue')?.textContent.trim()),
      [cueIn, cueOut],
      'the cue breathes again',
    );
    const resumedCue = await cueText(page);
    await waitUntil(
      page,
      (t) => {
        const now = document.querySelector('.pacer-cue')?.textContent.trim();
        return now !== t && now !== undefined;
      },
      resumedCue,
      'the cue changes after carrying on',
      6000,
    );

    // Stop: the after rating.
    await button(page, await practice('practice_breathing', 'stop')).click();
    await waitUntil(
      page,
      (t) => document.querySelector('.distress legend')?.textContent.trim() === t,
      await practice('practice', 'after_legend'),
      'the after rating',
    );
    assert.equal(await page.locator('.pacer-circle').count(), 0, 'the pacer is gone');
    await assertNoAxe(page, 'the after rating');
    await rateDistress(page, 3);

    const saved = page.locator('.practice-saved');
    await saved.waitFor();
    assert.equal(await textOf(saved.locator('h2')), await practice('practice', 'saved_heading'));
    const change = fill(await practice('practice', 'saved_change'), { before: 7, after: 3 });
    assert.ok((await textOf(saved)).includes(change), `the saved message says "${change}": ${await textOf(saved)}`);
    await waitUntil(page, () => document.activeElement === document.querySelector('.practice-saved h2'), null, 'focus on the saved heading');
    await assertNoAxe(page, 'the saved message');

    const log = (await stored(page)).practice_log;
    assert.equal(log.length, 1);
    assert.deepEqual([log[0].practice, log[0].before, log[0].after], ['paced-breathing', 7, 3]);

    // After a reload the list counts it, and the record is still there.
    await gotoScreen(page, site, '#/practice');
    const card = page.locator('li.card').filter({ has: page.locator('a[href="#/practice/paced-breathing"]') });
    const times = await englishPlural('ui-practice.toml', 'practice', 'used', 1);
    assert.equal(await textOf(card.locator('p.hint')), times);
    await reload(page);
    assert.equal(await textOf(card.locator('p.hint')), times, 'the count survives a reload');
    const after = (await stored(page)).practice_log;
    assert.deepEqual(after, log, 'the practice record survives a reload');
    for (const other of PRACTICES.filter((p) => p !== 'paced-breathing')) {
      const c = page.locator('li.card').filter({ has: page.locator(`a[href="#/practice/${other}"]`) });
      assert.equal(await c.locator('p.hint').count(), 0, `${other} shows no count`);
    }
  }));

test('with reduced motion the pacer circle keeps still; without it, it scales', async () => {
  /** Samples the circle's computed transform `n` times, `gap` ms apart, while the pacer runs. */
  async function samples(page, n = 6, gap = 350) {
    const seen = [];
    for (let i = 0; i < n; i++) {
      seen.push(await circleTransform(page));
      await page.waitForTimeout(gap);
    }
    return seen;
  }
  async function runPacer(page) {
    await gotoScreen(page, site, '#/practice/paced-breathing');
    await rateDistress(page, null);
    await startPacer(page, { inhale: 2, exhale: 2 });
    await waitUntil(
      page,
      (t) => document.querySelector('.pacer-cue')?.textContent.trim() === t,
      await practice('practice_breathing', 'cue_in'),
      'the pacer runs',
    );
  }
  await withPage(browser, site, { reducedMotion: 'reduce' }, async ({ page }) => {
    await runPacer(page);
    const seen = await samples(page);
    assert.deepEqual(seen, seen.map(() => 'none'), `the circle is transformed with reduced motion: ${seen.join(' | ')}`);
    // The words still carry the pace.
    await waitUntil(
      page,
      (t) => document.querySelector('.pacer-cue')?.textContent.trim() === t,
      await practice('practice_breathing', 'cue_out'),
      'the cue still changes with reduced motion',
      6000,
    );
    const violations = await axeScan(page);
    assert.deepEqual(violations, [], `the running pacer with reduced motion (light):\n${formatViolations(violations)}`);
  });
  // The dark scheme from the start, in a context of its own: switching the
  // scheme under a pacer that redraws every tick made axe now and then read
  // one element's colour from before the switch.
  await withPage(browser, site, { reducedMotion: 'reduce', colorScheme: 'dark' }, async ({ page }) => {
    await runPacer(page);
    const violations = await axeScan(page);
    assert.deepEqual(violations, [], `the running pacer with reduced motion (dark):\n${formatViolations(violations)}`);
  });
  await withPage(browser, site, { reducedMotion: 'no-preference' }, async ({ page }) => {
    await runPacer(page);
    const seen = await samples(page);
    assert.ok(seen.every((t) => t.startsWith('matrix(')), `the circle is scaled: ${seen.join(' | ')}`);
    const scales = seen.map((t) => Number(t.slice('matrix('.length).split(',')[0]));
    assert.ok(new Set(scales).size >= 3, `the circle's scale changes over time: ${scales.join(', ')}`);
    assert.ok(Math.min(...scales) >= 0.34 && Math.max(...scales) <= 1.001, `scales within 0.35..1: ${scales.join(', ')}`);
  });
});

test('a journal entry survives a reload, can be changed, is in the export file, and is deleted after a confirmation', () =>
  withPage(browser, site, {}, async ({ page }) => {
    assert.equal(await gotoScreen(page, site, '#/journal'), await journal('journal', 'title'));
    assert.match(await textOf(page.locator('main')), new RegExp(escape(await journal('journal', 'empty'))));
    await assertNoAxe(page, '#/journal empty');

    // An empty entry is refused with a message.
    await button(page, await journal('journal', 'save')).click();
    const error = page.locator('#journal-new-error');
    await error.waitFor();
    assert.equal(await textOf(error), await journal('journal', 'empty_error'));
    assert.equal(await page.locator('#journal-new').getAttribute('aria-describedby'), 'journal-new-error');
    await assertNoAxe(page, '#/journal with the empty-entry error');

    const first = `A long shift. The call at four stayed with me. ${Date.now()}`;
    await page.getByLabel(await journal('journal', 'new_label'), { exact: true }).fill(first);
    await button(page, await journal('journal', 'save')).click();
    const entries = page.locator('main article.record');
    await entries.first().waitFor();
    assert.equal(await entries.count(), 1);
    assert.equal(await textOf(entries.locator('.record-text')), first);
    assert.equal(await page.locator('#journal-new').inputValue(), '', 'the box is cleared');
    assert.equal(await error.count(), 0, 'the error is gone');

    await reload(page);
    assert.equal(await entries.count(), 1, 'the entry survives a reload');
    assert.equal(await textOf(entries.locator('.record-text')), first);

    // Edit it.
    const edited = `${first} Later: talked it through with a colleague.`;
    await entries.first().getByRole('button', { name: await journal('journal', 'edit'), exact: true }).click();
    const box = entries.first().getByLabel(await journal('journal', 'edit_label'), { exact: true });
    await box.waitFor({ state: 'visible' });
    await waitUntil(page, () => document.activeElement?.matches('article.record textarea'), null, 'focus in the edit box');
    assert.equal(await box.inputValue(), first);
    await assertNoAxe(page, '#/journal with an entry being edited');
    await box.fill(edited);
    await entries.first().getByRole('button', { name: await journal('journal', 'save_edit'), exact: true }).click();
    await waitUntil(page, (t) => document.querySelector('article.record .record-text')?.textContent.trim() === t, edited, 'the changed text');
    assert.equal(await entries.first().locator('.record-text').isVisible(), true);
    await reload(page);
    assert.equal(await entries.count(), 1, 'still one entry after editing');
    assert.equal(await textOf(entries.locator('.record-text')), edited, 'the change survives a reload');

    // The export file holds it under `journal`.
    await gotoScreen(page, site, '#/settings');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    const path = join(scratch, `${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(path);
    const envelope = JSON.parse(await readFile(path, 'utf8'));
    assert.ok(Array.isArray(envelope.data.journal), `no journal in the export: ${Object.keys(envelope.data)}`);
    assert.deepEqual(
      envelope.data.journal.map((e) => e.text),
      [edited],
      'the export holds the changed entry',
    );

    // The entry appears nowhere else.
    for (const hash of ['#/', '#/plan', '#/practice', '#/history']) {
      await gotoScreen(page, site, hash);
      assert.equal((await page.locator('main').textContent()).includes('The call at four'), false, `${hash} shows the journal entry`);
    }

    // Delete: asks first; "No" keeps it; "Yes" removes it for good.
    await gotoScreen(page, site, '#/journal');
    const entry = entries.first();
    const deleteButton = entry.getByRole('button', { name: await journal('journal', 'delete'), exact: true });
    await deleteButton.click();
    const confirm = entry.locator('.confirm');
    await confirm.waitFor({ state: 'visible' });
    assert.equal(await textOf(confirm.locator('p')), await journal('journal', 'delete_confirm'));
    await waitUntil(page, () => document.activeElement?.matches('article.record .confirm .danger'), null, 'focus on "Yes, delete it"');
    await assertNoAxe(page, '#/journal with the delete confirmation');
    await confirm.getByRole('button', { name: await journal('journal', 'delete_no'), exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    assert.equal(await entries.count(), 1, '"No, keep it" keeps it');
    await deleteButton.click();
    await confirm.getByRole('button', { name: await journal('journal', 'delete_yes'), exact: true }).click();
    await waitUntil(page, () => document.querySelectorAll('main article.record').length === 0, null, 'the entry leaves the list');
    await reload(page);
    assert.equal(await entries.count(), 0, 'the entry is gone after a reload');
    assert.match(await textOf(page.locator('main')), new RegExp(escape(await journal('journal', 'empty'))));
    const data = await stored(page);
    assert.equal((data.journal ?? []).length, 0, 'deleted from storage');
    assert.equal(JSON.stringify(data).includes('The call at four'), false, 'no trace of the text is stored');
  }));

test('axe finds nothing on the strategy, practice and plan screens, nor on the stages that appear after interaction', () =>
  withPage(browser, site, {}, async ({ page }) => {
    for (const hash of ['#/strategies', `#/strategies/${burnoutFirst[0]}`, '#/strategies/shift-transition', '#/practice', '#/plan', '#/journal']) {
      await gotoScreen(page, site, hash);
      await assertNoAxe(page, hash);
    }
    for (const id of PRACTICES) {
      await gotoScreen(page, site, `#/practice/${id}`);
      await assertNoAxe(page, `#/practice/${id}, the before rating`);
    }

    // A step-by-step practice mid-way.
    await gotoScreen(page, site, '#/practice/senses-grounding');
    await rateDistress(page, 5);
    await page.locator('.steps').waitFor();
    const next = button(page, await practice('practice', 'step_next'));
    await next.click();
    await next.click();
    assert.equal(await textOf(page.locator('.step-progress')), fill(await practice('practice', 'step_progress'), { n: 3, total: 7 }));
    assert.equal(await textOf(page.locator('.step-text')), await practice('practice_grounding', 'step3'));
    await assertNoAxe(page, 'senses-grounding at step 3');

    // Why-cards: a card in edit mode.
    await gotoScreen(page, site, '#/practice/why-cards');
    await rateDistress(page, null);
    const cardText = 'The family who came back to say thank you.';
    await page.getByLabel(await practice('practice_why', 'new_label'), { exact: true }).fill(cardText);
    await button(page, await practice('practice_why', 'save')).click();
    const card = page.locator('main article.record').first();
    await card.waitFor();
    assert.equal(await textOf(card.locator('h3')), fill(await practice('practice_why', 'card_label'), { n: 1 }));
    await assertNoAxe(page, 'why-cards with one card');
    await card.getByRole('button', { name: await practice('practice_why', 'edit'), exact: true }).click();
    await card.getByLabel(await practice('practice_why', 'edit_label'), { exact: true }).waitFor({ state: 'visible' });
    await assertNoAxe(page, 'why-cards with a card in edit mode');
    await card.getByRole('button', { name: await practice('practice_why', 'cancel'), exact: true }).click();
    await card.getByRole('button', { name: await practice('practice_why', 'delete'), exact: true }).click();
    await card.locator('.confirm').waitFor({ state: 'visible' });
    await assertNoAxe(page, 'why-cards with the delete confirmation');

    // A journal prompt practice, saved.
    await gotoScreen(page, site, '#/practice/narrative-journal');
    await rateDistress(page, 4);
    await page.getByLabel(await practice('practice_journal', 'text_label'), { exact: true }).fill('It ended with a handover.');
    await button(page, await practice('practice_journal', 'save')).click();
    await page.locator('main [role="status"]', { hasText: await practice('practice_journal', 'saved') }).waitFor();
    await assertNoAxe(page, 'narrative-journal after saving');

    // A strategy added from its own screen, then the plan with it being changed and removed.
    await gotoScreen(page, site, '#/strategies/shift-transition');
    await page.locator('form.add-to-plan').getByRole('button', { name: await plan('plan', 'add'), exact: true }).click();
    await page.locator('.plan-added').waitFor();
    await assertNoAxe(page, 'a strategy just added to the plan');
    await gotoScreen(page, site, '#/plan');
    const item = page.locator('li.plan-item').first();
    await item.getByRole('button', { name: await plan('plan', 'edit'), exact: true }).click();
    await item.locator('form').waitFor({ state: 'visible' });
    await item.getByLabel(await plan('plan_when', 'days_choice'), { exact: true }).check();
    await assertNoAxe(page, '#/plan with an item being changed');
    // Chosen days with none ticked is refused with a message.
    await item.getByRole('button', { name: await plan('plan', 'save'), exact: true }).click();
    await item.locator('.error-text').waitFor();
    assert.equal(await textOf(item.locator('.error-text')), await plan('plan', 'days_error'));
    await assertNoAxe(page, '#/plan with the days error');
    await item.getByRole('button', { name: await plan('plan', 'cancel'), exact: true }).click();
    await item.getByRole('button', { name: await plan('plan', 'remove'), exact: true }).click();
    await item.locator('.confirm').waitFor({ state: 'visible' });
    await assertNoAxe(page, '#/plan with the remove confirmation');
  }));

test('the distress rating, Next and Done of a step practice, and "Add to my plan" work by keyboard alone', () =>
  withPage(browser, site, {}, async ({ page }) => {

    // The rating: Tab into the group, Space picks 0, each arrow moves one.
    await gotoScreen(page, site, '#/practice/emotional-labour-check');
    await tabTo(page, '.distress .scale-point input[type="radio"]');
    await page.keyboard.press('Space');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    assert.equal(await distressRadio(page, 6).isChecked(), true, 'Space and six arrows choose 6');
    const cont = await practice('practice', 'rate_continue');
    await tabTo(page, `main .actions button:text-is("${cont}")`);
    await page.keyboard.press('Enter');

    // The steps: Next by Enter moves on and puts focus on the step; Done ends.
    const total = 5;
    const nextLabel = await practice('practice', 'step_next');
    const doneLabel = await practice('practice', 'step_done');
    for (let n = 1; n <= total; n++) {
      await waitUntil(
        page,
        (want) => document.querySelector('.step-progress')?.textContent.trim() === want,
        fill(await practice('practice', 'step_progress'), { n, total }),
        `step ${n}`,
      );
      assert.equal(await textOf(page.locator('.step-text')), await practice('practice_labour', `step${n}`));
      await waitUntil(page, () => document.activeElement?.matches('.practice-lead'), null, `focus on step ${n}'s text`);
      const label = n < total ? nextLabel : doneLabel;
      await tabTo(page, `.steps .actions button:not(.secondary)`);
      assert.equal(await textOf(page.locator('.steps .actions button:not(.secondary)')), label);
      await page.keyboard.press('Enter');
    }
    await waitUntil(
      page,
      (t) => document.querySelector('.distress legend')?.textContent.trim() === t,
      await practice('practice', 'after_legend'),
      'the after rating after Done',
    );
    await waitUntil(page, () => document.activeElement?.matches('.distress legend'), null, 'focus on the after rating');
    await tabTo(page, '.distress .scale-point input[type="radio"]');
    await page.keyboard.press('Space');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    await tabTo(page, `main .actions button:text-is("${cont}")`);
    await page.keyboard.press('Enter');
    await page.locator('.practice-saved').waitFor();
    assert.ok((await textOf(page.locator('.practice-saved'))).includes(fill(await practice('practice', 'saved_change'), { before: 6, after: 2 })));
    // Focus moves once the browser has drawn the message (a zero-delay timer).
    await waitUntil(page, () => document.activeElement?.matches('.practice-saved h2'), null, 'focus on the saved heading');

    // "Add to my plan" on a strategy's screen: Tab to it, Enter.
    await gotoScreen(page, site, `#/strategies/${burnoutFirst[1]}`);
    const add = await plan('plan', 'add');
    await tabTo(page, `form.add-to-plan button:text-is("${add}")`);
    await page.keyboard.press('Enter');
    await page.locator('.plan-added').waitFor();
    await waitUntil(page, () => document.activeElement?.matches('.plan-added'), null, 'focus on "This is in your plan."');
    assert.deepEqual((await stored(page)).plan.map((e) => e.strategy), [burnoutFirst[1]]);

    // "Add to my plan" on a suggestion: Tab to it, Enter.
    await completeCheckIn(page, burnoutLedPick);
    const target = (await suggestionsOf(page)).find((s) => s.id !== burnoutFirst[1]);
    await addSuggestionByKeyboard(page, target.id);
    assert.deepEqual((await stored(page)).plan.map((e) => e.strategy).sort(), [burnoutFirst[1], target.id].sort());
  }));

/** Tabs from the heading to a suggestion's "Add to my plan" and presses Enter; waits for it to be added. */
async function addSuggestionByKeyboard(page, id) {
  const recommendedAdd = await plan('plan', 'recommended_add');
  await page.locator('main h1').focus();
  await tabTo(page, `[data-testid="suggestions"] li.suggestion:has(h3 a[href="#/strategies/${id}"]) button:text-is("${recommendedAdd}")`, {
    maxPresses: 200,
  });
  await page.keyboard.press('Enter');
  await suggestionCard(page, id).locator('.in-plan').waitFor();
}

// Adding a suggestion removes its button, so focus must move somewhere
// meaningful (its "This is in your plan." message), never fall to <body>.
test('after adding a suggestion by keyboard, focus stays with that suggestion', () =>
  withPage(browser, site, {}, async ({ page }) => {
    await completeCheckIn(page, burnoutLedPick);
    const [first] = await suggestionsOf(page);
    await addSuggestionByKeyboard(page, first.id);
    // Focus moves once the browser has drawn the change (a zero-delay timer
    // after the render), so allow it that moment rather than racing it.
    const inCard = await page
      .waitForFunction(
        (href) => Boolean(document.activeElement?.closest(`li.suggestion:has(h3 a[href="${href}"])`)),
        `#/strategies/${first.id}`,
        { timeout: 2000 },
      )
      .then(() => true, () => false);
    const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? 'none');
    assert.equal(inCard, true, `focus left the suggestion just added (it is on ${at})`);
  }));

// Showing or hiding a form in place must not drop keyboard focus on <body>:
// the Plan's "Change" and its form's "Cancel" (src/ui/pages/plan.rs
// PlanEntry), and "Save changes" and "Cancel" of an entry being edited
// (src/ui/components/text_records.rs). A keyboard user stays within the
// item they are working on.
test('changing a plan item, ticking it done or changing a journal entry by keyboard keeps focus within it', () =>
  withPage(browser, site, {}, async ({ page }) => {
    const focusWithin = (selector) => page.evaluate((sel) => Boolean(document.activeElement?.closest(sel)), selector);
    const focusAt = () => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 100) ?? 'none');
    const problems = [];
    const expectWithin = async (selector, what) => {
      await page.waitForTimeout(300);
      if (!(await focusWithin(selector))) problems.push(`${what}: focus is on ${await focusAt()}`);
    };

    await gotoScreen(page, site, '#/strategies/shift-transition');
    await page.locator('form.add-to-plan').getByRole('button', { name: await plan('plan', 'add'), exact: true }).click();
    await page.locator('.plan-added').waitFor();
    await gotoScreen(page, site, '#/plan');
    const item = page.locator('li.plan-item').first();
    await item.getByRole('button', { name: await plan('plan', 'edit'), exact: true }).focus();
    await page.keyboard.press('Enter');
    await item.locator('form').waitFor({ state: 'visible' });
    await expectWithin('li.plan-item form', 'Plan: after "Change"');
    await item.getByRole('button', { name: await plan('plan', 'cancel'), exact: true }).focus();
    await page.keyboard.press('Enter');
    await item.locator('form').waitFor({ state: 'hidden' });
    await expectWithin('li.plan-item', 'Plan: after "Cancel"');
    // Ticking "done today" redraws that box alone: focus stays on it.
    const box = page.locator('.due-list label.due-item input[type="checkbox"]').first();
    await box.focus();
    await page.keyboard.press('Space');
    await waitUntil(
      page,
      () => JSON.parse(localStorage.getItem('tend:data') ?? '{}').data?.done?.length > 0,
      null,
      'the done mark is saved',
    );
    await expectWithin('.due-list label.due-item', 'Plan: after ticking "done today"');
    assert.equal(await box.isChecked(), true, 'the box is ticked');

    await gotoScreen(page, site, '#/journal');
    await page.getByLabel(await journal('journal', 'new_label'), { exact: true }).fill('An entry to change.');
    await button(page, await journal('journal', 'save')).click();
    const entry = page.locator('main article.record').first();
    await entry.waitFor();
    for (const key of ['save_edit', 'cancel']) {
      await entry.getByRole('button', { name: await journal('journal', 'edit'), exact: true }).focus();
      await page.keyboard.press('Enter');
      const box = entry.getByLabel(await journal('journal', 'edit_label'), { exact: true });
      await box.waitFor({ state: 'visible' });
      await waitUntil(page, () => document.activeElement?.matches('article.record textarea'), null, 'focus in the edit box');
      await page.keyboard.type(' More.');
      await entry.getByRole('button', { name: await journal('journal', key), exact: true }).focus();
      await page.keyboard.press('Enter');
      await box.waitFor({ state: 'hidden' });
      await expectWithin('main article.record', `Journal: after "${await journal('journal', key)}"`);
    }
    assert.deepEqual(problems, [], `focus was lost:\n  ${problems.join('\n  ')}`);
  }));
