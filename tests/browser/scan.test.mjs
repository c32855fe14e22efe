// The self-scan (zelfscan): a coordinator opens a round (after a name the server refuses), a
// member fills an area with JavaScript, where every change saves itself and says so (and a
// save that fails is never shown as saved), and another area without JavaScript, where the
// form saves as a whole; the member reports the scan finished, the coordinator sees who is
// finished but nothing of what is in the scan, and closes the round, after which the scan
// can be read but not changed. axe-core runs on every page on the way that has JavaScript,
// error states included.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { pathOf, useAppAndBrowser } from './harness.mjs';
import { assertAccessible, heading, submit } from './steps.mjs';

const SCHOOL = 'Het Baken Lyceum';
const SHORT = 'het-baken-lyceum';
const COORDINATOR = { name: 'Sanne Bakker', email: 'sanne@baken.nl', password: 'paars kompas vindt zeven tulpen' };
const MEMBER = { name: 'Daan Visser', email: 'daan@baken.nl', password: 'groene fiets leest oude wolken' };

const ROUND = 'najaar 2026';
const PERIOD = 'vanaf 25-11-2026';
const MENTOR = 'Begeleider primair proces';

// What the member writes; the coordinator must never see any of it.
const TASK_NOTE = 'samen met de mentoren van klas 3';
const FOCUS_NOTE = 'gesprekken met ouders plannen';
const REFLECTION = 'ik vertel over mijn eigen omwegen';
const LATE_NOTE = 'nog snel iets na het sluiten';

const SAVED = 'Opgeslagen';
const SAVING = 'Bezig met opslaan…';
const RETRYING = 'Niet opgeslagen, we proberen het opnieuw';
const FAILED = 'Niet opgeslagen';
const CLOSED_TEXT = 'Deze ronde is gesloten. Je antwoorden blijven leesbaar, maar je kunt ze niet meer wijzigen.';

/** Clicks a submit button and returns the response to the form's POST (before any redirect). */
/** The text of the cells of each body row of the table, as arrays. */
async function tableRows(table) {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.innerText.trim())));
}

/** The areas of the round page with their progress, as the person reads them. */
async function areaLines(page) {
  return (await page.locator('main .progress-list li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** The page's main heading, on one line. */
function exactly(text) {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** Waits until the save state shows exactly `text`. */
async function waitForState(state, text, timeout = 15_000) {
  await state.filter({ hasText: exactly(text) }).waitFor({ timeout });
}

/** The save requests of the page's script for `field`. */
function isSaveOf(field) {
  return (request) => request.method() === 'POST' && request.url().endsWith('/opslaan') &&
    new URLSearchParams(request.postData() ?? '').get('field') === field;
}

/**
 * Runs `action` (a change to one field), waits for the script's request for `field` and the
 * server's answer that it saved it, then for the field's save state to say so.
 */
async function changeAndSee(page, field, state, action) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => isSaveOf(field)(r.request())),
    action(),
  ]);
  assert.equal(response.status(), 200, `saving ${field}`);
  assert.deepEqual(await response.json(), { saved: true });
  await waitForState(state, SAVED);
  assert.equal(await state.innerText(), SAVED);
}

/** Records every text the save state shows from now on, in the page. */
async function recordStates(state) {
  await state.evaluate((element) => {
    window.seenStates = [];
    new MutationObserver(() => window.seenStates.push(element.textContent))
      .observe(element, { childList: true, characterData: true, subtree: true });
  });
}

