// The organisation self-check end to end: completed by keyboard alone and
// scored area by area with the weakest two first and their actions linked
// to the leaders' guide; a second self-check compared with it (chart and
// table); removing one with undo; the one-page print view; the CSV of
// area scores; a code exported in one browser and imported in another,
// shown side by side and marked as shared; plain words for a code that is
// not one or was cut short; the Spanish statements; axe in both themes.
//
// Statements, areas, bands and actions are read from the instrument files
// (crates/tend-core/src/builtin/org/), strings from
// locales/<code>/ui-self-check.toml, so a reworded text moves the test.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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
  localeString,
  setColorScheme,
  startSite,
  storedData,
  tabTo,
  withPage,
  waitUntil,
  fill,
} from './harness.mjs';

let site;
let browser;
let scratch;
/** Tend's own self-check, in English and Spanish. */
let org;
let orgEs;

before(async () => {
  org = JSON.parse(await readFile(join(ROOT, 'crates/tend-core/src/builtin/org/org.en.json'), 'utf8'));
  orgEs = JSON.parse(await readFile(join(ROOT, 'crates/tend-core/src/builtin/org/org.es.json'), 'utf8'));
  site = await startSite();
  browser = await launchBrowser();
  scratch = await mkdtemp(join(tmpdir(), 'tend-e2e-self-check-'));
});

after(async () => {
  await browser?.close();
  await site?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

// ------------------------------------------------------------------ helpers

/** A string from locales/en/ui-self-check.toml. */
const ui = (table, key) => englishString('ui-self-check.toml', table, key);


const DK = 'dont_know';

/**
 * The first self-check's answers, area by area in the file's order (null:
 * left unanswered). Resilience and policies come out weakest; routine has
 * too few real answers for a score.
 */
const FIRST = {
  resilience: [0, 0, 1, DK, DK], // 0.3, just starting, 2 "don't know"
  safety: [4, 4, 3, 3, 4], // 3.6, well in place
  policies: [1, 1, 2, 1, 0], // 1.0, just starting
  leadership: [2, 3, 2, 3, 2], // 2.4, partly in place
  routine: [DK, DK, DK, 4, null], // 1 of 5 answered: not enough
  evaluation: [3, 3, 3, 3, 3], // 3.0, well in place
};

/** The second self-check: every statement "Partly". */
const SECOND = {
  resilience: [2, 2, 2, 2, 2],
  safety: [2, 2, 2, 2, 2],
  policies: [2, 2, 2, 2, 2],
  leadership: [2, 2, 2, 2, 2],
  routine: [2, 2, 2, 2, 2],
  evaluation: [2, 2, 2, 2, 2],
};

/** Each area's expected score (one decimal) and band id, or null for "not enough answered". */
function expected(answers) {
  const out = {};
  for (const sub of org.subscales) {
    const values = answers[sub.id].filter((a) => typeof a === 'number');
    if (values.length < sub.min_answered * answers[sub.id].length) {
      out[sub.id] = null;
      continue;
    }
    const score = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
    const band = sub.bands.find((b) => score >= b.min && score <= b.max);
    out[sub.id] = { score, band: band.id, label: band.label };
  }
  return out;
}

/** The index of an answer among a statement's radios (the scale's points, then "don't know"). */
const answerIndex = (answer) => (answer === DK ? org.scale.labels.length : org.scale.labels.findIndex((l) => l.value === answer));


async function assertNoAxe(page, where) {
  for (const scheme of ['light', 'dark']) {
    await setColorScheme(page, scheme);
    const violations = await axeScan(page);
    assert.equal(violations.length, 0, `${where} (${scheme}):\n${formatViolations(violations)}`);
  }
  await setColorScheme(page, 'light');
}

/**
 * Completes the self-check with the keyboard alone: Tab to the team field
 * and type, then for each statement Tab into its group, Space to choose
 * the first answer and the right arrow to the wanted one (Tab past a
 * statement left unanswered), then Tab to Save and press Enter. Returns
 * the new self-check's id.
 */
async function takeByKeyboard(page, team, answers) {
  await gotoScreen(page, site, '#/leaders/self-check/new');
  await tabTo(page, '#sc-team');
  await page.keyboard.type(team);
  for (const section of org.sections) {
    section.items.forEach((item, i) => assert.ok(i in answers[section.id], item.id));
    for (const [i, item] of section.items.entries()) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.id);
      assert.equal(focused, `sc-${item.id}-0`, `Tab reaches the first answer of ${item.id}`);
      const answer = answers[section.id][i];
      if (answer === null) continue;
      // The focused answer is drawn with a visible outline.
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none', `focus on ${item.id} is visible`);
      await page.keyboard.press('Space');
      for (let step = 0; step < answerIndex(answer); step++) await page.keyboard.press('ArrowRight');
      assert.ok(await page.locator(`#sc-${item.id}-${answerIndex(answer)}`).isChecked(), item.id);
    }
  }
  await tabTo(page, '[data-testid="sc-save"]');
  await page.keyboard.press('Enter');
  await waitUntil(page, () => /^#\/leaders\/self-check\/sc-/.test(location.hash), null, 'the results opened');
  await page.getByTestId('area-table').waitFor();
  return page.evaluate(() => location.hash.slice('#/leaders/self-check/'.length));
}

/** Completes the self-check by clicking (for the checks this test does not test the keyboard on). */
async function takeByClicking(page, team, answers) {
  await gotoScreen(page, site, '#/leaders/self-check/new');
  if (team) await page.getByTestId('sc-team').fill(team);
  for (const section of org.sections) {
    for (const [i, item] of section.items.entries()) {
      const answer = answers[section.id][i];
      if (answer !== null) await page.locator(`#sc-${item.id}-${answerIndex(answer)}`).check();
    }
  }
  await page.getByTestId('sc-save').click();
  await waitUntil(page, () => /^#\/leaders\/self-check\/sc-/.test(location.hash), null, 'the results opened');
  await page.getByTestId('area-table').waitFor();
  return page.evaluate(() => location.hash.slice('#/leaders/self-check/'.length));
}

/** The area table as { area: [score and band, don't know] }. */
async function areaTable(page) {
  return page.getByTestId('area-row').evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((r) => [
        r.dataset.area,
        [r.querySelector('[data-testid="area-score"]').textContent.trim(), r.querySelector('[data-testid="area-dont-know"]').textContent.trim()],
      ]),
    ),
  );
}

