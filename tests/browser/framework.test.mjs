// "Ons raamwerk", a school's own framework: a coordinator without JavaScript starts a draft,
// adds a statement of the school's own (in Dutch only, labelled regional), moves a national
// statement to another role and hides another; a colleague's change meanwhile makes a stale
// form refused (409) with who changed it; the draft's change list says what changed; the
// coordinator publishes it with a summary and finds it in the history, as an edition (in
// English too, where the school's own statement says it is Dutch only), in a comparison and
// in five files. A round opened afterwards uses the school's version, and the CASE file,
// imported with the CLI into another school, becomes that school's version 1; uploaded on that
// school's framework page it becomes version 2, and a broken file stores nothing. axe-core
// runs on the framework page, the draft, a statement (also refused), the comparison, an
// edition, the national-update page and the import's answers.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathOf, useAppAndBrowser } from './harness.mjs';
import { assertAccessible, heading, submit } from './steps.mjs';

const SCHOOL = 'Het Kompas College';
const SHORT = 'het-kompas-college';
const OTHER_SCHOOL = 'De Brug Scholengroep';
const OTHER_SHORT = 'de-brug-scholengroep';
const COORDINATOR = { name: 'Sanne Bakker', email: 'sanne@kompas.nl', password: 'paars kompas vindt zeven tulpen' };
const COLLEAGUE = { name: 'Kees Smit', email: 'kees@kompas.nl', password: 'rode boot vaart negen bruggen' };
const MEMBER = { name: 'Daan Visser', email: 'daan@kompas.nl', password: 'groene fiets leest oude wolken' };
const OTHER_COORDINATOR = { name: 'Fatima el Amrani', email: 'fatima@brug.nl', password: 'witte uil telt drie sterren' };

const BASE = `/nl/scholen/${SHORT}/raamwerk`;
const DRAFT = `${BASE}/concept`;

const MENTOR = 'Begeleider primair proces';
const SPECIALIST = 'Specialistisch loopbaanbegeleider';
const GUIDANCE = 'Oriëntatie en begeleiding';

// The school's own statement: in Dutch only, labelled regional.
const OWN_CODE = 'EIGEN.BEG.ORI.T1';
const OWN_TEXT = 'Bezoekt met de mentorklas de open dagen van de mbo-scholen in de regio.';
// National statements: one moved to the specialist, one hidden, one reworded by a colleague.
const MOVED = 'BEG.ORI.T2';
const HIDDEN = 'BEG.ORI.T3';
const REWORDED = 'BEG.ORI.T1';
const REWORDED_TEXT = 'Voert minstens twee keer per jaar een loopbaangesprek met iedere jongere.';
const STALE_TEXT = 'Voert elk kwartaal een loopbaangesprek met iedere jongere.';
const SUMMARY = 'Een regionale taak toegevoegd; een taak naar de specialist verplaatst en een verborgen.';
const ROUND = 'voorjaar 2027';

/** Clicks a submit button and returns the response to the form's POST (before any redirect). */
/** The text of the cells of each body row of the table, as arrays. */
async function tableRows(table) {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.innerText.replace(/\s+/g, ' ').trim())));
}

