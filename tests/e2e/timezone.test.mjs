// The next check-in date, and the calendar file for it, fall on the person's
// own calendar day, whatever their time zone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gotoScreen, launchBrowser, startSite, withPage } from './harness.mjs';

let site, browser, scratch;
before(async () => { site = await startSite(); browser = await launchBrowser(); scratch = await mkdtemp(join(tmpdir(), 'tend-tz-')); });
after(async () => { await browser?.close(); await site?.close(); await rm(scratch, { recursive: true, force: true }); });

async function quickCheckIn(page) {
  await gotoScreen(page, site, '#/check-in');
  await page.getByTestId('start-checkin').click();
  for (let step = 1; ; step++) {
    await page.waitForFunction((s) => location.hash === `#/check-in/${s}` || location.hash.startsWith('#/results/'), step);
    if ((await page.evaluate(() => location.hash)).startsWith('#/results/')) return;
    await page.locator('fieldset.question').first().waitFor();
    for (const g of await page.$$eval('fieldset.question', (fs) => fs.map((f) => f.id))) await page.locator(`#${g}-0`).check();
    await page.getByTestId('next').click();
  }
}

// [time zone, the moment of the check-in (UTC), the local due date 14 days on]
const cases = [
  ['Pacific/Auckland', '2026-03-10T12:30:00Z', '2026-03-25'], // already Mar 11 there
  ['Pacific/Honolulu', '2026-03-11T08:30:00Z', '2026-03-24'], // still Mar 10 there
  ['UTC', '2026-03-10T12:30:00Z', '2026-03-24'],
];
for (const [timezoneId, at, due] of cases) {
  test(`the next check-in and its .ics fall on the person's own calendar day (${timezoneId})`, () =>
    withPage(browser, site, { timezoneId, acceptDownloads: true }, async ({ page }) => {
      await page.clock.setFixedTime(new Date(at));
      await quickCheckIn(page);
      const shown = new Date(`${due}T12:00:00Z`).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
      assert.equal((await page.getByTestId('next-checkin').textContent()).trim(), `Your next check-in is due in 14 days, on ${shown}.`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('add-to-calendar').click()]);
      assert.equal(download.suggestedFilename(), `tend-check-in-${due}.ics`);
      const path = join(scratch, `${timezoneId.replace('/', '-')}.ics`);
      await download.saveAs(path);
      const lines = (await readFile(path, 'utf8')).split('\r\n');
      assert.ok(lines.includes(`DTSTART;VALUE=DATE:${due.replace(/-/g, '')}`), lines.join('\n'));
    }));
}
