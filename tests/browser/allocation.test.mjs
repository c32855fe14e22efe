// "Wie doet wat" (who does what) and the LOB hours: a member answers "doe ik" for a task in a
// round and, without JavaScript, lets the task answers count; before that the coordinator sees
// nothing of it, afterwards the suggestion on the tasks page and on the task's page. Without
// JavaScript the coordinator turns it into an agreement ("Afspreken: voert uit"), adds a
// responsible person and a new partner and sets the task's category and hours; a second
// responsible party is refused (422). The conversation points change with it. On the hours
// page the coordinator chooses the VvSL formula with 2 decanen and 600 students (1.300 hours)
// and gives the member hours. Both documents download. The member cannot open the task page
// (403), nor change it, but finds the agreement under "mijn taken"; when the member stops
// letting the answers count, the suggestion is gone. axe-core runs on the tasks page (several
// views), the task page (also refused), the hours page (coordinator and member) and the round
// page with its "Wie doet wat" section, always in a browser context with JavaScript.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathOf, useAppAndBrowser } from './harness.mjs';
import { assertAccessible, heading, submit } from './steps.mjs';

const SCHOOL = 'De Wegwijzer Scholengemeenschap';
const SHORT = 'de-wegwijzer-scholengemeenschap';
const COORDINATOR = { name: 'Sanne Bakker', email: 'sanne@wegwijzer.nl', password: 'paars kompas vindt zeven tulpen' };
const MEMBER = { name: 'Daan Visser', email: 'daan@wegwijzer.nl', password: 'groene fiets leest oude wolken' };

const YEAR = '2026-2027';
const TASKS = `/nl/scholen/${SHORT}/taken`;
const TASKS_OF_YEAR = `${TASKS}?jaar=${YEAR}`;
const HOURS = `${TASKS}/uren`;
const HOURS_OF_YEAR = `${HOURS}?jaar=${YEAR}`;

// The task the member says they do, and another that stays without agreements.
const TASK = 'BEG.VIS.T1';
const OTHER_TASK = 'BEG.VIS.T2';
const TASK_PATH = `${TASKS}/${TASK}`;
const TASK_OF_YEAR = `${TASK_PATH}?jaar=${YEAR}`;
const PARTNER = 'Jongerenwerk Noord';
const ROUND = 'najaar 2026';

const SAYS = `${MEMBER.name} zegt ${TASK} te doen of te willen oppakken, maar heeft er in de afspraken geen rol in.`;
const NO_RESPONSIBLE = `Voor ${TASK} is nog niemand verantwoordelijk.`;
const NO_CARRIER = `${TASK} voert nog niemand uit.`;
const OTHER_NO_RESPONSIBLE = `Voor ${OTHER_TASK} is nog niemand verantwoordelijk.`;
const TOO_MANY_HOURS = `De taken die ${MEMBER.name} uitvoert, vragen 12,5 uur; er staan 0 uur voor.`;
const FEED_OFF = /^Je taakantwoorden van deze ronde tellen niet mee in 'Wie doet wat'\./;
const FEED_ON = /^Je taakantwoorden van deze ronde tellen mee in 'Wie doet wat'/;
const ALREADY_RESPONSIBLE = 'Deze taak heeft al iemand die verantwoordelijk is';

/** Clicks a submit button and returns the response to the form's POST (before any redirect). */
/** The text of every cell (th and td) of each body row of the table, as arrays. */
async function tableRows(table) {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.innerText.replace(/\s+/g, ' ').trim())));
}

/** The page's main heading, on one line. */
/**
 * The lines of the "Om over te praten" section (a collapsed summary after the allocation),
 * without the link to the task each line may end with.
 */
async function attentionLines(page) {
  const region = page.getByRole('region', { name: 'Om over te praten' });
  return region.locator('li').evaluateAll((items) => items.map((li) => {
    const copy = li.cloneNode(true);
    for (const link of copy.querySelectorAll('a')) link.remove();
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }));
}