/** The page's main heading, on one line. */
/** The lines of a list of changes (draft or comparison), each on one line. */
async function changeLines(page) {
  return (await page.locator('main ul.changes > li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** The one change line about `code`. */
function changeOf(lines, code) {
  const found = lines.filter((l) => l.startsWith(`${code} `));
  assert.equal(found.length, 1, `one change for ${code} in:\n${lines.join('\n')}`);
  return found[0];
}

/** A statement's list item (its id is its code, which has dots in it). */
function statementItem(page, code) {
  return page.locator(`main li[id="${code}"]`);
}

/** The codes of the statements of a scan area. */
async function scanCodes(page) {
  return page.locator('main fieldset.statement .code').allInnerTexts();
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

describe("the school's own framework", () => {
  const env = useAppAndBrowser({ before, after });
  // Each person in their own browser context (own cookies), kept across the steps. The
  // coordinator changes the framework in a context without JavaScript, and reads with it.
  const coordinator = { context: null, page: null };
  const coordinatorNoScript = { context: null, page: null };
  const colleague = { context: null, page: null };
  const member = { context: null, page: null };
  const links = {};
  let editionPath = null;
  let editionId = null;
  let roundPath = null;
  let tmp = null;

  const url = (p) => `${env.baseURL}${p}`;

  async function openAs(who, options = {}) {
    who.context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    who.page = await who.context.newPage();
    return who.page;
  }

  async function signIn(page, person, short = SHORT) {
    await page.goto(url('/nl/inloggen'));
    await page.getByLabel('E-mailadres').fill(person.email);
    await page.getByLabel('Wachtwoord').fill(person.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    assert.equal(pathOf(page), `/nl/scholen/${short}`, 'one school: signing in leads into it');
  }

  async function setPasswordAndSignIn(page, link, person, short = SHORT) {
    await page.goto(link);
    await page.getByLabel('Nieuw wachtwoord').fill(person.password);
    await page.getByLabel('Herhaal het wachtwoord').fill(person.password);
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    assert.equal(pathOf(page), '/nl/inloggen');
    await signIn(page, person, short);
  }

  function createUser(short, person, permission, roles) {
    return env.app.admin('admin', 'create-user', '--school', short, '--email', person.email,
      '--name', person.name, '--permission', permission, '--roles', roles, '--base-url', env.baseURL);
  }

  after(async () => {
    for (const who of [coordinator, coordinatorNoScript, colleague, member]) {
      if (who.context) await who.context.close().catch(() => {});
    }
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('before the school has a version of its own, everyone reads the national one', async () => {
    const school = env.app.admin('admin', 'create-school', '--name', SCHOOL, '--sector', 'vo',
      '--students', '1200', '--region', 'Gelderland');
    assert.equal(school, SHORT);
    links.coordinator = createUser(SHORT, COORDINATOR, 'coordinator', 'SPE,COO');
    links.colleague = createUser(SHORT, COLLEAGUE, 'coordinator', 'COO');
    links.member = createUser(SHORT, MEMBER, 'lid', 'BEG');
    assert.match(links.member, /\/nl\/wachtwoord-instellen\/[0-9a-f]{64}$/);

    const page = await openAs(coordinator);
    await setPasswordAndSignIn(page, links.coordinator, COORDINATOR);
    const schoolNav = page.getByRole('navigation', { name: 'Deze school' });
    await schoolNav.getByRole('link', { name: 'Ons raamwerk' }).click();
    assert.equal(pathOf(page), BASE);
    assert.equal(await heading(page), 'Ons raamwerk');
    assert.equal(await schoolNav.getByRole('link', { name: 'Ons raamwerk' }).getAttribute('aria-current'), 'page');
    const main = await page.locator('main').innerText();
    assert.match(main, /De school werkt met de landelijke editie\./);
    assert.match(main, /De school heeft nog geen eigen versie gepubliceerd\./);
    assert.ok(await page.getByRole('button', { name: 'Concept beginnen' }).isVisible());
    assert.deepEqual(
      await page.getByRole('region', { name: 'De versie waarmee de school werkt' }).getByRole('link').allInnerTexts(),
      ['Raamwerk loopbaanbegeleiding jongeren', 'JSON (eigen formaat)', 'CASE 1.1', 'Moodle-CSV', 'Excel (XLSX)', 'CSV voor Excel']);
    await assertAccessible(page, 'framework page, national edition in use');

    await page.goto(url(`${BASE}/landelijk`));
    assert.equal(await heading(page), 'Nieuwe landelijke editie');
    assert.match(await page.locator('main').innerText(), /Het raamwerk van de school is bij met landelijke editie 2026\.1\./);
    await assertAccessible(page, 'national update page, up to date');

    // A member reads the framework page but changes nothing.
    const memberPage = await openAs(member);
    await setPasswordAndSignIn(memberPage, links.member, MEMBER);
    await memberPage.getByRole('navigation', { name: 'Deze school' }).getByRole('link', { name: 'Ons raamwerk' }).click();
    assert.equal(pathOf(memberPage), BASE);
    assert.match(await memberPage.locator('main').innerText(),
      /Er is geen concept\. Coördinatoren en schoolbeheerders kunnen het raamwerk van de school aanpassen\./);
    assert.equal(await memberPage.getByRole('button', { name: 'Concept beginnen' }).count(), 0);
    assert.equal(await memberPage.getByRole('button', { name: 'Inlezen' }).count(), 0);
    await assertAccessible(memberPage, 'framework page (member)');
  });

  test('without JavaScript, a coordinator starts a draft and adds, moves and hides statements', async () => {
    const page = await openAs(coordinatorNoScript, { javaScriptEnabled: false });
    await signIn(page, COORDINATOR);
    await page.goto(url(BASE));
    const started = await submit(page, page.getByRole('button', { name: 'Concept beginnen' }));
    assert.equal(started.status(), 303);
    assert.equal(pathOf(page), DRAFT);
    assert.equal(await heading(page), 'Concept van ons raamwerk');
    const changes = page.getByRole('region', { name: 'Wijzigingen in dit concept' });
    assert.match(await changes.innerText(), /geen wijzigingen/);
    assert.match(await page.locator('main').innerText(), /Publiceren maakt van dit concept versie 1 van het raamwerk van de school\./);
    assert.equal(await page.locator(`section[id="BEG-ORI-T"] li[id="${MOVED}"]`).count(), 1);

    // A member cannot open the draft.
    const refused = await member.page.goto(url(DRAFT));
    assert.equal(refused.status(), 403);

    // A statement of the school's own, in Dutch only, labelled regional.
    // The add form sits folded above the list; its heading opens it.
    const add = page.getByRole('region', { name: 'Een eigen uitspraak toevoegen' });
    assert.equal(await add.getByLabel('Rol').isVisible(), false, 'the add form starts folded');
    await add.locator('summary').click();
    await add.getByLabel('Rol').selectOption('BEG');
    await add.getByLabel('Aandachtsgebied').selectOption('ORI');
    await add.getByLabel('taak', { exact: true }).check();
    await add.getByLabel('Tekst (Nederlands)').fill(OWN_TEXT);
    assert.equal(await add.getByLabel('Tekst (Engels, mag leeg)').inputValue(), '');
    await add.getByLabel('regionaal', { exact: true }).check();
    const added = await submit(page, add.getByRole('button', { name: 'Toevoegen' }));
    assert.equal(added.status(), 303);
    assert.equal(pathOf(page), DRAFT);
    assert.equal(new URL(page.url()).hash, `#${OWN_CODE}`);
    const own = page.locator(`section[id="BEG-ORI-T"] li[id="${OWN_CODE}"]`);
    assert.equal(await own.locator('.text').innerText(), OWN_TEXT);
    const ownTags = await own.locator('.tag').allInnerTexts();
    for (const tag of ['eigen', 'toegevoegd', 'regionaal']) assert.ok(ownTags.includes(tag), `${tag} in ${ownTags}`);

    // A national statement moves to the specialist, on its own page.
    await page.getByRole('link', { name: `Wijzigen ${MOVED}`, exact: true }).click();
    assert.equal(pathOf(page), `${DRAFT}/${MOVED}`);
    assert.equal(await heading(page), `Uitspraak ${MOVED}`);
    const move = page.getByRole('region', { name: 'Verplaatsen' });
    assert.equal(await move.getByLabel('Rol').inputValue(), 'BEG');
    await move.getByLabel('Rol').selectOption('SPE');
    const moved = await submit(page, move.getByRole('button', { name: 'Verplaatsen' }));
    assert.equal(moved.status(), 303);
    assert.equal(pathOf(page), DRAFT);
    assert.equal(new URL(page.url()).hash, `#${MOVED}`);
    assert.equal(await page.locator(`section[id="BEG-ORI-T"] li[id="${MOVED}"]`).count(), 0);
    const movedItem = page.locator(`section[id="SPE-ORI-T"] li[id="${MOVED}"]`);
    assert.equal(await movedItem.count(), 1);
    assert.ok((await movedItem.locator('.tag').allInnerTexts()).includes('verplaatst'));

    // The list narrows to one role and area; the language switch keeps that choice.
    const statements = page.getByRole('region', { name: 'Uitspraken', exact: true });
    await statements.getByLabel('Rol').selectOption('BEG');
    await statements.getByLabel('Aandachtsgebied').selectOption('ORI');
    await statements.getByRole('button', { name: 'Tonen' }).click();
    assert.equal(new URL(page.url()).search, '?rol=BEG&gebied=ORI');
    assert.equal(await page.locator('section.draft-block').count(), 2, 'tasks and expertise of one role and area');
    assert.equal(await page.locator(`section[id="SPE-ORI-T"]`).count(), 0);
    assert.match(await statements.locator('[role="status"]').innerText(), /^\d+ van de \d+ uitspraken getoond\. Alle uitspraken tonen$/);
    assert.match(await page.locator('a.lang-switch').getAttribute('href'), /\?role=BEG&area=ORI$/);

    // Another is hidden, from its menu in the narrowed list; the list stays narrowed.
    const menu = statementItem(page, HIDDEN).locator('details.menu');
    assert.equal(await menu.getByRole('button', { name: `Verbergen ${HIDDEN}` }).isVisible(), false, 'the menu starts folded');
    await menu.locator('summary').click();
    const hidden = await submit(page, menu.getByRole('button', { name: `Verbergen ${HIDDEN}` }));
    assert.equal(hidden.status(), 303);
    assert.equal(new URL(page.url()).search, '?rol=BEG&gebied=ORI');
    assert.equal(new URL(page.url()).hash, `#${HIDDEN}`);
    const hiddenItem = statementItem(page, HIDDEN);
    await hiddenItem.locator('details.menu summary').click();
    assert.match(await hiddenItem.getAttribute('class'), /\bhidden-statement\b/);
    assert.equal(await hiddenItem.locator('.text del').count(), 1, 'the text is struck through');
    assert.ok((await hiddenItem.locator('.tag').allInnerTexts()).includes('verborgen'));
    assert.ok(await hiddenItem.getByRole('button', { name: `Weer tonen ${HIDDEN}` }).isVisible());

    const lines = await changeLines(page);
    assert.equal(lines.length, 3, lines.join('\n'));
    assert.match(changeOf(lines, OWN_CODE), new RegExp(`^${OWN_CODE.replace(/\./g, '\\.')} toegevoegd · ${MENTOR} · ${GUIDANCE} · taak ${OWN_TEXT.replace(/\./g, '\\.')}$`));
    assert.equal(changeOf(lines, MOVED).split(' · ')[0], `${MOVED} verplaatst`);
    assert.match(changeOf(lines, MOVED), new RegExp(`· ${SPECIALIST} · ${GUIDANCE} · taak \\(was: ${MENTOR} · ${GUIDANCE} · taak\\)`));
    assert.match(changeOf(lines, HIDDEN), new RegExp(`^${HIDDEN.replace(/\./g, '\\.')} verwijderd of verborgen · ${MENTOR} · ${GUIDANCE} · taak`));
    const tally = await changes.locator('strong').first().innerText();
    for (const part of ['1 toegevoegd', '1 verplaatst', '1 verwijderd of verborgen']) assert.ok(tally.includes(part), tally);
    // axe needs JavaScript in the page: check the same draft in the coordinator's other browser.
    await coordinator.page.goto(url(DRAFT));
    await assertAccessible(coordinator.page, 'draft page with changes');
  });

  test("a change made on a stale page is refused and says whose change came first", async () => {
    const page = coordinator.page;
    await page.goto(url(DRAFT));
    await page.getByRole('link', { name: `Wijzigen ${REWORDED}`, exact: true }).click();
    assert.equal(pathOf(page), `${DRAFT}/${REWORDED}`);
    assert.equal(await heading(page), `Uitspraak ${REWORDED}`);
    assert.match(await page.locator('main').innerText(), /Zo staat hij in de versie waar het concept mee begon/);
    await assertAccessible(page, 'a statement of the draft');

    // Meanwhile a colleague rewords it.
    const colleaguePage = await openAs(colleague, { javaScriptEnabled: false });
    await setPasswordAndSignIn(colleaguePage, links.colleague, COLLEAGUE);
    await colleaguePage.goto(url(`${DRAFT}/${REWORDED}`));
    const reword = colleaguePage.getByRole('region', { name: 'Formulering' });
    await reword.getByLabel('Tekst (Nederlands)').fill(REWORDED_TEXT);
    const saved = await submit(colleaguePage, reword.getByRole('button', { name: 'Formulering opslaan' }));
    assert.equal(saved.status(), 303);
    assert.equal(pathOf(colleaguePage), DRAFT);

    // The coordinator's page still has the old revision: the change is refused, not lost silently.
    const mine = page.getByRole('region', { name: 'Formulering' });
    await mine.getByLabel('Tekst (Nederlands)').fill(STALE_TEXT);
    const conflict = await submit(page, mine.getByRole('button', { name: 'Formulering opslaan' }));
    assert.equal(conflict.status(), 409);
    assert.equal(pathOf(page), `${DRAFT}/${REWORDED}`);
    const alert = page.getByRole('alert');
    assert.match(await alert.innerText(), /Niet gewijzigd/);
    assert.match(await alert.innerText(), new RegExp(`${COLLEAGUE.name} heeft deze uitspraak intussen gewijzigd\\.`));
    assert.equal(await page.getByRole('region', { name: 'Formulering' }).getByLabel('Tekst (Nederlands)').inputValue(),
      REWORDED_TEXT, 'the page shows the statement as it is now');
    await assertAccessible(page, 'a statement of the draft, change refused (409)');

    await page.goto(url(DRAFT));
    const line = changeOf(await changeLines(page), REWORDED);
    assert.match(line, /^BEG\.ORI\.T1 anders geformuleerd · /);
    assert.ok(line.includes(REWORDED_TEXT), line);
    assert.ok(!line.includes(STALE_TEXT), line);
    await assertAccessible(page, 'draft page with a reworded statement');
  });

  test('without JavaScript, the coordinator publishes the draft as version 1', async () => {
    const page = coordinatorNoScript.page;
    await page.goto(url(DRAFT));
    await page.getByLabel('Wat is er veranderd').fill(SUMMARY);
    const published = await submit(page, page.getByRole('button', { name: 'Publiceren', exact: true }));
    assert.equal(published.status(), 303);
    assert.equal(pathOf(page), BASE);
    assert.match(await page.getByRole('status').innerText(), /^Versie 1 is gepubliceerd: dit is nu het raamwerk van de school\./);
    const main = await page.locator('main').innerText();
    assert.doesNotMatch(main, /De school werkt met de landelijke editie\./);
    assert.match(main, /Er is geen concept\./);
    assert.ok(await page.getByRole('button', { name: 'Concept beginnen' }).isVisible(), 'a next draft can begin');

    const history = page.getByRole('region', { name: 'Gepubliceerde versies' });
    assert.deepEqual(await history.locator('thead th').allInnerTexts(),
      ['versie', 'Datum', 'Door', 'Wat is er veranderd', 'Openbaar']);
    const rows = await tableRows(history.locator('table'));
    assert.equal(rows.length, 1, JSON.stringify(rows));
    const [version, date, by, summary, open] = rows[0];
    assert.equal(version, '1');
    assert.ok(date.length > 0, 'a date');
    assert.equal(by, COORDINATOR.name);
    assert.equal(summary, SUMMARY);
    assert.match(open, /^nee\b/);
    editionPath = await history.getByRole('link', { name: '1', exact: true }).getAttribute('href');
    assert.match(editionPath, new RegExp(`^${BASE}/versies/[^/]+$`));
    editionId = editionPath.split('/').at(-1);
    const current = page.getByRole('region', { name: 'De versie waarmee de school werkt' });
    assert.equal(await current.getByRole('link').first().getAttribute('href'), editionPath);
    assert.match(await current.innerText(), /versie 1/);

    // The draft is gone: its page leads back to the framework.
    await page.goto(url(DRAFT));
    assert.equal(pathOf(page), BASE);
  });

  test('the published version: history, edition, English, comparison and files', async () => {
    assert.ok(editionPath, 'the previous step published a version');
    const page = coordinator.page;
    await page.goto(url(BASE));
    assert.equal(await tableRows(page.getByRole('region', { name: 'Gepubliceerde versies' }).locator('table'))
      .then((rows) => rows[0][3]), SUMMARY);
    await assertAccessible(page, 'framework page with a published version');

    // Every file downloads.
    const downloads = page.getByRole('region', { name: 'De versie waarmee de school werkt' }).locator('a[download]');
    const hrefs = await downloads.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, ['json', 'case', 'moodle', 'xlsx', 'csv'].map((f) => `${editionPath}/bestand/${f}`));
    for (const href of hrefs) {
      const response = await page.request.get(url(href));
      assert.equal(response.status(), 200, href);
      const body = await response.body();
      assert.ok(body.length > 0, `${href} is not empty`);
      if (!href.endsWith('xlsx')) assert.ok(body.toString('utf8').includes(OWN_TEXT), `${href} holds the own statement`);
    }

    // The edition.
    await page.getByRole('region', { name: 'Gepubliceerde versies' }).getByRole('link', { name: '1', exact: true }).click();
    assert.equal(pathOf(page), editionPath);
    assert.match(await heading(page), new RegExp(`^Raamwerk LOB van ${SCHOOL} versie 1 · `));
    const own = statementItem(page, OWN_CODE);
    assert.equal(await own.locator('.text').innerText(), OWN_TEXT);
    assert.ok((await own.locator('.tag').allInnerTexts()).includes('regionaal'));
    assert.equal(await statementItem(page, HIDDEN).count(), 0, 'a hidden statement is not in the version');
    assert.equal(await statementItem(page, REWORDED).locator('.text').innerText(), REWORDED_TEXT);
    await assertAccessible(page, 'an edition of the school');

    // In English, the statement without English says it is Dutch only.
    await page.goto(url(`/en/schools/${SHORT}/framework/versions/${editionId}`));
    const english = statementItem(page, OWN_CODE);
    assert.equal(await english.locator('.text').innerText(), OWN_TEXT);
    assert.equal(await english.locator('.text').getAttribute('lang'), 'nl');
    assert.ok((await english.locator('.tag').allInnerTexts()).includes('Dutch only'));
    assert.ok(!(await statementItem(page, 'BEG.ORI.T4').locator('.tag').allInnerTexts()).includes('Dutch only'));
    await assertAccessible(page, 'an edition of the school, in English');

    // Comparing the national edition with version 1.
    await page.goto(url(BASE));
    const compare = page.getByRole('region', { name: 'Versies vergelijken' });
    assert.equal(await compare.getByLabel('Van').evaluate((s) => s.selectedOptions[0].textContent), 'landelijke editie 2026.1');
    assert.equal(await compare.getByLabel('Naar').evaluate((s) => s.selectedOptions[0].textContent), 'eigen versie 1');
    await compare.getByRole('button', { name: 'Vergelijken' }).click();
    assert.equal(pathOf(page), `${BASE}/vergelijken`);
    const query = new URL(page.url()).searchParams;
    assert.equal(query.get('naar'), editionId);
    assert.ok(query.get('van'));
    assert.equal(await heading(page), 'Versies vergelijken');
    assert.match(await page.locator('main').innerText(), /Wat er veranderd is van landelijke editie 2026\.1 naar eigen versie 1\./);
    const lines = await changeLines(page);
    assert.match(changeOf(lines, OWN_CODE), new RegExp(`^${OWN_CODE.replace(/\./g, '\\.')} toegevoegd · `));
    assert.match(changeOf(lines, MOVED), /^BEG\.ORI\.T2 verplaatst · /);
    assert.match(changeOf(lines, HIDDEN), /^BEG\.ORI\.T3 verwijderd of verborgen · /);
    assert.match(changeOf(lines, REWORDED), /^BEG\.ORI\.T1 anders geformuleerd · /);
    await assertAccessible(page, 'comparison of versions');

    // The national update page: nothing new.
    await page.goto(url(`${BASE}/landelijk`));
    assert.match(await page.locator('main').innerText(), /Het raamwerk van de school is bij met landelijke editie 2026\.1\./);
    await assertAccessible(page, 'national update page after publishing');
  });

  test("a round opened after publishing asks about the school's own statements", async () => {
    assert.ok(editionPath, 'an earlier step published a version');
    const page = coordinator.page;
    await page.goto(url(`/nl/scholen/${SHORT}/rondes`));
    const form = page.getByRole('form', { name: 'Een ronde openen' });
    await form.getByLabel('Naam', { exact: true }).fill(ROUND);
    await form.getByLabel('Begindatum').fill(today());
    const opened = await submit(page, form.getByRole('button', { name: 'Ronde openen' }));
    assert.equal(opened.status(), 303);
    assert.match(pathOf(page), new RegExp(`^/nl/scholen/${SHORT}/rondes/[0-9a-f-]{36}$`));
    roundPath = pathOf(page);

    // The coordinator, a specialist, finds the moved statement in their own scan.
    await page.goto(url(`${roundPath}/specialist/orientatie-en-begeleiding`));
    assert.ok((await scanCodes(page)).includes(MOVED), 'the moved statement is the specialist’s now');

    // The member, a mentor, finds the school's own statement, and not the moved or hidden ones.
    const memberPage = member.page;
    await memberPage.goto(url(roundPath));
    await memberPage.locator('main .progress-list').getByRole('link', { name: GUIDANCE }).click();
    assert.equal(pathOf(memberPage), `${roundPath}/begeleider/orientatie-en-begeleiding`);
    const codes = await scanCodes(memberPage);
    assert.ok(codes.includes(OWN_CODE), codes.join(' '));
    assert.ok(!codes.includes(MOVED), codes.join(' '));
    assert.ok(!codes.includes(HIDDEN), codes.join(' '));
    const ownField = memberPage.locator(`fieldset[id="s-${OWN_CODE}"]`);
    assert.equal((await ownField.locator('legend').innerText()).replace(/\s+/g, ' ').trim(), `${OWN_CODE} ${OWN_TEXT}`);
    assert.match(await memberPage.locator(`fieldset[id="s-${REWORDED}"] legend`).innerText(), new RegExp(REWORDED_TEXT));
    await assertAccessible(memberPage, "scan area with the school's own statement");
  });

  test("the CASE file, imported with the CLI into another school, becomes that school's version 1", async () => {
    assert.ok(editionPath, 'an earlier step published a version');
    const response = await coordinator.page.request.get(url(`${editionPath}/bestand/case`));
    assert.equal(response.status(), 200);
    tmp = mkdtempSync(path.join(tmpdir(), 'raamwerk-case-'));
    const file = path.join(tmp, 'kompas.case.json');
    writeFileSync(file, await response.body());

    const school = env.app.admin('admin', 'create-school', '--name', OTHER_SCHOOL, '--sector', 'mbo',
      '--students', '4200', '--region', 'Utrecht');
    assert.equal(school, OTHER_SHORT);
    const link = createUser(OTHER_SHORT, OTHER_COORDINATOR, 'coordinator', 'COO');
    const printed = env.app.admin('framework', 'import', '--format', 'case', file, '--school', OTHER_SHORT);
    const id = printed.split('\n').at(-1).trim();
    assert.ok(id.length > 0, `the import prints the new edition's id:\n${printed}`);

    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await setPasswordAndSignIn(page, link, OTHER_COORDINATOR, OTHER_SHORT);
      await page.getByRole('navigation', { name: 'Deze school' }).getByRole('link', { name: 'Ons raamwerk' }).click();
      const base = `/nl/scholen/${OTHER_SHORT}/raamwerk`;
      assert.equal(pathOf(page), base);
      const history = page.getByRole('region', { name: 'Gepubliceerde versies' });
      const rows = await tableRows(history.locator('table'));
      assert.equal(rows.length, 1, JSON.stringify(rows));
      assert.equal(rows[0][0], '1');
      const href = await history.getByRole('link', { name: '1', exact: true }).getAttribute('href');
      assert.equal(href, `${base}/versies/${id}`, 'the page lists the edition the CLI printed');

      await page.goto(url(href));
      assert.equal(await statementItem(page, OWN_CODE).locator('.text').innerText(), OWN_TEXT);
      assert.equal(await statementItem(page, REWORDED).locator('.text').innerText(), REWORDED_TEXT);
      assert.equal(await statementItem(page, HIDDEN).count(), 0);
      // Nothing of the other school is readable from here.
      const other = await page.goto(url(editionPath));
      assert.ok([403, 404].includes(other.status()), `another school's edition: ${other.status()}`);
    } finally {
      await context.close();
    }
  });

  test('a file uploaded on the framework page becomes the next version; a broken one stores nothing', async () => {
    assert.ok(tmp, 'an earlier step wrote the CASE file');
    const file = path.join(tmp, 'kompas.case.json');
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await signIn(page, OTHER_COORDINATOR, OTHER_SHORT);
      const base = `/nl/scholen/${OTHER_SHORT}/raamwerk`;
      await page.goto(url(base));
      const form = page.getByRole('region', { name: 'Een bestand inlezen' });
      await form.getByLabel('Formaat').selectOption('case');
      await form.getByLabel('Bestand').setInputFiles(file);
      // First what the file changes, against the version in use; nothing is stored yet.
      const previewed = await submit(page, form.getByRole('button', { name: 'Inlezen' }));
      assert.equal(previewed.status(), 200);
      assert.equal(await page.getByRole('heading', { level: 2, name: /Wat dit bestand verandert, als versie 2/ }).count(), 1);
      assert.match(await page.locator('main').innerText(), /Er is nog niets bewaard\. Vergeleken met versie 1/);
      await assertAccessible(page, 'import preview');
      // The summary for the history is the coordinator's own, and required.
      const confirm = page.getByRole('form', { name: /Wat dit bestand verandert/ });
      await confirm.getByLabel('Samenvatting voor de geschiedenis').fill('Teruggezet naar de eerste versie, als proef.');
      const stored = await submit(page, confirm.getByRole('button', { name: 'Bewaren als versie 2' }));
      assert.equal(stored.status(), 200);
      assert.match(await page.getByRole('status').innerText(), /Opgeslagen als versie 2 van het raamwerk van de school\./);
      await assertAccessible(page, 'a file imported');

      // A broken package: every problem named, nothing stored.
      const broken = path.join(tmp, 'broken.case.json');
      writeFileSync(broken, '{"CFDocument": {"identifier": "x"}, "CFAssociations": [{"associationType": "isCousinOf"}]}');
      await page.goto(url(base));
      const again = page.getByRole('region', { name: 'Een bestand inlezen' });
      await again.getByLabel('Formaat').selectOption('case');
      await again.getByLabel('Bestand').setInputFiles(broken);
      const refused = await submit(page, again.getByRole('button', { name: 'Inlezen' }));
      assert.equal(refused.status(), 422);
      const alert = page.getByRole('alert');
      assert.match(await alert.innerText(), /er is niets opgeslagen/);
      assert.match(await alert.innerText(), /CFAssociations\[0\]\.associationType: onbekend type 'isCousinOf'/);
      await assertAccessible(page, 'a file refused');
      await page.goto(url(base));
      const rows = await tableRows(page.getByRole('region', { name: 'Gepubliceerde versies' }).locator('table'));
      assert.equal(rows.length, 2, 'the refused file stored nothing');
      assert.ok(rows.some((r) => r.join(' ').includes('ingelezen uit een bestand')
        && r.join(' ').includes('Teruggezet naar de eerste versie, als proef.')), 'the history marks the import');
    } finally {
      await context.close();
    }
  });
});
