// Working in a school as a team: the first run creates the school and its administrator,
// who invites a colleague (after a refused address), the colleague accepts the invitation in
// their own browser and chooses their roles, the administrator changes the colleague's
// permission and roles and reads the audit log, the colleague signs out; and a used
// invitation link says so. axe-core runs on every page on the way, error states included.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathOf, useAppAndBrowser, withPage } from './harness.mjs';
import { assertAccessible, submit } from './steps.mjs';

const PASSWORD = 'paars kompas vindt zeven tulpen';
const MEMBER_PASSWORD = 'groene fiets leest oude wolken';

const SCHOOL = 'De Wadden Scholengemeenschap';
const SHORT = 'de-wadden-scholengemeenschap';
const ADMIN = { name: 'Jelle de Boer', email: 'jelle@wadden.nl' };
const MEMBER = { name: 'Anouk Jansen', email: 'anouk@wadden.nl' };

const MENTOR = 'Begeleider primair proces';
const SPECIALIST = 'Specialistisch loopbaanbegeleider';
const COORDINATOR = 'Coördinator/beleidsmaker LOB';

/** Clicks a submit button and returns the response to the form's POST (before any redirect). */
/** The text of the cells of each body row of the table, as arrays. */
async function tableRows(table) {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.innerText.trim())));
}