/** The links to tasks in the "Om over te praten" section: [text, href]. */
async function attentionLinks(page) {
  const region = page.getByRole('region', { name: 'Om over te praten' });
  return region.locator('li a').evaluateAll((links) => links.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
}

/** The cells of a task's row on the tasks page: [task, responsible, carries out, involved, said]. */
async function taskRow(page, code) {
  const row = page.locator(`main tr[id="${code}"]`);
  assert.equal(await row.count(), 1, `one row for ${code}`);
  // A coordinator's rows start with a box to choose the task; that cell is left out.
  return row.locator('td:not(.choose)').evaluateAll((tds) => tds.map((td) => td.innerText.replace(/\s+/g, ' ').trim()));
}

/** The agreements of the task page, each on one line, without the button. */
async function agreementLines(page) {
  const region = page.getByRole('region', { name: 'Afspraken' });
  return region.locator('li').evaluateAll((items) =>
    items.map((li) => [...li.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent).join(' ').replace(/\s+/g, ' ').trim()));
}

describe('who does what, and the LOB hours', () => {
  const env = useAppAndBrowser({ before, after });
  // Each person in their own browser context (own cookies), kept across the steps. The
  // deciding steps are done in the contexts without JavaScript; axe runs in the others.
  const coordinator = { context: null, page: null };
  const coordinatorNoScript = { context: null, page: null };
  const member = { context: null, page: null };
  const memberNoScript = { context: null, page: null };
  const links = {};
  let roundPath = null;
  let memberValue = null;
  let tmp = null;

  const url = (p) => `${env.baseURL}${p}`;

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

  function createUser(person, permission, roles) {
    return env.app.admin('admin', 'create-user', '--school', SHORT, '--email', person.email,
      '--name', person.name, '--permission', permission, '--roles', roles, '--base-url', env.baseURL);
  }

  function today() {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

  after(async () => {
    for (const who of [coordinator, coordinatorNoScript, member, memberNoScript]) {
      if (who.context) await who.context.close().catch(() => {});
    }
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('a coordinator opens a round; the round page has no "Wie doet wat" before a scan begins', async () => {
    const school = env.app.admin('admin', 'create-school', '--name', SCHOOL, '--sector', 'vo',
      '--students', '800', '--region', 'Drenthe');
    assert.equal(school, SHORT);
    links.coordinator = createUser(COORDINATOR, 'coordinator', 'SPE,COO');
    links.member = createUser(MEMBER, 'lid', 'BEG');
    assert.match(links.member, /\/nl\/wachtwoord-instellen\/[0-9a-f]{64}$/);

    const page = await openAs(coordinator);
    await setPasswordAndSignIn(page, links.coordinator, COORDINATOR);
    const schoolNav = page.getByRole('navigation', { name: 'Deze school' });
    assert.deepEqual(await schoolNav.getByRole('link').allInnerTexts(),
      ['Start', 'Zelfscan', 'Ontwikkelplan', 'Gesprekken', 'Teamoverleg', 'Wie doet wat', 'Ons raamwerk', 'Visie', 'Leerlingenenquête', 'Leden', 'Netwerken']);
    await schoolNav.getByRole('link', { name: 'Zelfscan' }).click();
    const form = page.getByRole('form', { name: 'Een ronde openen' });
    await form.getByLabel('Naam', { exact: true }).fill(ROUND);
    await form.getByLabel('Begindatum').fill(today());
    const opened = await submit(page, form.getByRole('button', { name: 'Ronde openen' }));
    assert.equal(opened.status(), 303);
    assert.match(pathOf(page), new RegExp(`^/nl/scholen/${SHORT}/rondes/[0-9a-f-]{36}$`));
    roundPath = pathOf(page);
    assert.equal(await page.locator('h2#wie-doet-wat').count(), 0, 'the coordinator has not begun a scan');

    const memberPage = await openAs(member);
    await setPasswordAndSignIn(memberPage, links.member, MEMBER);
    assert.deepEqual(await memberPage.getByRole('navigation', { name: 'Deze school' }).getByRole('link').allInnerTexts(),
      ['Start', 'Zelfscan', 'Ontwikkelplan', 'Gesprekken', 'Teamoverleg', 'Wie doet wat', 'Ons raamwerk', 'Visie', 'Leerlingenenquête']);
    await memberPage.goto(url(roundPath));
    assert.equal(await heading(memberPage), ROUND);
    assert.equal(await memberPage.locator('h2#wie-doet-wat').count(), 0, 'nothing to count before the scan begins');
    assert.equal(await memberPage.getByRole('button', { name: 'Laat mijn taakantwoorden meetellen' }).count(), 0);
  });

  test('without JavaScript, a member answers "doe ik" for a task and lets the task answers count', async () => {
    assert.ok(roundPath, 'the previous step opened a round');
    const page = await openAs(memberNoScript, { javaScriptEnabled: false });
    await signIn(page, MEMBER);
    await page.goto(url(roundPath));
    await page.locator('main .progress-list').getByRole('link', { name: 'Visie en beleid' }).click();
    const areaPath = `${roundPath}/begeleider/visie-en-beleid`;
    assert.equal(pathOf(page), areaPath);
    const task = page.locator(`fieldset[id="s-${TASK}"]`);
    assert.equal(await task.locator('.code').innerText(), TASK);
    await task.getByLabel('doe ik', { exact: true }).check();
    const saved = await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    assert.equal(saved.status(), 303);
    assert.equal(pathOf(page), areaPath);
    assert.equal(await page.getByRole('status').innerText(), 'Je antwoorden zijn opgeslagen.');
    assert.ok(await page.locator(`fieldset[id="s-${TASK}"]`).getByLabel('doe ik', { exact: true }).isChecked());

    // The scan has begun: the round page asks whether the task answers count. They do not yet.
    await page.goto(url(roundPath));
    const feedHeading = page.locator('h2#wie-doet-wat');
    assert.equal(await feedHeading.innerText(), 'Wie doet wat');
    assert.match(await page.locator('h2#wie-doet-wat + p').innerText(), FEED_OFF);
    assert.equal(await page.getByRole('button', { name: 'Niet meer laten meetellen' }).count(), 0);

    // Until the member chooses, the coordinator sees nothing of the answer.
    const coordinatorPage = coordinator.page;
    await coordinatorPage.goto(url(TASKS_OF_YEAR));
    assert.deepEqual((await taskRow(coordinatorPage, TASK)).slice(1), ['', '', '', '']);
    const unfed = await attentionLines(coordinatorPage);
    assert.ok(unfed.includes(NO_RESPONSIBLE), unfed.join('\n'));
    assert.ok(!unfed.includes(SAYS), `no suggestion before the member lets it count:\n${unfed.join('\n')}`);
    await coordinatorPage.goto(url(TASK_OF_YEAR));
    assert.equal(await coordinatorPage.getByRole('region', { name: 'Wat mensen in hun scan zeiden' }).count(), 0);

    // The member lets the task answers count, with the form.
    const feedForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Laat mijn taakantwoorden meetellen' }) });
    assert.equal(await feedForm.getAttribute('action'), `${roundPath}/wie-doet-wat`);
    assert.equal(await feedForm.getAttribute('method'), 'post');
    assert.equal(await feedForm.locator('input[type="hidden"][name="aan"]').inputValue(), '1');
    const fed = await submit(page, page.getByRole('button', { name: 'Laat mijn taakantwoorden meetellen' }));
    assert.equal(fed.status(), 303);
    assert.equal(pathOf(page), roundPath);
    assert.equal(new URL(page.url()).hash, '#wie-doet-wat');
    assert.match(await page.locator('h2#wie-doet-wat + p').innerText(), FEED_ON);
    assert.ok(await page.getByRole('button', { name: 'Niet meer laten meetellen' }).isVisible());
    assert.equal(await page.getByRole('button', { name: 'Laat mijn taakantwoorden meetellen' }).count(), 0);

    // axe needs JavaScript: the same round page in the member's other browser.
    await member.page.goto(url(roundPath));
    assert.match(await member.page.locator('h2#wie-doet-wat + p').innerText(), FEED_ON);
    await assertAccessible(member.page, 'round page with the "Wie doet wat" section');
  });

  test('the coordinator sees the suggestion on the tasks page, in several views', async () => {
    const page = coordinator.page;
    await page.goto(url(`/nl/scholen/${SHORT}`));
    const schoolNav = page.getByRole('navigation', { name: 'Deze school' });
    await schoolNav.getByRole('link', { name: 'Wie doet wat' }).click();
    assert.equal(pathOf(page), TASKS);
    assert.equal(await schoolNav.getByRole('link', { name: 'Wie doet wat' }).getAttribute('aria-current'), 'page');
    assert.equal(await heading(page), `Wie doet wat schooljaar ${YEAR}`, 'this school year by default');

    await page.goto(url(TASKS_OF_YEAR));
    assert.equal(await heading(page), `Wie doet wat schooljaar ${YEAR}`);
    const views = page.getByRole('navigation', { name: 'Weergaven' });
    assert.deepEqual(await views.getByRole('link').allInnerTexts(),
      ['per aandachtsgebied', 'per rol', 'per soort taak', 'per persoon', 'mijn taken']);
    assert.deepEqual(await views.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      ['gebied', 'rol', 'categorie', 'persoon', 'mijn'].map((v) => `${TASKS}?jaar=${YEAR}&weergave=${v}`));
    assert.equal(await views.getByRole('link', { name: 'per aandachtsgebied' }).getAttribute('aria-current'), 'page');

    const lines = await attentionLines(page);
    for (const line of [NO_RESPONSIBLE, NO_CARRIER, SAYS, OTHER_NO_RESPONSIBLE]) {
      assert.ok(lines.includes(line), `"${line}" in:\n${lines.join('\n')}`);
    }
    // The points come after the allocation, folded into one line, each with its task's text
    // and a link to the task.
    const attention = page.locator('details.attention');
    assert.equal(await attention.getAttribute('open'), null, 'folded');
    assert.match(await attention.locator('summary').innerText(), /^\d+ punten om over te praten; open om te lezen$/);
    const order = await page.locator('main h2').allInnerTexts();
    const groupHeadings = await page.locator('main section.task-group h2').allInnerTexts();
    assert.ok(order.indexOf('Om over te praten') > order.indexOf(groupHeadings.at(-1)),
      `after the allocation: ${order.join(' | ')}`);
    const links = await attentionLinks(page);
    assert.ok(links.some(([text, href]) => text.length > 10 && href.startsWith(`${TASKS}/`)), JSON.stringify(links));
    const table = page.locator(`main tr[id="${TASK}"]`).locator('xpath=ancestor::table');
    assert.deepEqual(await table.locator('thead th:not(.choose)').allInnerTexts(),
      ['Taak', 'Verantwoordelijk', 'Voert uit', 'Betrokken', 'Volgens de scans']);
    const [taskCell, ...rest] = await taskRow(page, TASK);
    assert.match(taskCell, new RegExp(`^${TASK.replace(/\./g, '\\.')} .+ begeleidend Afspraken maken ${TASK.replace(/\./g, '\\.')}$`));
    assert.deepEqual(rest, ['', '', '', `${MEMBER.name} (doe ik)`]);
    assert.equal(await page.getByRole('link', { name: `Afspraken maken ${TASK}`, exact: true }).getAttribute('href'),
      TASK_OF_YEAR);
    assert.equal(await page.getByRole('link', { name: 'LOB-uren' }).getAttribute('href'), HOURS_OF_YEAR);
    await assertAccessible(page, 'tasks page, per area');

    await views.getByRole('link', { name: 'per rol' }).click();
    assert.equal(new URL(page.url()).searchParams.get('weergave'), 'rol');
    assert.equal(await views.getByRole('link', { name: 'per rol' }).getAttribute('aria-current'), 'page');
    assert.deepEqual(await page.locator('main section.task-group h2').allInnerTexts(),
      ['Begeleider primair proces', 'Specialistisch loopbaanbegeleider', 'Coördinator/beleidsmaker LOB']);
    assert.equal((await taskRow(page, TASK)).at(-1), `${MEMBER.name} (doe ik)`);
    await assertAccessible(page, 'tasks page, per role');
  });

  test('the task page shows what the member said', async () => {
    const page = coordinator.page;
    await page.goto(url(TASKS_OF_YEAR));
    await page.getByRole('link', { name: `Afspraken maken ${TASK}`, exact: true }).click();
    assert.equal(pathOf(page), TASK_PATH);
    assert.equal(new URL(page.url()).searchParams.get('jaar'), YEAR);
    assert.equal(await heading(page), `Taak ${TASK} schooljaar ${YEAR}`);
    assert.match(await page.getByRole('region', { name: 'Afspraken' }).innerText(), /Voor deze taak zijn nog geen afspraken\./);
    const said = page.getByRole('region', { name: 'Wat mensen in hun scan zeiden' });
    assert.match(await said.locator('li').innerText(), new RegExp(`^${MEMBER.name}: doe ik`));
    assert.ok(await said.getByRole('button', { name: `Afspreken: voert uit (${MEMBER.name})` }).isVisible());
    const party = page.getByLabel('Wie', { exact: true });
    assert.deepEqual(await party.locator('optgroup').evaluateAll((gs) => gs.map((g) => g.label)),
      ['Mensen', 'Rollen', 'Partners']);
    const values = await party.locator('option').evaluateAll((os) => os.map((o) => o.value));
    for (const value of ['role:BEG', 'role:SPE', 'role:COO', 'outside:ouders', 'own:']) {
      assert.ok(values.includes(value), `${value} in ${values}`);
    }
    memberValue = await party.locator('optgroup[label="Mensen"] option', { hasText: MEMBER.name }).getAttribute('value');
    assert.match(memberValue, /^person:[0-9a-f-]{36}$/);
    assert.deepEqual(await page.getByLabel('Rol in de taak').locator('option').evaluateAll((os) => os.map((o) => o.value)),
      ['verantwoordelijk', 'uitvoerend', 'betrokken']);
    assert.equal(await page.getByLabel('Soort taak', { exact: true }).inputValue(), 'begeleidend');
    assert.equal(await page.getByLabel('Uren per jaar (mag leeg)').inputValue(), '');
    await assertAccessible(page, 'task page, no agreements yet');
  });

  test('without JavaScript, the coordinator makes the agreements and sets the hours of the task', async () => {
    const page = await openAs(coordinatorNoScript, { javaScriptEnabled: false });
    await signIn(page, COORDINATOR);
    await page.goto(url(TASK_OF_YEAR));

    // The suggestion becomes an agreement.
    const said = page.getByRole('region', { name: 'Wat mensen in hun scan zeiden' });
    const agreed = await submit(page, said.getByRole('button', { name: `Afspreken: voert uit (${MEMBER.name})` }));
    assert.equal(agreed.status(), 303);
    assert.equal(pathOf(page), TASK_PATH);
    assert.equal(new URL(page.url()).searchParams.get('jaar'), YEAR);
    assert.deepEqual(await agreementLines(page), [`${MEMBER.name} — voert uit`]);

    // A responsible person.
    const add = page.getByRole('region', { name: 'Een afspraak toevoegen' });
    await add.getByLabel('Wie', { exact: true }).selectOption({ label: COORDINATOR.name });
    await add.getByLabel('Rol in de taak').selectOption('verantwoordelijk');
    const responsible = await submit(page, add.getByRole('button', { name: 'Toevoegen' }));
    assert.equal(responsible.status(), 303);
    assert.deepEqual(await agreementLines(page), [`${MEMBER.name} — voert uit`, `${COORDINATOR.name} — verantwoordelijk`]);

    // A new partner, involved.
    await add.getByLabel('Wie', { exact: true }).selectOption('own:');
    await add.getByLabel('Naam van de nieuwe partner').fill(PARTNER);
    await add.getByLabel('Rol in de taak').selectOption('betrokken');
    const partner = await submit(page, add.getByRole('button', { name: 'Toevoegen' }));
    assert.equal(partner.status(), 303);
    const lines = await agreementLines(page);
    assert.equal(lines.length, 3, lines.join('\n'));
    assert.ok(lines.includes(`${PARTNER} — betrokken`), lines.join('\n'));
    assert.ok(await page.getByRole('button', { name: `Weghalen ${PARTNER}, betrokken` }).isVisible());
    assert.equal(await add.getByLabel('Wie', { exact: true }).locator('optgroup[label="Partners"] option', { hasText: PARTNER })
      .getAttribute('value'), `own:${PARTNER}`, 'the new partner can be chosen from now on');

    // The kind of task and its hours.
    const kind = page.getByRole('region', { name: 'Soort taak en uren' });
    await kind.getByLabel('Soort taak', { exact: true }).selectOption('specialistisch');
    await kind.getByLabel('Uren per jaar (mag leeg)').fill('12,5');
    const set = await submit(page, kind.getByRole('button', { name: 'Opslaan' }));
    assert.equal(set.status(), 303);
    assert.equal(await page.getByLabel('Soort taak', { exact: true }).inputValue(), 'specialistisch');
    assert.equal(await page.getByLabel('Uren per jaar (mag leeg)').inputValue(), '12,5');
  });

  test('a second responsible party is refused and nothing changes', async () => {
    const page = coordinator.page;
    await page.goto(url(TASK_OF_YEAR));
    assert.equal((await agreementLines(page)).length, 3);
    await assertAccessible(page, 'task page with agreements');

    const add = page.getByRole('region', { name: 'Een afspraak toevoegen' });
    await add.getByLabel('Wie', { exact: true }).selectOption('outside:ouders');
    await add.getByLabel('Rol in de taak').selectOption('verantwoordelijk');
    const refused = await submit(page, add.getByRole('button', { name: 'Toevoegen' }));
    assert.equal(refused.status(), 422);
    assert.equal(pathOf(page), TASK_PATH);
    const alert = page.getByRole('alert');
    assert.match(await alert.innerText(), /Niet gewijzigd/);
    assert.ok((await alert.innerText()).includes(ALREADY_RESPONSIBLE), await alert.innerText());
    const lines = await agreementLines(page);
    assert.equal(lines.length, 3, lines.join('\n'));
    assert.ok(!lines.some((l) => l.startsWith('ouders/verzorgers')), lines.join('\n'));
    await assertAccessible(page, 'task page, second responsible refused (422)');
  });

  test('the tasks page shows the agreements, and the conversation points change', async () => {
    const page = coordinator.page;
    await page.goto(url(TASKS_OF_YEAR));
    const [taskCell, ...rest] = await taskRow(page, TASK);
    assert.ok(taskCell.includes('coördinerend en specialistisch · 12,5 uur per jaar'), taskCell);
    assert.deepEqual(rest, [COORDINATOR.name, MEMBER.name, PARTNER, `${MEMBER.name} (doe ik)`]);
    const lines = await attentionLines(page);
    for (const gone of [NO_RESPONSIBLE, NO_CARRIER, SAYS]) {
      assert.ok(!lines.includes(gone), `"${gone}" is no longer there:\n${lines.join('\n')}`);
    }
    assert.ok(lines.includes(OTHER_NO_RESPONSIBLE), 'the other tasks still need someone');
    assert.ok(lines.includes(TOO_MANY_HOURS), `the member has no hours for the task yet:\n${lines.join('\n')}`);

    // Per kind of task: the task moved to its new kind.
    await page.getByRole('navigation', { name: 'Weergaven' }).getByRole('link', { name: 'per soort taak' }).click();
    const group = page.locator('main section.task-group').filter({ has: page.locator(`tr[id="${TASK}"]`) });
    assert.equal(await group.locator('h2').innerText(), 'coördinerend en specialistisch');
    await assertAccessible(page, 'tasks page, per kind of task');

    // Per person: each person with a part by name, with their hours.
    await page.getByRole('navigation', { name: 'Weergaven' }).getByRole('link', { name: 'per persoon' }).click();
    const headings = await page.locator('main section.task-group h2').allInnerTexts();
    assert.ok(headings.includes(`${MEMBER.name} — taken 12,5 uur, beschikbaar 0 uur`), headings.join('\n'));
    assert.ok(headings.some((h) => h.startsWith(COORDINATOR.name)), headings.join('\n'));
  });

  test('on the hours page the coordinator chooses the formula and gives the member hours', async () => {
    // The formula, without JavaScript.
    const noScript = coordinatorNoScript.page;
    await noScript.goto(url(TASKS_OF_YEAR));
    await noScript.getByRole('link', { name: 'LOB-uren' }).click();
    assert.equal(pathOf(noScript), HOURS);
    assert.equal(await heading(noScript), `LOB-uren schooljaar ${YEAR}`);
    const formula = noScript.getByRole('region', { name: 'Formule' });
    await formula.getByRole('radio', { name: /^VvSL: 220 uur/ }).check();
    await formula.getByRole('textbox', { name: /^Aantal decanen/ }).fill('2');
    await formula.getByRole('textbox', { name: /^Aantal leerlingen/ }).fill('600');
    const saved = await submit(noScript, formula.getByRole('button', { name: 'Opslaan', exact: true }));
    assert.equal(saved.status(), 303);
    assert.equal(pathOf(noScript), HOURS);
    assert.equal(new URL(noScript.url()).searchParams.get('jaar'), YEAR);
    const calculation = await tableRows(noScript.getByRole('region', { name: 'De berekening' }).locator('table'));
    assert.deepEqual(calculation, [
      ['basis', '220 uur', '220'],
      ['decanen', '2 × 90 uur', '180'],
      ['leerlingen', '600 × 1,5 uur', '900'],
      ['Totaal aantal uren per jaar', '', '1.300'],
      ['Toegekend aan personen', '', '0'],
    ]);

    // The member's hours, with JavaScript.
    const page = coordinator.page;
    await page.goto(url(HOURS_OF_YEAR));
    const people = page.getByRole('region', { name: 'Per persoon' });
    const unpaid = await tableRows(people.locator('table'));
    const withoutInput = (row) => row && [row[0], row[1], row[3]];
    assert.deepEqual(withoutInput(unpaid.find((r) => r[0] === MEMBER.name)), [MEMBER.name, '12,5', '−12,5 · meer taken dan uren']);
    assert.equal(await people.getByLabel(`Beschikbare uren van ${MEMBER.name}`).inputValue(), '');
    await people.getByLabel(`Beschikbare uren van ${MEMBER.name}`).fill('20');
    // Everyone's hours are one form with one button.
    assert.equal(await people.getByRole('button').count(), 1);
    const given = await submit(page, people.getByRole('button', { name: 'Uren opslaan' }));
    assert.equal(given.status(), 303);
    assert.equal(await page.getByRole('status').innerText(), 'De uren zijn opgeslagen.');
    assert.equal(await people.getByLabel(`Beschikbare uren van ${MEMBER.name}`).inputValue(), '20');
    const paid = await tableRows(people.locator('table'));
    assert.deepEqual(withoutInput(paid.find((r) => r[0] === MEMBER.name)), [MEMBER.name, '12,5', '7,5']);
    const calc = await tableRows(page.getByRole('region', { name: 'De berekening' }).locator('table'));
    assert.deepEqual(calc.slice(-2), [['Totaal aantal uren per jaar', '', '1.300'], ['Toegekend aan personen', '', '20']]);
    assert.equal(await page.getByRole('textbox', { name: /^Aantal decanen/ }).inputValue(), '2');
    assert.equal(await page.getByRole('textbox', { name: /^Aantal leerlingen/ }).inputValue(), '600');
    assert.ok(await page.getByRole('radio', { name: /^VvSL: 220 uur/ }).isChecked());
    await assertAccessible(page, 'hours page (coordinator)');

    // With hours for the task, that point of conversation is gone.
    await page.goto(url(TASKS_OF_YEAR));
    const lines = await attentionLines(page);
    assert.ok(!lines.some((l) => l.startsWith(`De taken die ${MEMBER.name} uitvoert`)), lines.join('\n'));
  });

  test('the allocation downloads as XLSX and as PDF', async () => {
    const page = coordinator.page;
    await page.goto(url(TASKS_OF_YEAR));
    const xlsxLink = page.getByRole('link', { name: 'Excel (XLSX)' });
    const pdfLink = page.getByRole('link', { name: 'PDF', exact: true });
    assert.equal(await xlsxLink.getAttribute('href'), `${TASKS}/wie-doet-wat.xlsx?jaar=${YEAR}`);
    assert.equal(await pdfLink.getAttribute('href'), `${TASKS}/wie-doet-wat.pdf?jaar=${YEAR}`);

    const xlsx = await page.request.get(url(await xlsxLink.getAttribute('href')));
    assert.equal(xlsx.status(), 200);
    assert.equal(xlsx.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(xlsx.headers()['content-disposition'] ?? '', new RegExp(`filename="wie-doet-wat-${YEAR}\\.xlsx"`));
    const xlsxBody = await xlsx.body();
    assert.equal(xlsxBody.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip file');

    const pdf = await page.request.get(url(await pdfLink.getAttribute('href')));
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.match(pdf.headers()['content-disposition'] ?? '', new RegExp(`filename="wie-doet-wat-${YEAR}\\.pdf"`));
    const pdfBody = await pdf.body();
    assert.equal(pdfBody.subarray(0, 5).toString('latin1'), '%PDF-');

    // What they hold: the agreements and the hours.
    tmp = mkdtempSync(path.join(tmpdir(), 'raamwerk-allocation-'));
    const xlsxFile = path.join(tmp, 'wie-doet-wat.xlsx');
    writeFileSync(xlsxFile, xlsxBody);
    const sheetText = execFileSync('python3', ['-c',
      'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print("\\n".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml")))',
      xlsxFile], { encoding: 'utf8' });
    for (const text of [PARTNER, MEMBER.name, COORDINATOR.name, TASK]) {
      assert.ok(sheetText.includes(text), `${text} is in the XLSX`);
    }
    const pdfFile = path.join(tmp, 'wie-doet-wat.pdf');
    writeFileSync(pdfFile, pdfBody);
    const pdfText = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const text of ['Wie doet wat', PARTNER, TASK, '1.300']) {
      assert.ok(pdfText.includes(text), `${text} is in the PDF: ${pdfText.slice(0, 2000)}`);
    }

    // A member downloads them too.
    const memberXlsx = await member.page.request.get(url(`${TASKS}/wie-doet-wat.xlsx?jaar=${YEAR}`));
    assert.equal(memberXlsx.status(), 200);
  });

  test('a member cannot open the task page, but finds the agreement among their own tasks', async () => {
    const page = member.page;
    const refused = await page.goto(url(TASK_OF_YEAR));
    assert.equal(refused.status(), 403);

    // Nor change it with a form of their own making: the server refuses, nothing changes.
    await page.goto(url(TASKS_OF_YEAR));
    assert.equal(await page.getByRole('link', { name: /^Afspraken maken/ }).count(), 0, 'members make no agreements');
    const [posted] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
      page.evaluate(({ action, party }) => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = action;
        for (const [name, value] of [['op', 'remove'], ['party', party], ['part', 'uitvoerend']]) {
          const input = document.createElement('input');
          input.type = 'hidden';
          input.name = name;
          input.value = value;
          form.append(input);
        }
        document.body.append(form);
        form.submit();
      }, { action: TASK_OF_YEAR, party: memberValue }),
    ]);
    assert.equal(posted.status(), 403);
    assert.doesNotMatch(await posted.text(), /kwam niet van deze site/, 'refused by the app, not by the CSRF check');

    await page.goto(url(TASKS_OF_YEAR));
    assert.deepEqual((await taskRow(page, TASK)).slice(1), [COORDINATOR.name, MEMBER.name, PARTNER, `${MEMBER.name} (doe ik)`]);
    await page.getByRole('navigation', { name: 'Weergaven' }).getByRole('link', { name: 'mijn taken' }).click();
    assert.equal(new URL(page.url()).searchParams.get('weergave'), 'mijn');
    const groups = page.locator('main section.task-group');
    assert.equal(await groups.count(), 1);
    assert.equal(await groups.locator('h2').innerText(), 'mijn taken — taken 12,5 uur, beschikbaar 20 uur');
    assert.deepEqual(await groups.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.id)), [TASK]);
    assert.deepEqual((await taskRow(page, TASK)).slice(1, 4), [COORDINATOR.name, MEMBER.name, PARTNER]);
    await assertAccessible(page, 'tasks page, my tasks (member)');

    // The hours page: read, not changed.
    await page.goto(url(HOURS_OF_YEAR));
    assert.equal(await heading(page), `LOB-uren schooljaar ${YEAR}`);
    assert.equal(await page.getByRole('region', { name: 'Formule' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /opslaan/i }).count(), 0);
    const rows = await tableRows(page.getByRole('region', { name: 'Per persoon' }).locator('table'));
    assert.deepEqual(rows.find((r) => r[0] === MEMBER.name), [MEMBER.name, '12,5', '20', '7,5']);
    assert.ok((await tableRows(page.getByRole('region', { name: 'De berekening' }).locator('table')))
      .some((r) => r.join(' | ') === 'leerlingen | 600 × 1,5 uur | 900'));
    await assertAccessible(page, 'hours page (member)');
  });

  test('when the member stops letting the answers count, the suggestion is gone', async () => {
    const page = memberNoScript.page;
    await page.goto(url(roundPath));
    const stopped = await submit(page, page.getByRole('button', { name: 'Niet meer laten meetellen' }));
    assert.equal(stopped.status(), 303);
    assert.equal(new URL(page.url()).hash, '#wie-doet-wat');
    assert.match(await page.locator('h2#wie-doet-wat + p').innerText(), FEED_OFF);

    const coordinatorPage = coordinator.page;
    await coordinatorPage.goto(url(TASKS_OF_YEAR));
    assert.deepEqual((await taskRow(coordinatorPage, TASK)).slice(1), [COORDINATOR.name, MEMBER.name, PARTNER, ''],
      'the agreements stay; what the scan said is not shown');
    await coordinatorPage.goto(url(TASK_OF_YEAR));
    assert.equal(await coordinatorPage.getByRole('region', { name: 'Wat mensen in hun scan zeiden' }).count(), 0);
    assert.equal((await agreementLines(coordinatorPage)).length, 3);
  });

  test('without JavaScript, the coordinator agrees one thing for a whole group of tasks, all or nothing', async () => {
    const page = coordinatorNoScript.page;
    await page.goto(url(`${TASKS_OF_YEAR}&weergave=rol`));
    const group = page.locator('main section.task-group').filter({ has: page.getByRole('heading', { name: 'Specialistisch loopbaanbegeleider' }) });
    const codes = await group.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.id));
    assert.ok(codes.length > 3, codes.join(', '));
    await page.getByLabel('Alle taken in deze groep: Specialistisch loopbaanbegeleider').check();
    const form = page.getByRole('region', { name: 'Eén afspraak voor de gekozen taken' });
    await form.getByLabel('Wie', { exact: true }).selectOption('role:SPE');
    await form.getByLabel('Rol in de taak').selectOption('verantwoordelijk');
    const made = await submit(page, form.getByRole('button', { name: 'Afspreken voor de gekozen taken' }));
    assert.equal(made.status(), 303);
    assert.equal(new URL(page.url()).searchParams.get('weergave'), 'rol', 'back in the same view');
    assert.equal(await page.getByRole('status').innerText(), `${codes.length} nieuwe afspraken gemaakt.`);
    for (const code of codes) {
      assert.equal((await taskRow(page, code))[1], 'Specialistisch loopbaanbegeleider', code);
    }

    // Two tasks, one of which has someone responsible already: refused whole, said why.
    await page.getByLabel(`Kies ${TASK}`).check();
    await page.getByLabel(`Kies ${OTHER_TASK}`).check();
    await form.getByLabel('Wie', { exact: true }).selectOption('outside:ouders');
    await form.getByLabel('Rol in de taak').selectOption('verantwoordelijk');
    const refused = await submit(page, form.getByRole('button', { name: 'Afspreken voor de gekozen taken' }));
    assert.equal(refused.status(), 422);
    const alert = await page.getByRole('alert').innerText();
    assert.ok(alert.includes('Voor 1 taak kan deze afspraak niet, dus is er niets afgesproken.'), alert);
    assert.ok(alert.includes(`${TASK}: ${ALREADY_RESPONSIBLE}`), alert);
    assert.equal((await taskRow(page, OTHER_TASK))[1], '', 'nothing was agreed for the other task');
    assert.ok(await page.getByLabel(`Kies ${OTHER_TASK}`).isChecked(), 'the chosen tasks stay chosen');

    // The rules for the conversation sit beside the allocation.
    const rules = page.getByRole('region', { name: 'Afspraken over de verdeling' });
    await rules.getByLabel('Eén verantwoordelijke per taak').uncheck();
    await rules.getByLabel(/^Vanaf hoeveel verantwoordelijkheden/).fill('4');
    const saved = await submit(page, rules.getByRole('button', { name: 'Afspraken opslaan' }));
    assert.equal(saved.status(), 303);
    assert.equal(new URL(page.url()).hash, '#regels');
    assert.equal(await page.getByRole('status').innerText(), 'De afspraken over de verdeling zijn opgeslagen.');
    assert.equal(await rules.getByLabel('Eén verantwoordelijke per taak').isChecked(), false);

    // The member reads them; the page with the forms passes axe for the coordinator.
    await member.page.goto(url(TASKS_OF_YEAR));
    assert.match(await member.page.getByRole('region', { name: 'Afspraken over de verdeling' }).innerText(),
      /Een taak mag meer dan één verantwoordelijke hebben\. Vanaf 4 verantwoordelijkheden/);
    await coordinator.page.goto(url(`${TASKS_OF_YEAR}&weergave=rol`));
    await assertAccessible(coordinator.page, 'tasks page with the forms for several tasks and the rules');
  });
});
