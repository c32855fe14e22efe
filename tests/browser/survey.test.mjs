// The anonymous student survey. A coordinator opens it for two groups and reads their codes
// once; students take it on a phone (390 px wide, touch) without an account: the code page,
// the questionnaire and the thanks page are axe clean and fit the screen. A wrong code is
// refused with a message. Once five students of one group answered, the coordinator closes
// the survey and the results show the whole and that group, with the small group hidden.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathOf, useAppAndBrowser } from './harness.mjs';
import { assertAccessible, submit } from './steps.mjs';

const SCHOOL = 'Het Baken';
const SHORT = 'het-baken';
const PASSWORD = 'groene lantaarn achter negen bruggen';
const COORDINATOR = { name: 'Iris de Boer', email: 'iris@baken.nl', permission: 'coordinator', roles: 'COO' };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe('the student survey', () => {
  const env = useAppAndBrowser({ before, after });
  const contexts = [];
  const url = (p) => `${env.baseURL}${p}`;

  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
  });

  let coordinator;
  let codes;

  test('a coordinator opens a survey for two groups and gets their codes once', async () => {
    assert.equal(env.app.admin('admin', 'create-school', '--name', SCHOOL, '--sector', 'vo',
      '--students', '700', '--region', 'Zeeland'), SHORT);
    const link = env.app.admin('admin', 'create-user', '--school', SHORT, '--email', COORDINATOR.email,
      '--name', COORDINATOR.name, '--permission', COORDINATOR.permission, '--roles', COORDINATOR.roles,
      '--base-url', env.baseURL);
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    coordinator = await context.newPage();
    await coordinator.goto(link);
    await coordinator.getByLabel('Nieuw wachtwoord').fill(PASSWORD);
    await coordinator.getByLabel('Herhaal het wachtwoord').fill(PASSWORD);
    await coordinator.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await coordinator.getByLabel('E-mailadres').fill(COORDINATOR.email);
    await coordinator.getByLabel('Wachtwoord').fill(PASSWORD);
    await coordinator.getByRole('button', { name: 'Inloggen' }).click();
    await coordinator.getByRole('navigation', { name: 'Deze school' }).getByRole('link', { name: 'Leerlingenenquête' }).click();
    assert.equal(pathOf(coordinator), `/nl/scholen/${SHORT}/leerlingenenquete`);
    await assertAccessible(coordinator, 'the surveys');

    await coordinator.getByLabel('Groepen').fill('2 havo, 30\n2 vwo, 3');
    await coordinator.getByLabel('Minimum aantal antwoorden (k)').fill('5');
    await submit(coordinator, coordinator.getByRole('button', { name: 'Enquête openen' }));
    assert.equal(await coordinator.getByRole('status').innerText(), 'De enquête is geopend.');
    codes = await coordinator.locator('td.code-cell').allInnerTexts();
    assert.equal(codes.length, 2);
    for (const code of codes) assert.match(code, /^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    await assertAccessible(coordinator, 'a new survey with its codes');
  });

  async function answerOnPhone(code, { check = false } = {}) {
    const context = await env.browser.newContext(PHONE);
    contexts.push(context);
    const student = await context.newPage();
    await student.goto(url('/nl/enquete'));
    if (check) await assertAccessible(student, 'the code page on a phone');
    await student.getByLabel('Code', { exact: true }).fill(code.toLowerCase());
    await submit(student, student.getByRole('button', { name: 'Naar de vragen' }));
    assert.match(await student.locator('h1').innerText(), /Leerlingenenquête LOB/);
    if (check) await assertAccessible(student, 'the questionnaire on a phone');
    const items = student.locator('fieldset.survey-item');
    assert.equal(await items.count(), 10);
    for (let i = 0; i < 10; i += 1) {
      if (i === 4) continue; // a student may skip a question
      await items.nth(i).getByRole('radio', { name: i % 3 === 0 ? 'Helemaal mee eens' : 'Mee eens', exact: true }).check();
    }
    await student.getByLabel('Wat zou de school beter kunnen doen om je te helpen bij je keuzes?')
      .fill('Meer meeloopdagen');
    await submit(student, student.getByRole('button', { name: 'Antwoorden versturen' }));
    assert.equal(pathOf(student), '/nl/enquete/bedankt');
    assert.equal(await student.getByRole('status').innerText(), 'Je antwoorden zijn opgeslagen. Je kunt dit venster nu sluiten.');
    if (check) await assertAccessible(student, 'the thanks on a phone');
    await context.close();
  }

  test('students take the survey on a phone without an account', async () => {
    const context = await env.browser.newContext(PHONE);
    contexts.push(context);
    const guesser = await context.newPage();
    await guesser.goto(url('/nl/enquete'));
    await guesser.getByLabel('Code', { exact: true }).fill('AAAAA-BBBBB');
    await submit(guesser, guesser.getByRole('button', { name: 'Naar de vragen' }));
    assert.match(await guesser.getByRole('alert').innerText(), /Deze code kennen we niet/);
    await assertAccessible(guesser, 'a refused code on a phone');

    await answerOnPhone(codes[0], { check: true });
    for (let i = 0; i < 4; i += 1) await answerOnPhone(codes[0]);
    await answerOnPhone(codes[1]);
  });

  test('once closed, the results show only what the rule allows', async () => {
    await coordinator.goto(url(`/nl/scholen/${SHORT}/leerlingenenquete`));
    await coordinator.getByRole('link', { name: /Leerlingenenquête LOB/ }).click();
    assert.match(await coordinator.locator('main').innerText(), /6 van 33 leerlingen hebben geantwoord/);
    assert.match(await coordinator.locator('main').innerText(), /De resultaten verschijnen als de enquête gesloten is/);
    await coordinator.getByRole('checkbox', { name: 'Ik begrijp dat sluiten definitief is.' }).check();
    await submit(coordinator, coordinator.getByRole('button', { name: 'Enquête sluiten' }));
    assert.equal(await coordinator.getByRole('status').innerText(), 'De enquête is gesloten. Hieronder staan de resultaten.');
    const results = await coordinator.locator('main').innerText();
    // Six answers in all: shown; 2 vwo (1) is hidden, and 2 havo (5) with it, or the whole
    // minus 2 havo would be the one student of 2 vwo.
    assert.match(results, /6 antwoorden/);
    assert.equal((results.match(/niet getoond: te weinig antwoorden/g) || []).length, 2);
    assert.match(results, /Meer meeloopdagen/);
    await assertAccessible(coordinator, 'the results');
  });
});