describe('working in a school', () => {
  const env = useAppAndBrowser({ before, after });
  // Two people, each in their own browser context (own cookies), kept across the steps.
  const admin = { context: null, page: null };
  const member = { context: null, page: null };
  let invitationLink = null;

  const url = (path) => `${env.baseURL}${path}`;

  async function openAs(who) {
    who.context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    who.page = await who.context.newPage();
    return who.page;
  }

  after(async () => {
    for (const who of [admin, member]) {
      if (who.context) await who.context.close().catch(() => {});
    }
  });

  test('the printed set-up link creates the school; its administrator signs in and finds it', async () => {
    // The link is printed just after the "listening" line the harness waits for.
    const setupLink = /http:\/\/127\.0\.0\.1:\d+\/nl\/inrichten\/[0-9a-f]{64}/;
    for (let i = 0; i < 50 && !setupLink.test(env.app.output()); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const match = env.app.output().match(setupLink);
    assert.ok(match, `serve prints a set-up link on the first run:\n${env.app.output()}`);
    const page = await openAs(admin);

    await page.goto(match[0]);
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Raamwerk inrichten/);
    await assertAccessible(page, 'set-up form');

    await page.getByLabel('Naam van de school').fill(SCHOOL);
    await page.getByLabel('vo', { exact: true }).check();
    await page.getByLabel('Aantal leerlingen of studenten').fill('1800');
    await page.getByLabel('Provincie').selectOption({ label: 'Fryslân' });
    await page.getByLabel('Je naam').fill(ADMIN.name);
    await page.getByLabel('E-mailadres').fill(ADMIN.email);
    await page.getByLabel(SPECIALIST).check();
    await page.getByLabel('Nieuw wachtwoord').fill(PASSWORD);
    await page.getByLabel('Herhaal het wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'School en account aanmaken' }).click();
    // The administrator is signed in at once, on the school's start page.
    assert.equal(pathOf(page), `/nl/scholen/${SHORT}`);
    assert.match(await page.getByRole('status').innerText(), /Je school is ingericht/);
    await assertAccessible(page, 'start page, after the set-up');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), SCHOOL);

    const mainNav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await mainNav.getByRole('link', { name: 'Account' }).click();
    assert.equal(pathOf(page), '/nl/account');
    const account = await page.locator('main').innerText();
    assert.match(account, /Jelle de Boer/);
    assert.match(account, /De Wadden Scholengemeenschap\s+schoolbeheerder\s+Specialistisch loopbaanbegeleider/);
    await assertAccessible(page, 'account of the administrator');

    await mainNav.getByRole('link', { name: 'Mijn scholen' }).click();
    assert.equal(pathOf(page), `/nl/scholen/${SHORT}`, 'one school: "Mijn scholen" opens it');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), SCHOOL);
    const facts = await page.locator('dl.facts').innerText();
    assert.match(facts, /Bevoegdheid\s+schoolbeheerder/);
    assert.match(facts, new RegExp(`Rollen in het raamwerk\\s+${SPECIALIST}`));
    const schoolNav = page.getByRole('navigation', { name: 'Deze school' });
    assert.deepEqual(await schoolNav.getByRole('link').allInnerTexts(), ['Start', 'Zelfscan', 'Ontwikkelplan', 'Gesprekken', 'Teamoverleg', 'Wie doet wat', 'Ons raamwerk', 'Visie', 'Leerlingenenquête', 'Leden', 'Netwerken', 'Schoolgegevens', 'Logboek']);
    assert.equal(await schoolNav.getByRole('link', { name: 'Start' }).getAttribute('aria-current'), 'page');
    await assertAccessible(page, 'school start page (administrator)');
  });

  test('the administrator invites a colleague, after an address the server refuses', async () => {
    const page = admin.page;
    await page.getByRole('navigation', { name: 'Deze school' }).getByRole('link', { name: 'Leden', exact: true }).click();
    assert.equal(pathOf(page), `/nl/scholen/${SHORT}/leden`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Leden');
    const members = page.getByRole('table', { name: '1 lid' });
    assert.deepEqual(await tableRows(members), [[ADMIN.name, ADMIN.email, 'schoolbeheerder', SPECIALIST, 'actief']]);
    assert.match(await page.locator('main').innerText(), /Er staan geen uitnodigingen open/);
    await assertAccessible(page, 'members');

    // The server checks the address itself; let the browser send what its own check would stop.
    const form = page.getByRole('form', { name: 'Iemand uitnodigen' });
    await form.evaluate((f) => { f.noValidate = true; });
    await form.getByLabel('E-mailadres').fill('anouk.wadden.nl');
    await form.getByLabel('Bevoegdheid').selectOption({ label: 'lid' });
    await form.getByLabel(MENTOR).check();
    const refused = await submit(page, form.getByRole('button', { name: 'Uitnodigen', exact: true }));
    assert.equal(refused.status(), 422);
    assert.equal(pathOf(page), `/nl/scholen/${SHORT}/uitnodigingen`);
    const alert = page.getByRole('alert');
    assert.match(await alert.innerText(), /Er is iets niet in orde/);
    const errorLink = alert.getByRole('link', { name: "'anouk.wadden.nl' is geen geldig e-mailadres" });
    assert.equal(await errorLink.getAttribute('href'), '#email');
    const email = page.getByRole('form', { name: 'Iemand uitnodigen' }).getByLabel('E-mailadres');
    assert.equal(await email.inputValue(), 'anouk.wadden.nl', 'the address is kept');
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    assert.equal(await email.getAttribute('aria-describedby'), 'email-error');
    assert.match(await page.locator('#email-error').innerText(), /geen geldig e-mailadres/);
    assert.ok(await page.getByRole('form', { name: 'Iemand uitnodigen' }).getByLabel(MENTOR).isChecked(), 'the chosen role is kept');
    assert.equal(await page.getByRole('form', { name: 'Iemand uitnodigen' }).getByLabel('Bevoegdheid').inputValue(), 'lid', 'the permission is kept');
    await assertAccessible(page, 'members, invitation refused');

    // The error links to its field.
    await errorLink.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'email');

    await email.fill(MEMBER.email);
    const invited = await submit(page, page.getByRole('button', { name: 'Uitnodigen', exact: true }));
    assert.equal(invited.status(), 200);
    const status = await page.getByRole('status').innerText();
    assert.match(status, /anouk@wadden\.nl is uitgenodigd/);
    assert.match(status, /Er is geen e-mailserver ingesteld/);
    invitationLink = await page.getByLabel('Uitnodigingslink').inputValue();
    assert.equal(await page.locator('#invite-link').getAttribute('readonly'), '');
    assert.match(invitationLink, new RegExp(`^${env.baseURL}/nl/uitnodiging/[0-9a-f]{64}$`));
    assert.equal(await page.getByRole('form', { name: 'Iemand uitnodigen' }).getByLabel('E-mailadres').inputValue(), '', 'the form is empty for the next one');
    const open = page.locator('table').filter({ has: page.getByRole('columnheader', { name: 'Geldig tot' }) });
    const openRows = await tableRows(open);
    assert.equal(openRows.length, 1);
    assert.deepEqual(openRows[0].slice(0, 2), [MEMBER.email, 'lid']);
    assert.ok(await page.getByRole('button', { name: `Uitnodiging voor ${MEMBER.email} intrekken` }).isVisible());
    await assertAccessible(page, 'members, invitation made');
  });

  test('the colleague accepts the invitation in their own browser and lands in the school', async () => {
    assert.ok(invitationLink, 'the previous step made an invitation link');
    const page = await openAs(member);
    const shown = await page.goto(invitationLink);
    assert.equal(shown.status(), 200);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Uitnodiging');
    assert.match(await page.locator('main').innerText(),
      /Je bent uitgenodigd om als lid met De Wadden Scholengemeenschap te werken in Raamwerk, met het adres anouk@wadden\.nl\./);
    await assertAccessible(page, 'invitation');

    // Two different passwords: refused, the name is kept, the error is tied to the field.
    await page.getByLabel('Je naam').fill(MEMBER.name);
    await page.getByLabel('Nieuw wachtwoord').fill(MEMBER_PASSWORD);
    await page.getByLabel('Herhaal het wachtwoord').fill(`${MEMBER_PASSWORD}!`);
    const refused = await submit(page, page.getByRole('button', { name: 'Uitnodiging aannemen' }));
    assert.equal(refused.status(), 422);
    const alert = page.getByRole('alert');
    const errorLink = alert.getByRole('link', { name: 'De twee wachtwoorden zijn niet gelijk.' });
    assert.equal(await errorLink.getAttribute('href'), '#password');
    assert.equal(await page.getByLabel('Je naam').inputValue(), MEMBER.name, 'the name is kept');
    const password = page.getByLabel('Nieuw wachtwoord');
    assert.equal(await password.inputValue(), '', 'a password is never sent back');
    assert.equal(await password.getAttribute('aria-invalid'), 'true');
    assert.match(await password.getAttribute('aria-describedby'), /\bpassword-error\b/);
    await assertAccessible(page, 'invitation, with an error');

    await page.getByLabel('Nieuw wachtwoord').fill(MEMBER_PASSWORD);
    await page.getByLabel('Herhaal het wachtwoord').fill(MEMBER_PASSWORD);
    const accepted = await submit(page, page.getByRole('button', { name: 'Uitnodiging aannemen' }));
    assert.equal(accepted.status(), 303);
    assert.equal(pathOf(page), `/nl/scholen/${SHORT}`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), SCHOOL);
    const facts = await page.locator('dl.facts').innerText();
    assert.match(facts, /Bevoegdheid\s+lid/);
    assert.match(facts, new RegExp(`Rollen in het raamwerk\\s+${MENTOR}`));
    // Signed in: the main menu offers the account; a member's school menu has only the start.
    const mainNav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    assert.ok(await mainNav.getByRole('link', { name: 'Account' }).isVisible());
    assert.equal(await mainNav.getByRole('link', { name: 'Inloggen' }).count(), 0);
    assert.deepEqual(await page.getByRole('navigation', { name: 'Deze school' }).getByRole('link').allInnerTexts(), ['Start', 'Zelfscan', 'Ontwikkelplan', 'Gesprekken', 'Teamoverleg', 'Wie doet wat', 'Ons raamwerk', 'Visie', 'Leerlingenenquête']);
    assert.equal(await page.getByRole('link', { name: 'Leden beheren en uitnodigen' }).count(), 0);
    await assertAccessible(page, 'school start page (new member)');
  });

  test('the colleague changes their own roles', async () => {
    const page = member.page;
    await page.getByRole('link', { name: 'Rollen wijzigen' }).click();
    assert.equal(pathOf(page), '/nl/account');
    const main = await page.locator('main').innerText();
    assert.match(main, /Anouk Jansen/);
    assert.match(main, /anouk@wadden\.nl/);
    await assertAccessible(page, 'account of the new member');

    const roles = page.getByRole('group', { name: `Je rollen in het raamwerk bij ${SCHOOL}` });
    assert.ok(await roles.getByLabel(MENTOR).isChecked(), 'the roles of the invitation');
    assert.ok(!(await roles.getByLabel(SPECIALIST).isChecked()));
    await roles.getByLabel(SPECIALIST).check();
    await page.getByRole('button', { name: 'Rollen opslaan' }).click();
    assert.equal(pathOf(page), '/nl/account');
    assert.match(await page.getByRole('status').innerText(), /Je rollen zijn opgeslagen/);
    assert.deepEqual(await tableRows(page.locator('table')), [[SCHOOL, 'lid', `${MENTOR}, ${SPECIALIST}`]]);
    assert.ok(await roles.getByLabel(SPECIALIST).isChecked());
    await assertAccessible(page, 'account of the new member, roles saved');

    await page.goto(url(`/nl/scholen/${SHORT}`));
    assert.match(await page.locator('dl.facts').innerText(),
      new RegExp(`Rollen in het raamwerk\\s+${MENTOR}, ${SPECIALIST}`));

    // A member cannot open the members page.
    const forbidden = await page.goto(url(`/nl/scholen/${SHORT}/leden`));
    assert.equal(forbidden.status(), 403);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Geen toegang');
    await assertAccessible(page, 'members page, forbidden for a member');
  });

  test('the administrator makes the colleague coordinator, changes their roles and reads the log', async () => {
    const page = admin.page;
    await page.goto(url(`/nl/scholen/${SHORT}/leden`));
    const members = page.getByRole('table', { name: '2 leden' });
    const rows = await tableRows(members);
    assert.deepEqual(rows.find((r) => r[0] === MEMBER.name),
      [MEMBER.name, MEMBER.email, 'lid', `${MENTOR}, ${SPECIALIST}`, 'actief'],
      'the member, with the roles they chose');
    assert.match(await page.locator('main').innerText(), /Er staan geen uitnodigingen open/, 'the invitation is used');
    await assertAccessible(page, 'members, after the invitation was accepted');

    await members.getByRole('link', { name: MEMBER.name }).click();
    assert.match(pathOf(page), new RegExp(`^/nl/scholen/${SHORT}/leden/[0-9a-f-]{36}$`));
    const memberPath = pathOf(page);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), MEMBER.name);
    assert.match(await page.locator('dl.facts').innerText(), /Bevoegdheid\s+lid/);
    assert.equal(await page.getByRole('navigation', { name: 'Deze school' })
      .getByRole('link', { name: 'Leden' }).getAttribute('aria-current'), 'page');
    await assertAccessible(page, 'member');

    await page.getByLabel('Bevoegdheid').selectOption({ label: 'coördinator' });
    const permission = await submit(page, page.getByRole('button', { name: 'Bevoegdheid opslaan' }));
    assert.equal(permission.status(), 303);
    assert.equal(pathOf(page), memberPath);
    assert.match(await page.getByRole('status').innerText(), /De wijziging is opgeslagen/);
    assert.match(await page.locator('dl.facts').innerText(), /Bevoegdheid\s+coördinator/);
    assert.equal(await page.getByLabel('Bevoegdheid').inputValue(), 'coordinator');
    await assertAccessible(page, 'member, permission saved');

    const roles = page.getByRole('group', { name: 'Rollen in het raamwerk' });
    await roles.getByLabel(MENTOR).uncheck();
    await roles.getByLabel(COORDINATOR).check();
    const saved = await submit(page, page.getByRole('button', { name: 'Rollen opslaan' }));
    assert.equal(saved.status(), 303);
    assert.match(await page.getByRole('status').innerText(), /De wijziging is opgeslagen/);
    assert.ok(!(await roles.getByLabel(MENTOR).isChecked()));
    assert.ok(await roles.getByLabel(SPECIALIST).isChecked());
    assert.ok(await roles.getByLabel(COORDINATOR).isChecked());
    await assertAccessible(page, 'member, roles saved');

    await page.getByRole('link', { name: 'Terug naar de leden' }).click();
    assert.equal(pathOf(page), `/nl/scholen/${SHORT}/leden`);
    assert.deepEqual((await tableRows(page.getByRole('table', { name: '2 leden' }))).find((r) => r[0] === MEMBER.name),
      [MEMBER.name, MEMBER.email, 'coördinator', `${SPECIALIST}, ${COORDINATOR}`, 'actief']);

    await page.getByRole('navigation', { name: 'Deze school' }).getByRole('link', { name: 'Logboek' }).click();
    assert.equal(pathOf(page), `/nl/scholen/${SHORT}/logboek`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Logboek');
    // Newest first: who, what, about whom, the new value (the time is left out).
    const log = (await tableRows(page.locator('table'))).map((r) => r.slice(1));
    assert.deepEqual(log, [
      [ADMIN.name, 'rollen gewijzigd', MEMBER.name, `${SPECIALIST}, ${COORDINATOR}`],
      [ADMIN.name, 'bevoegdheid gewijzigd', MEMBER.name, 'coördinator'],
      [MEMBER.name, 'uitnodiging aangenomen', MEMBER.name, 'lid'],
      [ADMIN.name, 'uitgenodigd', MEMBER.email, 'lid'],
      [ADMIN.name, 'school aangemaakt', '', ''],
    ]);
    assert.match((await tableRows(page.locator('table')))[0][0], /^\d{1,2}-\d{1,2}-\d{4} \d{2}:\d{2} CES?T$/);
    await assertAccessible(page, 'audit log');
  });

  test('the administrator corrects the school details, after a number the server refuses', async () => {
    const page = admin.page;
    await page.getByRole('navigation', { name: 'Deze school' }).getByRole('link', { name: 'Schoolgegevens' }).click();
    assert.equal(pathOf(page), `/nl/scholen/${SHORT}/instellingen`);
    await assertAccessible(page, 'school details');
    await page.locator('form.form').first().evaluate((form) => { form.noValidate = true; });
    await page.getByLabel('Aantal leerlingen of studenten').fill('heel veel');
    const refused = await submit(page, page.getByRole('button', { name: 'Gegevens opslaan' }));
    assert.equal(refused.status(), 422);
    assert.match(await page.getByRole('alert').innerText(), /'heel veel' is geen aantal/);
    assert.equal(await page.getByLabel('Aantal leerlingen of studenten').inputValue(), 'heel veel', 'input kept');
    await assertAccessible(page, 'school details with an error');

    await page.getByLabel('Aantal leerlingen of studenten').fill('1.250');
    await submit(page, page.getByRole('button', { name: 'Gegevens opslaan' }));
    assert.match(await page.getByRole('status').innerText(), /zijn opgeslagen/);
    assert.equal(await page.getByLabel('Aantal leerlingen of studenten').inputValue(), '1250');
    await assertAccessible(page, 'school details saved');

    // The school's own word for a step of the scale; too long first.
    const word = page.getByLabel("Taken, stap ‘doe ik’, taal nl");
    await word.fill('x'.repeat(41));
    await page.locator('form[aria-labelledby="schaal"]').evaluate((form) => { form.noValidate = true; });
    await word.evaluate((input) => input.removeAttribute('maxlength'));
    await word.fill('x'.repeat(41));
    const tooLong = await submit(page, page.getByRole('button', { name: 'Woorden opslaan' }));
    assert.equal(tooLong.status(), 422);
    assert.match(await page.getByRole('alert').innerText(), /hoogstens 40 tekens/);
    await assertAccessible(page, 'scale words with an error');
    await page.getByLabel("Taken, stap ‘doe ik’, taal nl").fill('dat doe ik al');
    await submit(page, page.getByRole('button', { name: 'Woorden opslaan' }));
    assert.equal(await page.getByLabel("Taken, stap ‘doe ik’, taal nl").inputValue(), 'dat doe ik al');
    await assertAccessible(page, 'scale words saved');
  });

  test('the colleague sees the new permission, signs out, and is then asked to sign in', async () => {
    const page = member.page;
    await page.goto(url(`/nl/scholen/${SHORT}`));
    const facts = await page.locator('dl.facts').innerText();
    assert.match(facts, /Bevoegdheid\s+coördinator/);
    assert.match(facts, new RegExp(`Rollen in het raamwerk\\s+${SPECIALIST}, ${COORDINATOR}`));
    assert.deepEqual(await page.getByRole('navigation', { name: 'Deze school' }).getByRole('link').allInnerTexts(),
      ['Start', 'Zelfscan', 'Ontwikkelplan', 'Gesprekken', 'Teamoverleg', 'Wie doet wat', 'Ons raamwerk', 'Visie', 'Leerlingenenquête', 'Leden', 'Netwerken']);
    await assertAccessible(page, 'school start page (coordinator)');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Account' }).click();
    assert.equal(pathOf(page), '/nl/account');
    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    assert.equal(pathOf(page), '/nl/');
    await assertAccessible(page, 'home, signed out');

    await page.goto(url(`/nl/scholen/${SHORT}`));
    assert.equal(pathOf(page), '/nl/inloggen', 'signed out: the school asks to sign in');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Inloggen');
    await assertAccessible(page, 'sign in, after signing out');
  });

  test('the used invitation link says it was accepted', async () => {
    assert.ok(invitationLink, 'the invitation step made a link');
    await withPage(env.browser, {}, async (page) => {
      const again = await page.goto(invitationLink);
      assert.equal(again.status(), 410);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Uitnodiging');
      assert.equal(await page.getByRole('alert').innerText(),
        'Deze uitnodiging is al aangenomen. Log in om verder te gaan.');
      assert.equal(await page.getByRole('button', { name: 'Uitnodiging aannemen' }).count(), 0, 'no form any more');
      await assertAccessible(page, 'invitation, already accepted');
      await page.locator('main').getByRole('link', { name: 'Inloggen' }).click();
      assert.equal(pathOf(page), '/nl/inloggen');
    });
  });

  test('the administrator invites a list of colleagues at once; every bad line is named', async () => {
    const page = admin.page;
    await page.goto(url(`/nl/scholen/${SHORT}/leden`));
    const form = page.getByRole('form', { name: 'Meer mensen tegelijk uitnodigen' });
    await form.getByLabel('Adressen, één per regel').fill(
      'naam;e-mail\nSiem Kok;siem@wadden.nl\ngeen adres\nLotte Bos <lotte@wadden.nl>\nsiem@wadden.nl\n');
    await form.getByLabel(MENTOR).check();
    const sent = await submit(page, form.getByRole('button', { name: 'Iedereen op de lijst uitnodigen' }));
    assert.equal(sent.status(), 200);
    const done = await page.getByRole('status').innerText();
    assert.match(done, /2 mensen uitgenodigd\./);
    // Without SMTP each link is on screen to pass on, with a button that copies it.
    const link = page.getByLabel('Link voor lotte@wadden.nl');
    assert.match(await link.inputValue(), new RegExp(`^${env.baseURL}/nl/uitnodiging/[0-9a-f]{64}$`));
    assert.ok(await page.getByRole('button', { name: 'Kopiëren' }).first().isVisible());
    const problems = await page.getByRole('alert').innerText();
    assert.match(problems, /2 regels zijn niet uitgenodigd/);
    assert.match(problems, /Regel 3 \(geen adres\): er staat geen e-mailadres op deze regel/);
    assert.match(problems, /Regel 5 \(siem@wadden\.nl\): dit adres staat al op regel 2/);
    const open = await tableRows(page.locator('table').filter({ has: page.getByRole('columnheader', { name: 'Geldig tot' }) }));
    assert.ok(open.some((r) => r[0] === 'siem@wadden.nl') && open.some((r) => r[0] === 'lotte@wadden.nl'));
    await assertAccessible(page, 'members, a list invited');
  });
});