/** The words the app writes for an area's score and band. */
async function scoreText(area) {
  if (!area) return ui('self_check.result', 'not_enough');
  // Written the language's way, as the app's Intl.NumberFormat does (`1`, `2.4`).
  const score = area.score.toLocaleString('en', { maximumFractionDigits: 1 });
  return fill(await ui('self_check.result', 'score_band'), { score, band: area.label });
}

// -------------------------------------------------------------------- tests

test('a self-check taken by keyboard alone is scored area by area, weakest first with linked actions, compared, printed and exported', () =>
  withPage(browser, site, {}, async ({ page }) => {
    // The leaders' guide lists the tool.
    await gotoScreen(page, site, '#/leaders');
    const toolLink = page.locator(`[data-testid="leader-tools"] a[href="#/leaders/self-check"]`);
    assert.equal((await toolLink.textContent()).trim(), await ui('self_check', 'title'));
    await toolLink.click();
    await page.getByTestId('start-self-check').waitFor();
    assert.equal((await page.locator('main h1').textContent()).trim(), await ui('self_check', 'title'));
    assert.equal((await page.getByTestId('sc-compare-need-two').textContent()).trim(), await ui('self_check.compare', 'need_two'));

    await gotoScreen(page, site, '#/leaders/self-check/new');
    await assertNoAxe(page, 'the self-check form');
    // Every statement offers the five levels and "don't know", each at least 44 px tall.
    const first = org.sections[0].items[0];
    const labels = await page.locator(`[data-item="${first.id}"] label`).evaluateAll((ls) =>
      ls.map((l) => [l.textContent.trim(), l.getBoundingClientRect().height]),
    );
    assert.deepEqual(
      labels.map(([text]) => text),
      [...org.scale.labels.map((l) => l.label), org.scale.dont_know],
    );
    for (const [text, height] of labels) assert.ok(height >= 44, `${text}: ${height}px`);
    assert.equal(await page.getByTestId('statement').count(), 30);

    const firstId = await takeByKeyboard(page, 'Night shift', FIRST);
    const want = expected(FIRST);
    assert.equal(
      (await page.locator('main h1').textContent()).trim(),
      fill(await ui('self_check.result', 'heading'), {
        label: fill(await ui('self_check', 'dated_team'), {
          date: await page.evaluate(() => new Date().toLocaleDateString('en-US', { day: 'numeric', month: 'long', year: 'numeric' })),
          team: 'Night shift',
        }),
      }),
    );
    const table = await areaTable(page);
    for (const sub of org.subscales) {
      const dontKnow = FIRST[sub.id].filter((a) => a === DK).length;
      assert.deepEqual(table[sub.id], [await scoreText(want[sub.id]), String(dontKnow)], sub.id);
    }

    // The two weakest areas first, each with its actions, each linked to its guide page.
    const focus = page.getByTestId('focus-area');
    assert.deepEqual(await focus.evaluateAll((fs) => fs.map((f) => f.dataset.area)), ['resilience', 'policies']);
    for (const area of ['resilience', 'policies']) {
      const sub = org.subscales.find((s) => s.id === area);
      const section = page.locator(`[data-testid="focus-area"][data-area="${area}"]`);
      const actions = await section.getByTestId('action').evaluateAll((as) =>
        as.map((a) => ({ text: a.querySelector('p').textContent.trim(), href: a.querySelector('a')?.getAttribute('href'), lead: a.querySelector('a')?.dataset.lead })),
      );
      assert.deepEqual(actions.map((a) => a.text), sub.actions.map((a) => a.text));
      for (const a of actions) {
        assert.match(a.href, /^#\/leaders\/(teach|time-off|supervision|resources)$/, a.text);
        assert.match(a.lead, /^LEAD-[123]$/);
      }
    }
    await assertNoAxe(page, 'the results');

    // The guide page an action links to opens.
    const link = page.locator('[data-testid="focus-area"] a').first();
    const href = await link.getAttribute('href');
    await link.click();
    await waitUntil(page, (h) => location.hash === h, href, `the guide page ${href} opened`);
    await page.goBack();
    await page.getByTestId('area-table').waitFor();

    // The print view: one page, the table and the actions, no chart, buttons or sharing.
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.getByTestId('area-table').isVisible());
    assert.equal(await page.getByTestId('focus-area').filter({ visible: true }).count(), 2);
    for (const hidden of ['headline-chart', 'sc-print', 'sc-show-code', 'help-now']) {
      assert.ok(!(await page.getByTestId(hidden).first().isVisible()), `${hidden} is hidden in print`);
    }
    // Back to the page's own media: the PDF is then laid out with the print styles.
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/)?.[1];
    assert.equal(pages, '1', 'the summary prints on one A4 page');

    // A second self-check, then both compared.
    const secondId = await takeByClicking(page, 'Day shift', SECOND);
    assert.notEqual(secondId, firstId);
    await gotoScreen(page, site, '#/leaders/self-check');
    assert.equal(await page.getByTestId('sc-entry').count(), 2);
    const columns = page.getByTestId('compare-column');
    assert.equal(await columns.count(), 2);
    assert.match(await columns.nth(0).textContent(), /Night shift/);
    assert.match(await columns.nth(1).textContent(), /Day shift/);
    const secondWant = expected(SECOND);
    for (const sub of org.subscales) {
      const cells = await page.locator(`[data-testid="compare-row"][data-area="${sub.id}"] [data-testid="compare-cell"]`).allTextContents();
      assert.deepEqual(cells.map((c) => c.trim()), [await scoreText(want[sub.id]), await scoreText(secondWant[sub.id])], sub.id);
    }
    // The chart: one row per area and self-check, "not enough" written out
    // where an area has no score, with its own table.
    const chart = page.locator('[data-testid="sc-compare"] [data-testid="headline-chart"]');
    assert.equal(await chart.getByTestId('headline-row').count(), 12);
    assert.equal(await chart.getByTestId('headline-missing').count(), 1);
    assert.equal(await chart.getByTestId('headline-bar').count(), 11);
    assert.ok((await chart.locator('svg desc').textContent()).includes(await ui('self_check.compare', 'chart_desc')));
    await assertNoAxe(page, 'the comparison');

    // Unticking one leaves too few to compare.
    await page.getByTestId('sc-compare-pick').first().uncheck();
    assert.equal(await page.getByTestId('compare-table').count(), 0);
    await page.getByTestId('sc-compare-pick').first().check();
    assert.equal(await page.getByTestId('compare-table').count(), 1);

    // The CSV holds area scores only: no team names, no answers.
    const csv = await downloadFile(page, 'sc-csv-all', scratch);
    const lines = csv.text.trimEnd().split('\r\n');
    assert.equal(lines[0], 'date,self_check,area,score,band,dont_know,answered,statements');
    assert.equal(lines.length, 1 + 12);
    assert.ok(!/Night|Day shift/.test(csv.text), csv.text);
    const row = (id, area) => lines.find((l) => l.split(',')[1] === id && l.split(',')[2] === area)?.split(',');
    assert.deepEqual(row(firstId, 'resilience').slice(3), ['0.3', 'just-starting', '2', '3', '5']);
    assert.deepEqual(row(firstId, 'routine').slice(3), ['', 'not-enough-answered', '3', '1', '5']);
    assert.deepEqual(row(secondId, 'policies').slice(3), ['2.0', 'partly-in-place', '0', '5', '5']);

    // Removing one, then undoing it.
    const stored = await storedData(page);
    assert.deepEqual(stored.self_checks.map((c) => c.team).sort(), ['Day shift', 'Night shift']);
    await page.getByTestId('sc-remove').first().click();
    await waitUntil(page, () => document.querySelectorAll('[data-testid="sc-entry"]').length === 1, null, 'one self-check is left');
    await page.getByTestId('sc-undo').click();
    await waitUntil(page, () => document.querySelectorAll('[data-testid="sc-entry"]').length === 2, null, 'the removal was undone');
  }));

