// The team pulse (issue 15): five members each finish a check-in in their
// own browser and take the team code their results offer (what it holds
// said in words first, and a QR code drawn in the page); a leader pastes
// them into the team view in a sixth browser. Four codes show nothing but
// how many more are needed; the fifth shows the distribution; a code
// pasted twice is counted once; a mistyped one is refused with the line it
// was on. Nothing leaves the browser, and the screens are axe-clean in
// both themes. Strings are read from locales/en/ui-team.toml.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  axeScan,
  downloadFile,
  englishPlural,
  englishString,
  finishCheckIn,
  formatViolations,
  gotoScreen,
  launchBrowser,
  setColorScheme,
  startSite,
  storedData,
  waitForScreen,
  withPage,
} from './harness.mjs';

let site;
let browser;
let scratch;

const teamString = (table, key) => englishString('ui-team.toml', table, key);

before(async () => {
  site = await startSite();
  browser = await launchBrowser();
  scratch = await mkdtemp(join(tmpdir(), 'tend-e2e-team-'));
});

after(async () => {
  await browser?.close();
  await site?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function assertNoAxe(page, where) {
  const violations = await axeScan(page);
  assert.deepEqual(violations, [], `${where}:\n${formatViolations(violations)}`);
}

/** One member: a check-in in a fresh browser, then the code its results offer. */
async function memberCode(scan) {
  let code = null;
  await withPage(browser, site, {}, async ({ page }) => {
    await gotoScreen(page, site, '#/check-in');
    await finishCheckIn(page);
    // Closed until opened, by keyboard.
    const share = page.getByTestId('team-share');
    await share.waitFor();
    const summary = share.locator('summary');
    assert.equal((await summary.textContent()).trim(), await teamString('team.share', 'heading'));
    assert.equal(await share.evaluate((d) => d.open), false, 'closed until the person opens it');
    await summary.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('team-code').waitFor();
    // What the code holds is said before it is given, and nothing else.
    const holds = (await page.getByTestId('team-share-holds').locator('li').allTextContents()).map((s) => s.trim());
    assert.equal(holds.length, 7, holds.join(' | '));
    assert.ok(holds[0].startsWith('Secondary traumatic stress: '), holds[0]);
    assert.ok(holds[4].startsWith('The month: '), holds[4]);
    code = await page.getByTestId('team-code').inputValue();
    assert.match(code, /^TEND-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    assert.equal(await page.locator('.team-qr svg path').count(), 1, 'a QR code is drawn in the page');
    // The same results give the same code: sharing twice counts once.
    await page.reload();
    await page.getByTestId('team-share').locator('summary').click();
    await page.getByTestId('team-code').waitFor();
    assert.equal(await page.getByTestId('team-code').inputValue(), code);
    // Keyboard: the code field and Copy are reachable and labelled.
    await page.getByTestId('team-code').focus();
    assert.equal(await page.evaluate(() => document.activeElement?.labels?.[0]?.textContent?.trim()), await teamString('team.share', 'code_label'));
    if (scan) {
      for (const scheme of ['light', 'dark']) {
        await setColorScheme(page, scheme);
        await assertNoAxe(page, `results with the team share, ${scheme}`);
      }
    }
  });
  return code;
}

async function paste(page, lines) {
  await page.getByTestId('team-paste').fill(lines.join('\n'));
  await page.getByTestId('team-add').click();
  await page.getByTestId('team-added').locator('p').first().waitFor();
}

test('five members share codes; a leader sees the picture only from the fifth', async () => {
  const codes = [];
  for (let i = 0; i < 5; i++) codes.push(await memberCode(i === 0));
  assert.equal(new Set(codes).size, 5, 'five different codes');

  await withPage(browser, site, {}, async ({ page }) => {
    // The tool is listed in the leaders' guide.
    await gotoScreen(page, site, '#/leaders');
    await page.getByRole('link', { name: await teamString('team.view', 'title') }).click();
    assert.equal(await waitForScreen(page), await teamString('team.view', 'title'));

    // Four codes (and a blank line): nothing but how many more.
    await paste(page, [codes[0], '', codes[1], codes[2], codes[3]]);
    assert.equal(
      (await page.getByTestId('team-added').locator('p').first().textContent()).trim(),
      await englishPlural('ui-team.toml', 'team.view', 'added', 4),
    );
    assert.equal(
      (await page.getByTestId('team-too-few').textContent()).trim(),
      await englishPlural('ui-team.toml', 'team.view', 'too_few', 1),
    );
    assert.equal(await page.getByTestId('team-bands').count(), 0, 'no distribution below five');
    assert.equal(await page.getByTestId('team-fields').count(), 0, 'no fields below five');
    for (const scheme of ['light', 'dark']) {
      await setColorScheme(page, scheme);
      await assertNoAxe(page, `team view with four codes, ${scheme}`);
    }

    // A repeat, a mistyped code and the fifth, by keyboard.
    const mistyped = codes[4].slice(0, -1) + (codes[4].endsWith('0') ? '1' : '0');
    await page.getByTestId('team-paste').focus();
    await page.keyboard.type([codes[0], mistyped, codes[4]].join('\n'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const added = page.getByTestId('team-added');
    await added.getByText(await englishPlural('ui-team.toml', 'team.view', 'added', 1)).waitFor();
    await added.getByText(await englishPlural('ui-team.toml', 'team.view', 'kept_already', 1)).waitFor();
    const line = (await teamString('team.view', 'unreadable_line'))
      .replace('{line}', '2')
      .replace('{reason}', await teamString('team.view', 'why_mistyped'));
    await added.getByText(line).waitFor();
    assert.equal(await page.getByTestId('team-paste').inputValue(), mistyped, 'what was refused stays to be put right');

    // Five: the distribution, every headline adding up to five.
    const bands = page.getByTestId('team-bands').first();
    await bands.waitFor();
    assert.equal(
      (await page.getByTestId('team-count').textContent()).trim(),
      await englishPlural('ui-team.toml', 'team.view', 'count', 5),
    );
    const rows = await bands.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].reduce((n, td) => n + Number(td.textContent), 0)),
    );
    assert.deepEqual(rows, [5, 5, 5]);
    const fieldTotal = await page
      .getByTestId('team-fields')
      .locator('tbody td')
      .evaluateAll((tds) => tds.reduce((n, td) => n + Number(td.textContent), 0));
    assert.equal(fieldTotal, 5);
    for (const scheme of ['light', 'dark']) {
      await setColorScheme(page, scheme);
      await assertNoAxe(page, `team view with five codes, ${scheme}`);
    }

    // The CSV holds counts only: no code, no nonce.
    const csv = await downloadFile(page, 'team-csv', scratch);
    assert.ok(csv.text.startsWith('month,field,headline,band,count'), csv.text.slice(0, 80));
    for (const code of codes) assert.ok(!csv.text.includes(code.slice(5)), 'a code is in the CSV');

    // Kept in this browser (the same store as everything else).
    const data = await storedData(page);
    assert.equal(data.team_codes.length, 5);

    // Removing one goes back below five.
    await page.getByRole('button', { name: (await teamString('team.view', 'remove_label')).replace('{code}', codes[2]) }).click();
    await page.getByTestId('team-too-few').waitFor();
    assert.equal(await page.getByTestId('team-bands').count(), 0);
    assert.equal((await storedData(page)).team_codes.length, 4);
  });
});
