// The development plan and the one-to-one conversation. A mentor answers "wil ik oppakken"
// and, without JavaScript, makes a goal straight from the statement on the scan page; with
// JavaScript, a second goal from the wishes the plan page offers, and an action. The mentor
// shares the plan with the decaan to read: the decaan reads it under "Gesprekken" and can
// prepare nothing in it; a third colleague gets a 404. The mentor prepares a conversation
// with the decaan, edits the agenda and shares it; the decaan records an agreement, the
// mentor one under a goal; both become actions in the plan. Both documents are read back
// (pdftotext, the DOCX's XML). axe-core runs on every page on the way, also in its error
// state, and each must fit 390 and 320 px.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathOf, useAppAndBrowser } from './harness.mjs';
import { assertAccessible, heading, submit } from './steps.mjs';

const SCHOOL = 'Het Kompas Lyceum';
const SHORT = 'het-kompas-lyceum';
const MENTOR = { name: 'Mila de Boer', email: 'mila@kompas.nl', password: 'groene fiets leest oude wolken' };
const DECAAN = { name: 'Ravi Janssen', email: 'ravi@kompas.nl', password: 'paars kompas vindt zeven tulpen' };
const THIRD = { name: 'Tess Smit', email: 'tess@kompas.nl', password: 'blauwe trein zingt elf liedjes' };

const SCHOOL_PATH = `/nl/scholen/${SHORT}`;
const PLAN = `${SCHOOL_PATH}/ontwikkelplan`;
const TALKS = `${SCHOOL_PATH}/gesprekken`;
const FIRST = 'BEG.VIS.T1';
const SECOND = 'BEG.ORI.T1';
const GOAL = 'In mentorgesprekken beter doorvragen';
const SECOND_GOAL = 'Ouders vaker betrekken';

