// The first run: the set-up link that `raamwerk serve` prints leads to a form that creates
// the first school and its administrator; errors are listed and linked to their fields, the
// input is kept; axe-core on the form and its error state.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathOf, useAppAndBrowser, withPage } from './harness.mjs';
import { assertAccessible } from './steps.mjs';

const PASSWORD = 'paars kompas vindt zeven tulpen';

describe('first run', () => {
  const env = useAppAndBrowser({ before, after });

  test('the printed set-up link creates the first school and its administrator', async () => {
    const match = env.app.output().match(/http:\/\/127\.0\.0\.1:\d+\/nl\/inrichten\/[0-9a-f]{64}/);
    assert.ok(match, `serve prints a set-up link on the first run:\n${env.app.output()}`);
    await withPage(env.browser, {}, async (page) => {
      await page.goto(match[0]);
      assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Raamwerk inrichten/);
      await assertAccessible(page, 'set-up form');

      // The server checks everything itself; let the browser send what its own checks would stop.
      await page.locator('form.form').evaluate((form) => { form.noValidate = true; });
      await page.getByLabel('Naam van de school').fill('Het Noorderlicht College');
      await page.getByLabel('Aantal leerlingen of studenten').fill('veel');
      await page.getByRole('button', { name: 'School en account aanmaken' }).click();
      const alert = await page.getByRole('alert').innerText();
      assert.match(alert, /kies ten minste één sector/);
      assert.match(alert, /'veel' is geen aantal/);
      assert.equal(await page.getByLabel('Naam van de school').inputValue(), 'Het Noorderlicht College', 'input kept');
      assert.equal(await page.getByLabel('Aantal leerlingen of studenten').getAttribute('aria-invalid'), 'true');
      await assertAccessible(page, 'set-up form with errors');

      await page.getByLabel('mbo').check();
      await page.getByLabel('Aantal leerlingen of studenten').fill('4200');
      await page.getByLabel('Provincie').selectOption({ label: 'Fryslân' });
      await page.getByLabel('Je naam').fill('Jelle de Boer');
      await page.getByLabel('E-mailadres').fill('jelle@noorderlicht.nl');
      await page.getByLabel('Specialistisch loopbaanbegeleider').check();
      await page.getByLabel('Nieuw wachtwoord').fill(PASSWORD);
      await page.getByLabel('Herhaal het wachtwoord').fill(PASSWORD);
      await page.getByRole('button', { name: 'School en account aanmaken' }).click();
      // Signed in at once, on the new school's start page, which says what to do next.
      assert.equal(pathOf(page), '/nl/scholen/het-noorderlicht-college');
      assert.match(await page.getByRole('status').innerText(), /Je school is ingericht en je bent ingelogd/);
      const main = await page.locator('main').innerText();
      assert.match(main, /Nu te doen/);
      assert.match(main, /Er loopt nu geen ronde/);
      await assertAccessible(page, 'start page after set-up');
      assert.match(main, /Het Noorderlicht College/);
      assert.match(main, /schoolbeheerder/);

      const spent = await page.goto(match[0]);
      assert.equal(spent.status(), 410, 'the link works once');
    });
  });
});