test('a self-check shared as a code in one browser is added in another and shown side by side, marked as shared', async () => {
  let code;
  let file;
  await withPage(browser, site, {}, async ({ page }) => {
    await takeByClicking(page, 'North district', FIRST);
    await page.getByTestId('sc-show-code').click();
    code = await page.getByTestId('sc-share-code').inputValue();
    assert.match(code, /^TSC1\.[A-Za-z0-9_-]+$/);
    file = await downloadFile(page, 'sc-export-file', scratch);
    assert.equal(JSON.parse(file.text).format, 'tend-self-check');
    await assertNoAxe(page, 'the results with the code shown');
  });
  await withPage(browser, site, {}, async ({ page }) => {
    await takeByClicking(page, '', SECOND);
    await gotoScreen(page, site, '#/leaders/self-check');

    // Plain words for what is not a code, and for a code cut short.
    const box = page.getByTestId('sc-import-code');
    await box.fill('hello');
    await page.getByTestId('sc-import-add').click();
    assert.equal((await page.getByTestId('import-error').textContent()).trim(), await ui('self_check.import', 'not_self_check'));
    await box.fill(code.slice(0, -12));
    await page.getByTestId('sc-import-add').click();
    assert.equal((await page.getByTestId('import-error').textContent()).trim(), await ui('self_check.import', 'damaged'));

    await box.fill(code);
    await page.getByTestId('sc-import-add').click();
    await page.getByTestId('import-added').waitFor();
    const columns = page.getByTestId('compare-column');
    assert.equal(await columns.count(), 2);
    const shared = await columns.evaluateAll((cs) => cs.map((c) => c.dataset.shared));
    assert.deepEqual(shared.sort(), ['false', 'true']);
    const mark = await ui('self_check', 'shared_mark');
    assert.equal((await page.locator('[data-testid="compare-column"][data-shared="true"] [data-testid="shared-mark"]').textContent()).trim(), mark);
    assert.match(await page.locator('[data-testid="compare-column"][data-shared="true"]').textContent(), /North district/);
    await assertNoAxe(page, 'the comparison with a shared self-check');

    // The same self-check as a file is recognised as one already here.
    await page.getByTestId('sc-import-file').setInputFiles(file.path);
    await page.getByTestId('import-already').waitFor();
    assert.equal(await page.getByTestId('sc-entry').count(), 2);

    // Its results say it was shared.
    await page.locator('[data-testid="sc-entry"][data-shared="true"] a').click();
    await page.getByTestId('shared-note').waitFor();
  });
});

test('in Spanish the statements, answers and screens are Spanish', () =>
  withPage(browser, site, { locale: 'es-MX' }, async ({ page }) => {
    const title = await gotoScreen(page, site, '#/leaders/self-check/new');
    assert.equal(title, await localeString('es', 'ui-self-check.toml', 'self_check.take', 'title'));
    const first = orgEs.sections[0].items[0];
    assert.equal((await page.locator(`[data-item="${first.id}"] legend`).textContent()).trim(), first.text);
    const labels = await page.locator(`[data-item="${first.id}"] label`).allTextContents();
    assert.deepEqual(labels.map((l) => l.trim()), [...orgEs.scale.labels.map((l) => l.label), orgEs.scale.dont_know]);
    await assertNoAxe(page, 'the Spanish self-check form');
  }));