describe('the development plan and the conversation', () => {
  const env = useAppAndBrowser({ before, after });
  const people = new Map();
  let roundPath = null;
  let goalPath = null;
  let conversationPath = null;
  let tmp = null;

  const url = (p) => `${env.baseURL}${p}`;

  /** A browser context for a person, signed in, kept across the steps. */
  async function as(person, { script = true } = {}) {
    const key = `${person.email}:${script}`;
    if (people.has(key)) return people.get(key);
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: script });
    const page = await context.newPage();
    await page.goto(url('/nl/inloggen'));
    await page.getByLabel('E-mailadres').fill(person.email);
    await page.getByLabel('Wachtwoord').fill(person.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    assert.equal(pathOf(page), SCHOOL_PATH, 'one school: signing in leads into it');
    people.set(key, { context, page });
    return { context, page };
  }

  after(async () => {
    for (const { context } of people.values()) await context.close().catch(() => {});
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('a school with a mentor, a decaan and a third colleague, and an open round', async () => {
    assert.equal(env.app.admin('admin', 'create-school', '--name', SCHOOL, '--sector', 'vo',
      '--students', '700', '--region', 'Gelderland'), SHORT);
    for (const [person, permission, roles] of [[MENTOR, 'lid', 'BEG'], [DECAAN, 'coordinator', 'SPE,COO'], [THIRD, 'lid', 'BEG']]) {
      const link = env.app.admin('admin', 'create-user', '--school', SHORT, '--email', person.email,
        '--name', person.name, '--permission', permission, '--roles', roles, '--base-url', env.baseURL);
      const context = await env.browser.newContext();
      const page = await context.newPage();
      await page.goto(link);
      await page.getByLabel('Nieuw wachtwoord').fill(person.password);
      await page.getByLabel('Herhaal het wachtwoord').fill(person.password);
      await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
      assert.equal(pathOf(page), '/nl/inloggen');
      await context.close();
    }
    const { page } = await as(DECAAN);
    await page.goto(url(`${SCHOOL_PATH}/rondes`));
    const form = page.getByRole('form', { name: 'Een ronde openen' });
    await form.getByLabel('Naam', { exact: true }).fill('najaar 2026');
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    await form.getByLabel('Begindatum').fill(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
    await submit(page, form.getByRole('button', { name: 'Ronde openen' }));
    roundPath = pathOf(page);
    assert.match(roundPath, /\/rondes\/[0-9a-f-]{36}$/);
    const nav = page.getByRole('navigation', { name: 'Deze school' });
    assert.deepEqual(await nav.getByRole('link').allInnerTexts(),
      ['Start', 'Zelfscan', 'Ontwikkelplan', 'Gesprekken', 'Teamoverleg', 'Wie doet wat', 'Ons raamwerk', 'Visie', 'Leerlingenenquête', 'Leden', 'Netwerken']);
  });

  test('without JavaScript, a goal starts straight from a statement on the scan page', async () => {
    const { page } = await as(MENTOR, { script: false });
    await page.goto(url(`${roundPath}/begeleider/visie-en-beleid`));
    const statement = page.locator(`fieldset[id="s-${FIRST}"]`);
    await statement.getByLabel('wil ik oppakken', { exact: true }).check();
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    await page.locator(`fieldset[id="s-${FIRST}"]`)
      .getByRole('link', { name: `Maak hier een ontwikkeldoel van (${FIRST})` }).click();
    assert.equal(pathOf(page), `${PLAN}/nieuw-doel`);
    assert.equal(new URL(page.url()).searchParams.get('uitspraak'), FIRST);
    assert.ok(await page.locator(`input[name="uitspraak"][value="${FIRST}"]`).isChecked(), 'the statement is ticked');

    // A target date before today is refused, with what was typed kept.
    await page.getByLabel('Je doel, in je eigen woorden').fill(GOAL);
    await page.getByLabel('Waarom').fill('Leerlingen zeggen vaak ‘weet ik niet’.');
    await page.getByLabel('Gesprekspartner', { exact: true }).selectOption({ label: DECAAN.name });
    await page.getByLabel('Streefdatum').fill('2020-01-01');
    const refused = await submit(page, page.getByRole('button', { name: 'Doel toevoegen' }));
    assert.equal(refused.status(), 422);
    assert.match(await page.getByRole('alert').innerText(), /de dag waarop het doel begon/);
    assert.equal(await page.getByLabel('Je doel, in je eigen woorden').inputValue(), GOAL);
    await page.getByLabel('Streefdatum').fill('2027-06-30');
    const made = await submit(page, page.getByRole('button', { name: 'Doel toevoegen' }));
    assert.equal(made.status(), 303);
    assert.equal(pathOf(page), PLAN);
    assert.equal(await page.getByRole('status').innerText(), 'Het doel is toegevoegd.');
    const goal = page.locator('article.goal').filter({ hasText: GOAL });
    assert.match(await goal.innerText(), new RegExp(`Gesprekspartner\\s+${DECAAN.name}`));
    assert.match(await goal.innerText(), /Streefdatum\s+30-6-2027/);
  });

  test('with JavaScript, a second goal from the wishes the plan offers, and an action', async () => {
    const { page } = await as(MENTOR);
    await page.goto(url(`${roundPath}/begeleider/orientatie-en-begeleiding`));
    const statement = page.locator(`fieldset[id="s-${SECOND}"]`);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/opslaan')),
      statement.getByLabel('wil ik oppakken', { exact: true }).check(),
    ]);
    await page.getByRole('navigation', { name: 'Deze school' }).getByRole('link', { name: 'Ontwikkelplan' }).click();
    assert.equal(pathOf(page), PLAN);
    assert.equal(await heading(page), 'Mijn ontwikkelplan');
    const wishes = page.getByRole('region', { name: 'Uit je zelfscan' });
    assert.deepEqual(await wishes.locator('.code').allInnerTexts(), [SECOND], 'the first wish is a goal already');
    await assertAccessible(page, 'plan page');
    await wishes.getByRole('link', { name: `Maak er een doel van ${SECOND}` }).click();
    assert.ok(await page.locator(`input[name="uitspraak"][value="${SECOND}"]`).isChecked());
    await assertAccessible(page, 'new goal');
    await page.getByLabel('Je doel, in je eigen woorden').fill(SECOND_GOAL);
    await page.getByLabel('Gesprekspartner', { exact: true }).selectOption('anders');
    await page.getByLabel(/^Naam of functie van iemand anders/).fill('teamleider');
    await submit(page, page.getByRole('button', { name: 'Doel toevoegen' }));
    assert.equal(await page.locator('article.goal').count(), 2);
    assert.equal(await wishes.count(), 0, 'no wishes left to offer');

    await page.getByRole('link', { name: `Bekijken en wijzigen (${GOAL})` }).click();
    goalPath = pathOf(page);
    assert.match(goalPath, new RegExp(`^${PLAN}/doelen/[0-9a-f-]{36}$`));
    const add = page.getByRole('form', { name: 'Een actie toevoegen' });
    await add.getByLabel('Actie', { exact: true }).fill('Boek over gespreksvoering lezen');
    await add.getByLabel('Wanneer').fill('2027-08-01');
    const late = await submit(page, add.getByRole('button', { name: 'Actie toevoegen' }));
    assert.equal(late.status(), 422, 'after the target date');
    await assertAccessible(page, 'goal page, action refused');
    await page.getByRole('form', { name: 'Een actie toevoegen' }).getByLabel('Wanneer').fill('2027-01-15');
    await submit(page, page.getByRole('form', { name: 'Een actie toevoegen' }).getByRole('button', { name: 'Actie toevoegen' }));
    assert.equal(await page.getByRole('status').innerText(), 'De actie is opgeslagen.');
    assert.equal(await page.locator('#acties input[name="action"]').first().inputValue(), 'Boek over gespreksvoering lezen');
    await assertAccessible(page, 'goal page');
  });

  test('shared with the decaan to read; a third colleague gets a 404', async () => {
    const { page } = await as(MENTOR, { script: false });
    await page.goto(url(PLAN));
    const share = page.getByRole('region', { name: 'Delen met een gesprekspartner' });
    assert.equal(await share.getByLabel('Collega').locator('option').first().innerText(), DECAAN.name,
      'the partner named in a goal comes first');
    await share.getByLabel('Collega').selectOption({ label: DECAAN.name });
    await submit(page, share.getByRole('button', { name: 'Delen' }));
    assert.equal(await page.getByRole('status').innerText(), 'Je plan is gedeeld.');

    const decaan = (await as(DECAAN)).page;
    await decaan.getByRole('navigation', { name: 'Deze school' }).getByRole('link', { name: 'Gesprekken' }).click();
    assert.equal(pathOf(decaan), TALKS);
    await assertAccessible(decaan, 'Gesprekken (partner)');
    await decaan.getByRole('link', { name: `Het ontwikkelplan van ${MENTOR.name}` }).click();
    const shared = pathOf(decaan);
    assert.equal(await heading(decaan), `Het ontwikkelplan van ${MENTOR.name}`);
    assert.ok((await decaan.locator('main').innerText()).includes(GOAL));
    assert.equal(await decaan.getByRole('button', { name: 'Reageren' }).count(), 0, 'to read only');
    await assertAccessible(decaan, 'shared plan (read)');

    const third = (await as(THIRD)).page;
    const notFound = await third.goto(url(shared));
    assert.equal(notFound.status(), 404);
    assert.ok(!(await third.locator('main').innerText()).includes(GOAL));
    await third.goto(url(TALKS));
    assert.equal(await third.getByRole('link', { name: /ontwikkelplan van/ }).count(), 0);
  });

  test('a conversation from agenda to agreements to actions', async () => {
    const { page } = await as(MENTOR, { script: false });
    await page.goto(url(TALKS));
    await page.getByRole('link', { name: 'Een gesprek voorbereiden' }).first().click();
    assert.equal(pathOf(page), `${TALKS}/voorbereiden`);
    await page.getByLabel('Gesprekspartner', { exact: true }).selectOption({ label: DECAAN.name });
    await page.getByLabel('Datum van het gesprek').fill('2026-12-17');
    await page.getByLabel(/^Hoe lang duurt het gesprek/).fill('3');
    const refused = await submit(page, page.getByRole('button', { name: 'Agenda voorstellen' }));
    assert.equal(refused.status(), 422);
    await page.getByLabel(/^Hoe lang duurt het gesprek/).fill('45');
    await submit(page, page.getByRole('button', { name: 'Agenda voorstellen' }));
    conversationPath = pathOf(page);
    assert.match(conversationPath, new RegExp(`^${TALKS}/[0-9a-f-]{36}$`));
    assert.equal(await heading(page), `Gesprek met ${DECAAN.name} 17-12-2026`);
    const ahead = page.getByLabel('Waarover bij Vooruitkijken (één punt per regel)');
    assert.match(await ahead.inputValue(), new RegExp(`Doel: ${GOAL}`));
    const acts = page.getByLabel('Waarover bij Actie (één punt per regel)');
    assert.match(await acts.inputValue(), /Boek over gespreksvoering lezen/);
    // The owner edits a step and shares it.
    await page.getByLabel('Waarover bij Terugkijken (één punt per regel)').fill('Hoe gingen de oudergesprekken?');
    await submit(page, page.getByRole('button', { name: 'Opslaan', exact: true }));
    assert.equal(await page.getByRole('status').innerText(), 'Het gesprek is opgeslagen.');
    await submit(page, page.getByRole('button', { name: `Delen met ${DECAAN.name}` }));
    assert.equal(await page.getByRole('status').innerText(), 'Het gesprek is gedeeld met je gesprekspartner.');

    // The decaan reads it and records an agreement; the third colleague cannot open it.
    const decaan = (await as(DECAAN)).page;
    await decaan.goto(url(TALKS));
    await decaan.getByRole('link', { name: `Gesprek van ${MENTOR.name} met jou` }).click();
    assert.equal(pathOf(decaan), conversationPath);
    assert.ok((await decaan.locator('main').innerText()).includes('Hoe gingen de oudergesprekken?'));
    await assertAccessible(decaan, 'conversation (partner)');
    await decaan.getByLabel('Afspraak', { exact: true }).fill('Ik kom in januari een gesprek bijwonen');
    await submit(decaan, decaan.getByRole('button', { name: 'Afspraak vastleggen' }));
    assert.match(await decaan.getByRole('status').innerText(), /De afspraak is vastgelegd/);
    const third = (await as(THIRD)).page;
    assert.equal((await third.goto(url(conversationPath))).status(), 404);
    assert.equal((await third.goto(url(`${conversationPath}/gesprek.pdf`))).status(), 404);

    // The mentor records one under the goal; both are actions in the plan now.
    await page.goto(url(conversationPath));
    await page.getByLabel('Afspraak', { exact: true }).fill('Elke week één gesprek oefenen');
    await page.getByLabel('Bij welk doel?').selectOption({ label: GOAL });
    await submit(page, page.getByRole('button', { name: 'Afspraak vastleggen' }));
    const agreements = await page.getByRole('region', { name: 'Afspraken' }).locator('li').allInnerTexts();
    assert.equal(agreements.length, 2, agreements.join('\n'));
    await page.goto(url(PLAN));
    const plan = await page.locator('main').innerText();
    assert.ok(plan.includes('Elke week één gesprek oefenen'), plan);
    assert.ok(plan.includes('Afspraken uit het gesprek van 17-12-2026'), plan);
    assert.ok(plan.includes('Ik kom in januari een gesprek bijwonen'), plan);
    const owner = (await as(MENTOR)).page;
    await owner.goto(url(conversationPath));
    await assertAccessible(owner, 'conversation (owner)');
    await owner.goto(url(`${TALKS}/voorbereiden`));
    await assertAccessible(owner, 'prepare a conversation');
  });

  test('the plan and the conversation download as PDF and DOCX and read back', async () => {
    const { page } = await as(MENTOR);
    tmp = mkdtempSync(path.join(tmpdir(), 'raamwerk-plan-'));
    const read = async (href, file) => {
      const response = await page.request.get(url(href));
      assert.equal(response.status(), 200, href);
      const body = await response.body();
      const where = path.join(tmp, file);
      writeFileSync(where, body);
      if (file.endsWith('.pdf')) {
        assert.equal(response.headers()['content-type'], 'application/pdf');
        return execFileSync('pdftotext', [where, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      }
      return execFileSync('python3', ['-c',
        'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())', where],
      { encoding: 'utf8' });
    };
    await page.goto(url(PLAN));
    const pdfHref = await page.getByRole('link', { name: 'Download als PDF' }).getAttribute('href');
    assert.equal(pdfHref, `${PLAN}.pdf`);
    const planPdf = await read(pdfHref, 'plan.pdf');
    for (const text of [`Ontwikkelplan van ${MENTOR.name}`, GOAL, SECOND_GOAL, 'Elke week één gesprek oefenen']) {
      assert.ok(planPdf.includes(text), `${text} in the plan's PDF: ${planPdf.slice(0, 1500)}`);
    }
    const planDocx = await read(`${PLAN}.docx`, 'plan.docx');
    assert.ok(planDocx.includes(GOAL) && planDocx.includes('teamleider'), 'the DOCX holds the goals');
    const talkPdf = await read(`${conversationPath}/gesprek.pdf`, 'gesprek.pdf');
    for (const text of [`Gesprek met ${DECAAN.name}`, 'Hoe gingen de oudergesprekken?', 'Ik kom in januari een gesprek bijwonen', 'Vooruitkijken']) {
      assert.ok(talkPdf.includes(text), `${text} in the conversation's PDF: ${talkPdf.slice(0, 1500)}`);
    }
    const talkDocx = await read(`${conversationPath}/gesprek.docx`, 'gesprek.docx');
    assert.ok(talkDocx.includes('Elke week één gesprek oefenen'));
  });
});