describe('the self-scan', () => {
  const env = useAppAndBrowser({ before, after });
  // Each person in their own browser context (own cookies), kept across the steps; the member
  // also works in a second context without JavaScript.
  const coordinator = { context: null, page: null };
  const member = { context: null, page: null };
  const memberNoScript = { context: null, page: null };
  let memberLink = null;
  let roundPath = null;
  let visionPath = null;
  let visionTotal = null;
  let organisationTotal = null;
  let taskCode = null;
  let expertiseCode = null;

  const url = (path) => `${env.baseURL}${path}`;

  async function openAs(who, options = {}) {
    who.context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    who.page = await who.context.newPage();
    return who.page;
  }

  async function signIn(page, person) {
    await page.goto(url('/nl/inloggen'));
    await page.getByLabel('E-mailadres').fill(person.email);
    await page.getByLabel('Wachtwoord').fill(person.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    assert.equal(pathOf(page), `/nl/scholen/${SHORT}`, 'one school: signing in leads into it');
  }

  async function setPasswordAndSignIn(page, link, person) {
    await page.goto(link);
    await page.getByLabel('Nieuw wachtwoord').fill(person.password);
    await page.getByLabel('Herhaal het wachtwoord').fill(person.password);
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    assert.equal(pathOf(page), '/nl/inloggen');
    await signIn(page, person);
  }

  after(async () => {
    for (const who of [coordinator, member, memberNoScript]) {
      if (who.context) await who.context.close().catch(() => {});
    }
  });

  test('a coordinator opens a round, after a form the server refuses', async () => {
    const school = env.app.admin('admin', 'create-school', '--name', SCHOOL, '--sector', 'vo',
      '--students', '950', '--region', 'Zeeland');
    assert.equal(school, SHORT);
    const coordinatorLink = env.app.admin('admin', 'create-user', '--school', SHORT, '--email', COORDINATOR.email,
      '--name', COORDINATOR.name, '--permission', 'coordinator', '--roles', 'SPE,COO', '--base-url', env.baseURL);
    memberLink = env.app.admin('admin', 'create-user', '--school', SHORT, '--email', MEMBER.email,
      '--name', MEMBER.name, '--permission', 'lid', '--roles', 'BEG', '--base-url', env.baseURL);
    assert.match(memberLink, /\/nl\/wachtwoord-instellen\/[0-9a-f]{64}$/);

    const page = await openAs(coordinator);
    await setPasswordAndSignIn(page, coordinatorLink, COORDINATOR);
    const schoolNav = page.getByRole('navigation', { name: 'Deze school' });
    await schoolNav.getByRole('link', { name: 'Zelfscan' }).click();
    assert.equal(pathOf(page), `/nl/scholen/${SHORT}/rondes`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Zelfscan');
    assert.equal(await schoolNav.getByRole('link', { name: 'Zelfscan' }).getAttribute('aria-current'), 'page');
    assert.match(await page.locator('main').innerText(), /Er is nog geen ronde\. Een coördinator opent er een\./);
    await assertAccessible(page, 'rounds, none yet');

    // The server checks the name itself; let the browser send what its own check would stop.
    const form = page.getByRole('form', { name: 'Een ronde openen' });
    await form.evaluate((f) => { f.noValidate = true; });
    await form.getByLabel('Begindatum').fill('2026-11-25');
    const refused = await submit(page, form.getByRole('button', { name: 'Ronde openen' }));
    assert.equal(refused.status(), 422);
    assert.equal(pathOf(page), `/nl/scholen/${SHORT}/rondes`);
    const alert = page.getByRole('alert');
    assert.match(await alert.innerText(), /Er is iets niet in orde/);
    const errorLink = alert.getByRole('link', { name: 'Geef de ronde een naam, bijvoorbeeld ‘najaar 2026’.' });
    assert.equal(await errorLink.getAttribute('href'), '#name');
    const name = page.getByLabel('Naam', { exact: true });
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    assert.match(await name.getAttribute('aria-describedby'), /\bname-error\b/);
    assert.equal(await page.locator('#name-error').innerText(), 'Geef de ronde een naam, bijvoorbeeld ‘najaar 2026’.');
    assert.equal(await page.getByLabel('Begindatum').inputValue(), '2026-11-25', 'the start date is kept');
    await assertAccessible(page, 'rounds, open-round form with an error');

    await errorLink.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'name');
    await name.fill(ROUND);
    const opened = await submit(page, page.getByRole('button', { name: 'Ronde openen' }));
    assert.equal(opened.status(), 303);
    assert.match(pathOf(page), new RegExp(`^/nl/scholen/${SHORT}/rondes/[0-9a-f-]{36}$`));
    roundPath = pathOf(page);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), ROUND);
    const main = await page.locator('main').innerText();
    assert.match(main, new RegExp(PERIOD));
    assert.doesNotMatch(main, /gesloten/);
    // The coordinator's own scan, for the roles they hold.
    assert.deepEqual(await page.getByRole('heading', { level: 3 }).allInnerTexts(),
      ['Specialistisch loopbaanbegeleider', 'Coördinator/beleidsmaker LOB']);
    for (const line of await areaLines(page)) assert.match(line, /^.+ 0 van \d+ uitspraken beantwoord$/);
    // Who is finished: nobody yet.
    assert.ok(await page.getByRole('heading', { level: 2, name: 'Wie is klaar' }).isVisible());
    const team = page.getByRole('table', { name: /klaar$/ });
    assert.match(await team.locator('caption').innerText(), /^0 van \d+ klaar$/);
    assert.ok(await page.getByRole('button', { name: 'Ronde sluiten' }).isVisible());
    assert.ok(await page.getByRole('button', { name: 'Mijn scan is klaar' }).isVisible());
    await assertAccessible(page, 'round page (coordinator)');

    await page.getByRole('link', { name: 'Alle rondes' }).click();
    assert.equal(pathOf(page), `/nl/scholen/${SHORT}/rondes`);
    assert.deepEqual(await tableRows(page.locator('main table')), [[ROUND, PERIOD, 'open', 'nog niet begonnen']]);
    assert.match(await page.locator('main').innerText(), /Er is al een ronde open\. Sluit die eerst/);
    assert.equal(await page.getByRole('button', { name: 'Ronde openen' }).count(), 0, 'one round at a time');
    await assertAccessible(page, 'rounds, one open');
  });

  test('a member with JavaScript fills an area: every change saves itself and says so', async () => {
    assert.ok(roundPath, 'the previous step opened a round');
    const page = await openAs(member);
    await setPasswordAndSignIn(page, memberLink, MEMBER);
    await page.getByRole('navigation', { name: 'Deze school' }).getByRole('link', { name: 'Zelfscan' }).click();
    assert.deepEqual(await tableRows(page.locator('main table')), [[ROUND, PERIOD, 'open', 'nog niet begonnen']]);
    assert.equal(await page.getByRole('heading', { name: 'Een ronde openen' }).count(), 0, 'a member opens no rounds');
    await assertAccessible(page, 'rounds (member)');

    await page.locator('main table').getByRole('link', { name: ROUND }).click();
    assert.equal(pathOf(page), roundPath);
    assert.deepEqual(await page.getByRole('heading', { level: 3 }).allInnerTexts(), [MENTOR]);
    const lines = await areaLines(page);
    assert.equal(lines.length, 4);
    for (const line of lines) assert.match(line, /^.+ 0 van \d+ uitspraken beantwoord$/);
    visionTotal = Number(lines.find((l) => l.startsWith('Visie en beleid')).match(/van (\d+)/)[1]);
    organisationTotal = Number(lines.find((l) => l.startsWith('Organisatie ')).match(/van (\d+)/)[1]);
    assert.equal(await page.getByRole('heading', { name: 'Wie is klaar' }).count(), 0, 'members do not see the team');
    assert.equal(await page.getByRole('button', { name: 'Ronde sluiten' }).count(), 0);
    await assertAccessible(page, 'round page (member)');

    await page.locator('main .progress-list').getByRole('link', { name: 'Visie en beleid' }).click();
    visionPath = pathOf(page);
    assert.equal(visionPath, `${roundPath}/begeleider/visie-en-beleid`);
    assert.equal(await heading(page), `${MENTOR} Visie en beleid`);
    assert.equal(await page.locator('main p.hint').first().innerText(), `0 van ${visionTotal} uitspraken beantwoord`);
    await assertAccessible(page, 'scan area, empty');

    // A task: a step of the scale, then a note.
    const statements = page.locator('fieldset.statement');
    const task = statements.first();
    taskCode = await task.locator('.code').innerText();
    assert.match(taskCode, /^BEG\.VIS\.T\d+$/);
    const taskState = task.locator('.save-state');
    assert.equal(await taskState.innerText(), '', 'nothing to say before a change');
    await changeAndSee(page, `keuze.${taskCode}`, taskState,
      () => task.getByLabel('doe ik deels', { exact: true }).check());
    // The count follows the answers at once, and the form's save button is not needed.
    assert.equal(await page.locator('#scan-progress').innerText(), `1 van ${visionTotal} uitspraken beantwoord`);
    assert.equal(await page.getByRole('button', { name: 'Opslaan' }).isVisible(), false, 'no save button with JavaScript');
    await changeAndSee(page, `notitie.${taskCode}`, taskState,
      () => task.getByLabel('Notitie (niet verplicht)').fill(TASK_NOTE));

    // A piece of expertise: its own words on the scale, and "wil ik bespreken".
    const expertise = statements.filter({ has: page.locator('.code', { hasText: /^BEG\.VIS\.D\d+$/ }) }).first();
    expertiseCode = await expertise.locator('.code').innerText();
    const expertiseState = expertise.locator('.save-state');
    await changeAndSee(page, `keuze.${expertiseCode}`, expertiseState,
      () => expertise.getByLabel('wil ik ontwikkelen', { exact: true }).check());
    assert.equal(await page.locator('#scan-progress').innerText(), `2 van ${visionTotal} uitspraken beantwoord`);
    await changeAndSee(page, `bespreken.${expertiseCode}`, expertiseState,
      () => expertise.getByLabel('Wil ik bespreken').check());

    // The notes of the area: a focus note and a reflection.
    await changeAndSee(page, 'focus.BEG.VIS.T', page.locator('.save-state[data-for="focus.BEG.VIS.T"]'),
      () => page.getByLabel('Aandachtsveld bij je taken: wat wil je oppakken of anders doen?').fill(FOCUS_NOTE));
    await changeAndSee(page, 'reflectie.BEG.VIS.rolmodel', page.locator('.save-state[data-for="reflectie.BEG.VIS.rolmodel"]'),
      () => page.getByLabel(/Hoe ben je bij visie en beleid een voorbeeld/).fill(REFLECTION));
    await assertAccessible(page, 'scan area, changes saved');

    // Reloading shows what the server has: the autosave reached it.
    await page.reload();
    assert.equal(pathOf(page), visionPath);
    assert.equal(await page.locator('main p.hint').first().innerText(), `2 van ${visionTotal} uitspraken beantwoord`);
    assert.ok(await task.getByLabel('doe ik deels', { exact: true }).isChecked());
    assert.equal(await task.getByLabel('Notitie (niet verplicht)').inputValue(), TASK_NOTE);
    assert.ok(await expertise.getByLabel('wil ik ontwikkelen', { exact: true }).isChecked());
    assert.ok(await expertise.getByLabel('Wil ik bespreken').isChecked());
    assert.ok(!(await task.getByLabel('Wil ik bespreken').isChecked()));
    assert.equal(await page.getByLabel('Aandachtsveld bij je taken: wat wil je oppakken of anders doen?').inputValue(), FOCUS_NOTE);
    assert.equal(await page.getByLabel(/Hoe ben je bij visie en beleid een voorbeeld/).inputValue(), REFLECTION);
    assert.equal(await taskState.innerText(), '', 'a fresh page has nothing to say yet');
    await assertAccessible(page, 'scan area, reloaded');

    // A note nearing its limit of 500 characters shows how many it has; a short one does not.
    const expertiseNote = expertise.getByLabel('Notitie (niet verplicht)');
    const counter = expertise.locator('.note-counter');
    await changeAndSee(page, `notitie.${expertiseCode}`, expertiseState, () => expertiseNote.fill('x'.repeat(420)));
    assert.equal(await counter.innerText(), '420 van 500 tekens');
    assert.ok(await counter.isVisible());
    await assertAccessible(page, 'scan area, a long note');
    await changeAndSee(page, `notitie.${expertiseCode}`, expertiseState, () => expertiseNote.fill(''));
    assert.equal(await counter.isVisible(), false);
  });

  test('a save that fails is not shown as saved, and is retried until it is', async () => {
    assert.ok(visionPath && taskCode, 'the previous step filled the area');
    const page = member.page;
    const task = page.locator('fieldset.statement').first();
    const state = task.locator('.save-state');
    const field = `keuze.${taskCode}`;

    let failures = 0;
    const fail = (route) => {
      failures += 1;
      return route.abort('connectionrefused');
    };
    await page.route('**/opslaan', fail);
    await recordStates(state);
    await task.getByLabel('doe ik', { exact: true }).check();
    await waitForState(state, RETRYING);
    // It tries again by itself (after 1 s, then 2 s, …), and still does not say "saved".
    for (let i = 0; i < 100 && failures < 2; i += 1) await page.waitForTimeout(100);
    assert.ok(failures >= 2, `the script retries a failed save (${failures} attempt(s) seen)`);
    await waitForState(state, RETRYING);
    assert.ok(!(await page.evaluate(() => window.seenStates)).includes(SAVED),
      'a failed save is never shown as saved');
    assert.equal(await page.locator(`input[type="hidden"][name="was.${field}"]`).inputValue(), 'deels',
      'the form still knows the value is not saved');
    await assertAccessible(page, 'scan area, a save failing');

    // The network comes back: the next attempt goes through and says so.
    const [saved] = await Promise.all([
      page.waitForResponse((r) => isSaveOf(field)(r.request()), { timeout: 20_000 }),
      page.unroute('**/opslaan', fail),
    ]);
    assert.equal(saved.status(), 200);
    await waitForState(state, SAVED);
    const seen = await page.evaluate(() => window.seenStates);
    assert.equal(seen.at(-1), SAVED);
    assert.equal(seen.indexOf(SAVED), seen.length - 1, `only the last state says saved: ${JSON.stringify(seen)}`);
    assert.ok(seen.includes(SAVING) && seen.includes(RETRYING), JSON.stringify(seen));
    assert.equal(await page.locator(`input[type="hidden"][name="was.${field}"]`).inputValue(), 'ja');

    await page.reload();
    assert.ok(await task.getByLabel('doe ik', { exact: true }).isChecked(), 'the retried value reached the server');
    assert.ok(!(await task.getByLabel('doe ik deels', { exact: true }).isChecked()));
  });

  test('a member without JavaScript fills an area with the form', async () => {
    assert.ok(roundPath, 'the first step opened a round');
    const page = await openAs(memberNoScript, { javaScriptEnabled: false });
    await signIn(page, MEMBER);
    await page.goto(url(roundPath));
    await page.locator('main .progress-list').getByRole('link', { name: 'Organisatie', exact: true }).click();
    const areaPath = pathOf(page);
    assert.equal(areaPath, `${roundPath}/begeleider/organisatie`);
    assert.equal(await heading(page), `${MENTOR} Organisatie`);
    assert.equal(await page.locator('main p.hint').first().innerText(), `0 van ${organisationTotal} uitspraken beantwoord`);

    const statements = page.locator('fieldset.statement');
    const task = statements.first();
    const expertise = statements.filter({ has: page.locator('.code', { hasText: /^BEG\.ORG\.D\d+$/ }) }).first();
    await task.getByLabel('niet mijn taak', { exact: true }).check();
    await task.getByLabel('Notitie (niet verplicht)').fill('doet de decaan');
    await expertise.getByLabel('beheers ik', { exact: true }).check();
    await expertise.getByLabel('Wil ik bespreken').check();
    await page.getByLabel('Aandachtsveld bij je deskundigheid: wat wil je ontwikkelen?').fill('roosters leren lezen');
    const saved = await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    assert.equal(saved.status(), 303);
    assert.equal(pathOf(page), areaPath);
    assert.equal(new URL(page.url()).search, '?klaar=1');
    assert.equal(await page.getByRole('status').innerText(), 'Je antwoorden zijn opgeslagen.');
    assert.equal(await page.locator('main p.hint').first().innerText(), `2 van ${organisationTotal} uitspraken beantwoord`);
    assert.ok(await task.getByLabel('niet mijn taak', { exact: true }).isChecked());
    assert.equal(await task.getByLabel('Notitie (niet verplicht)').inputValue(), 'doet de decaan');
    assert.ok(await expertise.getByLabel('beheers ik', { exact: true }).isChecked());
    assert.ok(await expertise.getByLabel('Wil ik bespreken').isChecked());
    assert.equal(await page.getByLabel('Aandachtsveld bij je deskundigheid: wat wil je ontwikkelen?').inputValue(),
      'roosters leren lezen');
    // The round page counts both areas: the one saved by the script and the one saved by the form.
    await page.goto(url(roundPath));
    const lines = await areaLines(page);
    assert.ok(lines.includes(`Visie en beleid 2 van ${visionTotal} uitspraken beantwoord`), lines.join('\n'));
    assert.ok(lines.includes(`Organisatie 2 van ${organisationTotal} uitspraken beantwoord`), lines.join('\n'));
    await page.goto(url(visionPath));
    assert.equal(await page.getByLabel('Aandachtsveld bij je taken: wat wil je oppakken of anders doen?').inputValue(), FOCUS_NOTE);
  });

  test('the member reads their overview, shares the scan with the coordinator, and withdraws it', async () => {
    const page = member.page;
    await page.goto(url(`/nl/scholen/${SHORT}/rondes`));
    await page.getByRole('link', { name: ROUND }).click();
    const roundPath = pathOf(page);
    await page.getByRole('link', { name: 'Je overzicht van deze ronde' }).click();
    assert.equal(pathOf(page), `${roundPath}/overzicht`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `Overzicht: ${ROUND}`);
    const main = await page.locator('main').innerText();
    assert.match(main, new RegExp(TASK_NOTE));
    assert.match(main, new RegExp(FOCUS_NOTE));
    assert.match(main, /Wat je al doet en beheerst/);
    assert.match(main, /Dit is je eerste ronde/);
    // Every chart is an image with its numbers in words, and a table with the same numbers.
    const charts = page.getByRole('img');
    assert.ok((await charts.count()) >= 4, 'a chart per area');
    assert.ok((await page.locator('svg.chart title').first().textContent()).includes('Wat je doet'));
    await assertAccessible(page, 'overview');

    // Both documents download, with the person's words in them.
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download als PDF' }).click(),
    ]);
    assert.equal(pdf.suggestedFilename(), 'raamwerk-overzicht-daan-visser-najaar-2026.pdf', 'named after the person and the round');
    const pdfText = execFileSync('pdftotext', [await pdf.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(pdfText.includes(TASK_NOTE), `the note is in the PDF: ${pdfText}`);
    assert.ok(pdfText.includes(`Overzicht van ${MEMBER.name}: ${ROUND}`), 'the document carries the name');
    assert.ok(pdfText.includes(SCHOOL), 'and the school');
    assert.ok(pdfText.includes('Gemaakt op'), 'and the date');
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download als Word-document (bewerkbaar)' }).click(),
    ]);
    assert.match(docx.suggestedFilename(), /\.docx$/);
    const documentXml = execFileSync('python3', ['-c',
      'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())', await docx.path()],
    { encoding: 'utf8' });
    assert.ok(documentXml.includes(TASK_NOTE), 'the note is in the editable document');
    assert.ok(documentXml.includes(FOCUS_NOTE), 'and the focus note');

    await page.goto(url(roundPath));
    await page.getByLabel('Delen met een collega').selectOption({ label: COORDINATOR.name });
    await page.getByRole('button', { name: 'Delen', exact: true }).click();
    assert.match(await page.locator('main').innerText(), new RegExp(`Gedeeld met ${COORDINATOR.name}`));
    await assertAccessible(page, 'round page, shared');

    const coordinatorPage = coordinator.page;
    await coordinatorPage.goto(url(roundPath));
    await coordinatorPage.getByRole('link', { name: `De scan van ${MEMBER.name}` }).click();
    assert.match(await coordinatorPage.locator('main').innerText(), new RegExp(TASK_NOTE));
    assert.match(await coordinatorPage.locator('main').innerText(), /heeft deze scan met je gedeeld/);
    // It reads in the third person, and the colleague downloads it for the conversation.
    const sharedMain = await coordinatorPage.locator('main').innerText();
    assert.match(sharedMain, new RegExp(`De notities van ${MEMBER.name}`));
    assert.match(sharedMain, new RegExp(`Wat ${MEMBER.name} al doet en beheerst`));
    assert.doesNotMatch(sharedMain, /Wat je al doet/);
    const [sharedPdf] = await Promise.all([
      coordinatorPage.waitForEvent('download'),
      coordinatorPage.getByRole('link', { name: 'Download als PDF' }).click(),
    ]);
    assert.equal(sharedPdf.suggestedFilename(), 'raamwerk-overzicht-daan-visser-najaar-2026.pdf');
    const sharedText = execFileSync('pdftotext', [await sharedPdf.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(sharedText.includes(TASK_NOTE), 'the shared document holds the note');
    assert.ok(sharedText.includes(`gedeeld met ${COORDINATOR.name}`), sharedText);
    await assertAccessible(coordinatorPage, 'a shared scan');
    const sharedPath = pathOf(coordinatorPage);

    // A third colleague, with whom it was not shared, finds no link and cannot open it.
    const third = { name: 'Joris de Boer', email: 'joris@baken.nl', password: 'blauwe kraan zingt elf liedjes' };
    const thirdLink = env.app.admin('admin', 'create-user', '--school', SHORT, '--email', third.email,
      '--name', third.name, '--permission', 'lid', '--roles', 'BEG', '--base-url', env.baseURL);
    const thirdContext = await env.browser.newContext();
    try {
      const thirdPage = await thirdContext.newPage();
      await setPasswordAndSignIn(thirdPage, thirdLink, third);
      await thirdPage.goto(url(roundPath));
      assert.equal(await thirdPage.getByRole('link', { name: `De scan van ${MEMBER.name}` }).count(), 0);
      const refused = await thirdPage.goto(url(sharedPath));
      assert.equal(refused.status(), 404);
      assert.doesNotMatch(await thirdPage.locator('main').innerText(), new RegExp(TASK_NOTE));
    } finally {
      await thirdContext.close();
    }

    await page.getByRole('button', { name: `Intrekken (niet meer delen met ${COORDINATOR.name})` }).click();
    const gone = await coordinatorPage.goto(url(sharedPath));
    assert.equal(gone.status(), 404);
  });

  test('the member reports the scan finished; the coordinator sees that, and nothing of its content', async () => {
    assert.ok(roundPath, 'the first step opened a round');
    const page = member.page;
    await page.goto(url(roundPath));
    assert.match(await page.locator('main').innerText(), new RegExp(`Visie en beleid 2 van ${visionTotal} uitspraken beantwoord`));
    const finished = await submit(page, page.getByRole('button', { name: 'Mijn scan is klaar' }));
    assert.equal(finished.status(), 303);
    assert.equal(pathOf(page), roundPath);
    assert.match(await page.locator('main').innerText(),
      /Je hebt je scan klaar gemeld\. Je kunt hem blijven aanpassen zolang de ronde open is\./);
    assert.ok(await page.getByRole('button', { name: 'Toch nog niet klaar' }).isVisible());
    assert.equal(await page.getByRole('button', { name: 'Mijn scan is klaar' }).count(), 0);
    await assertAccessible(page, 'round page (member, finished)');
    await page.getByRole('link', { name: 'Alle rondes' }).click();
    assert.deepEqual(await tableRows(page.locator('main table')), [[ROUND, PERIOD, 'open', 'klaar']]);

    const coordinatorPage = coordinator.page;
    await coordinatorPage.goto(url(roundPath));
    // The coordinator answered nothing: finishing asks first, with a box the form requires.
    const empty = coordinatorPage.getByLabel('Ja, ik heb nog geen enkele uitspraak beantwoord en meld mijn scan toch als klaar.');
    assert.ok(await empty.isVisible());
    assert.equal(await empty.getAttribute('required'), '');
    assert.ok(await coordinatorPage.getByRole('heading', { level: 2, name: 'Wie is klaar' }).isVisible());
    const team = coordinatorPage.getByRole('table', { name: /klaar$/ });
    const rows = await tableRows(team);
    assert.deepEqual(rows.find((r) => r[0] === MEMBER.name), [MEMBER.name, 'klaar']);
    assert.deepEqual(rows.find((r) => r[0] === COORDINATOR.name), [COORDINATOR.name, 'nog niet begonnen']);
    assert.equal(await team.locator('caption').innerText(), `1 van ${rows.length} klaar`);
    assert.match(await coordinatorPage.locator('main').innerText(),
      /Je ziet alleen wie zijn of haar scan klaar heeft, niet wat erin staat\./);
    const html = await coordinatorPage.content();
    for (const note of [TASK_NOTE, FOCUS_NOTE, REFLECTION, 'doet de decaan', 'roosters leren lezen']) {
      assert.ok(!html.includes(note), `the coordinator's page shows nothing of the scan ("${note}")`);
    }
    await assertAccessible(page, 'rounds (member, finished)');
    await assertAccessible(coordinatorPage, 'round page (coordinator, one finished)');
  });

  test('the coordinator closes the round; the scan stays readable but cannot be changed', async () => {
    assert.ok(roundPath && visionPath, 'the earlier steps opened a round and filled an area');
    // The member has an area open while the round is closed.
    const page = member.page;
    await page.goto(url(visionPath));
    await assertAccessible(page, 'scan area, before the round closes');

    const coordinatorPage = coordinator.page;
    // Closing asks first: without the tick the browser keeps the form, and nothing closes.
    const closeButton = coordinatorPage.getByRole('button', { name: 'Ronde sluiten' });
    await closeButton.click();
    assert.equal(pathOf(coordinatorPage), roundPath, 'the unticked form was not sent');
    const confirm = coordinatorPage.locator('form[action$="/sluiten"] label', { has: coordinatorPage.locator('input[name="bevestig"]') });
    assert.match(
      (await confirm.innerText()).trim(),
      /^Ja, sluit deze ronde voor iedereen\. Nog niet klaar: \d+ van \d+ scans\.$/,
      'the confirmation says how many scans are unfinished',
    );
    await confirm.locator('input').check();
    const closed = await submit(coordinatorPage, closeButton);
    assert.equal(closed.status(), 303);
    assert.equal(pathOf(coordinatorPage), roundPath);
    const main = await coordinatorPage.locator('main').innerText();
    assert.match(main, new RegExp(`${PERIOD} · gesloten`));
    assert.match(main, new RegExp(CLOSED_TEXT.replace(/[.]/g, '\\.')));
    assert.equal(await coordinatorPage.getByRole('button', { name: 'Ronde sluiten' }).count(), 0);
    assert.equal(await coordinatorPage.getByRole('button', { name: 'Mijn scan is klaar' }).count(), 0);
    assert.ok(await coordinatorPage.getByRole('button', { name: 'Ronde weer openen' }).isVisible(), 'a mistake can be undone');
    assert.ok(await coordinatorPage.getByRole('heading', { name: 'Wie is klaar' }).isVisible(), 'still readable');
    await assertAccessible(coordinatorPage, 'round page (coordinator, closed)');
    await coordinatorPage.getByRole('link', { name: 'Alle rondes' }).click();
    assert.deepEqual(await tableRows(coordinatorPage.locator('main table')), [[ROUND, PERIOD, 'gesloten', 'nog niet begonnen']]);
    assert.ok(await coordinatorPage.getByRole('button', { name: 'Ronde openen' }).isVisible(), 'a new round can be opened');
    await assertAccessible(coordinatorPage, 'rounds, all closed');

    // The page loaded before closing: a change is refused with the server's reason, not saved.
    const focus = page.getByLabel('Aandachtsveld bij je taken: wat wil je oppakken of anders doen?');
    const state = page.locator('.save-state[data-for="focus.BEG.VIS.T"]');
    await recordStates(state);
    const [refused] = await Promise.all([
      page.waitForResponse((r) => isSaveOf('focus.BEG.VIS.T')(r.request())),
      focus.fill(LATE_NOTE),
    ]);
    assert.equal(refused.status(), 409);
    await state.filter({ hasText: new RegExp(`^${FAILED}: `) }).waitFor();
    assert.match(await state.innerText(), /^Niet opgeslagen: Deze ronde is gesloten: .*niet meer te wijzigen\.$/);
    assert.ok(!(await page.evaluate(() => window.seenStates)).includes(SAVED));
    await assertAccessible(page, 'scan area, a change refused after closing');

    // The form, sent as a whole, is refused too, and says why; leaving asks first.
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      dialog.accept();
    });
    // With JavaScript the form's own save button is hidden; the form still posts as a whole
    // (as when a person presses Enter in it).
    assert.equal(await page.getByRole('button', { name: 'Opslaan' }).isVisible(), false);
    const [posted] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
      page.locator('#scan-form').evaluate((form) => form.requestSubmit()),
    ]);
    await page.waitForLoadState('load');
    assert.deepEqual(dialogs, ['beforeunload'], 'leaving with a refused change asks first');
    assert.equal(posted.status(), 409);
    assert.equal(pathOf(page), visionPath);
    const alert = page.getByRole('alert');
    assert.match(await alert.innerText(), /Er is niets opgeslagen/);
    assert.match(await alert.innerText(), /niet meer te wijzigen/);
    assert.equal(await alert.getByRole('link').first().getAttribute('href'), '#scan-form');
    assert.equal(await page.getByRole('button', { name: 'Opslaan' }).count(), 0);
    await assertAccessible(page, 'scan area, form refused after closing');

    // Read again: the round is closed, the answers are there, nothing can be changed.
    await page.goto(url(visionPath));
    assert.equal(pathOf(page), visionPath);
    assert.equal(await page.locator('main p.notice').innerText(), CLOSED_TEXT);
    assert.equal(await page.getByRole('button', { name: 'Opslaan' }).count(), 0, 'no save button');
    assert.equal(await page.locator('script[src*="scan.js"]').count(), 0, 'no script');
    const task = page.locator('fieldset.statement').first();
    assert.ok(await task.getByLabel('doe ik', { exact: true }).isChecked());
    assert.ok(await task.getByLabel('doe ik', { exact: true }).isDisabled());
    assert.equal(await task.getByLabel('Notitie (niet verplicht)').inputValue(), TASK_NOTE);
    assert.equal(await task.getByLabel('Notitie (niet verplicht)').getAttribute('readonly'), '');
    assert.equal(await focus.inputValue(), FOCUS_NOTE, 'the refused note was not saved');
    assert.ok(!(await focus.isEditable()));
    await assertAccessible(page, 'scan area, round closed');

    await page.goto(url(roundPath));
    const roundText = await page.locator('main').innerText();
    assert.match(roundText, new RegExp(`${PERIOD} · gesloten`));
    assert.equal(await page.getByRole('button', { name: 'Toch nog niet klaar' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Mijn scan is klaar' }).count(), 0);
    await assertAccessible(page, 'round page (member, closed)');

    // Without JavaScript, the same: no save button.
    const noScript = memberNoScript.page;
    await noScript.goto(url(`${roundPath}/begeleider/organisatie`));
    assert.equal(await noScript.locator('main p.notice').innerText(), CLOSED_TEXT);
    assert.equal(await noScript.getByRole('button', { name: 'Opslaan' }).count(), 0);
    assert.ok(await noScript.locator('fieldset.statement').first().getByLabel('niet mijn taak', { exact: true }).isChecked());
  });
  test('a visitor without an account does the quick scan and downloads it; nothing is kept', async () => {
    const context = await env.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(url('/nl/'));
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Snelle zelfscan' }).click();
      assert.equal(pathOf(page), '/nl/zelfscan');
      assert.match(await page.locator('main').innerText(), /Raamwerk bewaart hier niets/);
      await assertAccessible(page, 'quick scan, choosing roles');
      await page.getByLabel(MENTOR).check();
      await page.getByRole('button', { name: 'Beginnen' }).click();
      await assertAccessible(page, 'quick scan, the form');
      const first = page.locator('fieldset.statement').first();
      await first.getByLabel('wil ik oppakken', { exact: true }).check();
      await first.getByLabel('Notitie (niet verplicht)').fill('alleen in deze pagina');
      await page.getByRole('button', { name: 'Bekijk je overzicht' }).click();
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Je overzicht');
      assert.match(await page.locator('main').innerText(), /alleen in deze pagina/);
      await assertAccessible(page, 'quick scan, the overview');
      const [pdf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download als PDF' }).click(),
      ]);
      const text = execFileSync('pdftotext', [await pdf.path(), '-'], { encoding: 'utf8' });
      assert.match(text.replace(/\s+/g, ' '), /alleen in deze pagina/);
      await page.getByRole('button', { name: 'Terug naar je antwoorden' }).click();
      assert.equal(await page.locator('fieldset.statement').first().getByLabel('Notitie (niet verplicht)').inputValue(),
        'alleen in deze pagina', 'the answers came back with the page');

      // Switching language keeps the roles and, with JavaScript, the answers (in this tab only).
      const second = page.locator('fieldset.statement').nth(1);
      await second.getByLabel('doe ik deels', { exact: true }).check();
      await page.locator('a.lang-switch').click();
      assert.equal(pathOf(page), '/en/self-scan');
      assert.equal(new URL(page.url()).search, '?rol=BEG');
      const firstEn = page.locator('fieldset.statement').first();
      assert.equal(await firstEn.getByLabel('Note (optional)').inputValue(), 'alleen in deze pagina');
      assert.ok(await firstEn.getByLabel('I want to take this up', { exact: true }).isChecked());
      assert.ok(await page.locator('fieldset.statement').nth(1).getByLabel('I do this in part', { exact: true }).isChecked());
      // Nothing of it reached the server: a new tab has no answers.
      const fresh = await context.newPage();
      await fresh.goto(url('/en/self-scan?rol=BEG'));
      assert.equal(await fresh.locator('fieldset.statement').first().getByLabel('Note (optional)').inputValue(), '');
    } finally {
      await context.close();
    }
  });
});
