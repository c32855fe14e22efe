// The path of a new person: an operator creates a school and an account, the person opens
// the one-time link, sets a password, signs in, sees their account, switches language and
// signs out, with axe-core on every page on the way (axe needs JavaScript); then the same
// with JavaScript disabled, as the pages must work without it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathOf, useAppAndBrowser, withPage } from './harness.mjs';
import { assertAccessible } from './steps.mjs';

const PASSWORD = 'paars kompas vindt zeven tulpen';

describe('account', () => {
  const env = useAppAndBrowser({ before, after });

  test('set a password with the link, sign in, see the account, sign out', async () => {
    const school = env.app.admin('admin', 'create-school', '--name', 'Het Atlas College', '--sector', 'vo',
      '--students', '1200', '--region', 'Noord-Holland');
    assert.equal(school, 'het-atlas-college');
    const link = env.app.admin('admin', 'create-user', '--school', school, '--email', 'sanne@atlas.nl',
      '--name', 'Sanne Bakker', '--permission', 'coordinator', '--roles', 'SPE,COO', '--base-url', env.baseURL);
    assert.match(link, /\/nl\/wachtwoord-instellen\/[0-9a-f]{64}$/);

    await withPage(env.browser, {}, async (page) => {
      await page.goto(link);
      assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Wachtwoord instellen/);
      assert.match(await page.locator('main').innerText(), /Welkom, Sanne Bakker/);
      await assertAccessible(page, 'set password');

      // A weak password is refused with a message tied to the field.
      await page.getByLabel('Nieuw wachtwoord').fill('wachtwoord1234');
      await page.getByLabel('Herhaal het wachtwoord').fill('wachtwoord1234');
      await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
      assert.match(await page.getByRole('alert').innerText(), /te makkelijk te raden/);
      assert.equal(await page.getByLabel('Nieuw wachtwoord').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByLabel('Nieuw wachtwoord').inputValue(), '', 'a password is never sent back');
      await assertAccessible(page, 'set password, with an error');

      await page.getByLabel('Nieuw wachtwoord').fill(PASSWORD);
      await page.getByLabel('Herhaal het wachtwoord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
      assert.equal(pathOf(page), '/nl/inloggen');
      assert.match(await page.getByRole('status').innerText(), /Je wachtwoord is ingesteld/);
      await assertAccessible(page, 'sign in, after setting the password');

      // The link works once.
      const again = await page.goto(link);
      assert.equal(again.status(), 410);
      await page.goto(`${env.baseURL}/nl/inloggen`);

      await page.getByLabel('E-mailadres').fill('sanne@atlas.nl');
      await page.getByLabel('Wachtwoord').fill('niet mijn wachtwoord');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      assert.match(await page.getByRole('alert').innerText(), /horen niet bij elkaar/);
      assert.equal(await page.getByLabel('E-mailadres').inputValue(), 'sanne@atlas.nl', 'the address is kept');
      await assertAccessible(page, 'sign in, with an error');

      await page.getByLabel('Wachtwoord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      // One school: signing in leads straight into it.
      assert.equal(pathOf(page), '/nl/scholen/het-atlas-college');
      await page.getByRole('link', { name: 'Account', exact: true }).click();
      assert.equal(pathOf(page), '/nl/account');
      const main = await page.locator('main').innerText();
      assert.match(main, /Sanne Bakker/);
      assert.match(main, /Het Atlas College/);
      assert.match(main, /Specialistisch loopbaanbegeleider, Coördinator\/beleidsmaker LOB/);
      await assertAccessible(page, 'account');

      // The person changes the roles they hold in this school.
      await page.getByLabel('Begeleider primair proces').check();
      await page.getByLabel('Coördinator/beleidsmaker LOB').uncheck();
      await page.getByRole('button', { name: 'Rollen opslaan' }).click();
      assert.equal(pathOf(page), '/nl/account');
      assert.match(await page.getByRole('status').innerText(), /Je rollen zijn opgeslagen/);
      assert.match(await page.locator('main').innerText(), /Begeleider primair proces, Specialistisch loopbaanbegeleider/);
      await assertAccessible(page, 'account, roles saved');

      await page.locator('a[hreflang="en"]').click();
      assert.equal(pathOf(page), '/en/account');
      assert.match(await page.locator('main').innerText(), /Mentor\/coach, Career guidance specialist/);

      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      assert.equal(pathOf(page), '/en/');
      await page.goto(`${env.baseURL}/en/account`);
      assert.equal(pathOf(page), '/en/sign-in', 'signed out: the account page asks to sign in');
      await assertAccessible(page, 'sign in (English)');
    });
  });

  test('the same path works with JavaScript disabled', async () => {
    const link = env.app.admin('admin', 'reset-password', '--email', 'sanne@atlas.nl', '--base-url', env.baseURL);
    await withPage(env.browser, { javaScriptEnabled: false }, async (page) => {
      await page.goto(link);
      await page.getByLabel('Nieuw wachtwoord').fill(`${PASSWORD} opnieuw`);
      await page.getByLabel('Herhaal het wachtwoord').fill(`${PASSWORD} opnieuw`);
      await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
      assert.equal(pathOf(page), '/nl/inloggen');
      await page.getByLabel('E-mailadres').fill('sanne@atlas.nl');
      await page.getByLabel('Wachtwoord').fill(`${PASSWORD} opnieuw`);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      assert.equal(pathOf(page), '/nl/scholen/het-atlas-college');
      await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
      assert.equal(pathOf(page), '/nl/');
    });
  });

  test('a person changes their e-mail address, confirmed with the password, and signs in with it', async () => {
    const newPassword = `${PASSWORD} opnieuw`;
    await withPage(env.browser, { javaScriptEnabled: false }, async (page) => {
      await page.goto(`${env.baseURL}/nl/inloggen`);
      await page.getByLabel('E-mailadres').fill('sanne@atlas.nl');
      await page.getByLabel('Wachtwoord').fill(newPassword);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.goto(`${env.baseURL}/nl/account`);
      const form = page.getByRole('form', { name: 'Je e-mailadres' });
      await form.getByLabel('Nieuw e-mailadres').fill('s.bakker@atlas.nl');
      await form.getByLabel('Je huidige wachtwoord, ter bevestiging').fill('niet mijn wachtwoord');
      await form.getByRole('button', { name: 'E-mailadres wijzigen' }).click();
      assert.match(await page.getByRole('alert').innerText(), /Dit is niet je huidige wachtwoord\. Er is niets gewijzigd\./);
      assert.equal(await form.getByLabel('Nieuw e-mailadres').inputValue(), 's.bakker@atlas.nl', 'what was typed stays');
      assert.equal(await form.getByLabel('Nieuw e-mailadres').getAttribute('aria-invalid'), 'true');
      await form.getByLabel('Je huidige wachtwoord, ter bevestiging').fill(newPassword);
      await form.getByRole('button', { name: 'E-mailadres wijzigen' }).click();
      assert.equal(pathOf(page), '/nl/account');
      assert.match(await page.getByRole('status').innerText(), /^Je e-mailadres is gewijzigd\./);
      assert.match(await page.locator('main dl').innerText(), /s\.bakker@atlas\.nl/);
      await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
      await page.goto(`${env.baseURL}/nl/inloggen`);
      await page.getByLabel('E-mailadres').fill('s.bakker@atlas.nl');
      await page.getByLabel('Wachtwoord').fill(newPassword);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      assert.equal(pathOf(page), '/nl/scholen/het-atlas-college');
    });
    // The form with its error passes axe (which needs JavaScript).
    await withPage(env.browser, {}, async (page) => {
      await page.goto(`${env.baseURL}/nl/inloggen`);
      await page.getByLabel('E-mailadres').fill('s.bakker@atlas.nl');
      await page.getByLabel('Wachtwoord').fill(newPassword);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.goto(`${env.baseURL}/nl/account`);
      const form = page.getByRole('form', { name: 'Je e-mailadres' });
      await form.getByLabel('Nieuw e-mailadres').fill('s.bakker@atlas.nl');
      await form.getByLabel('Je huidige wachtwoord, ter bevestiging').fill(newPassword);
      await form.getByRole('button', { name: 'E-mailadres wijzigen' }).click();
      assert.match(await page.getByRole('alert').innerText(), /Dit is al je e-mailadres/);
      await assertAccessible(page, 'account, e-mail change refused');
    });
  });
});
