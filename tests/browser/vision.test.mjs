// The school's vision. A coordinator without JavaScript writes the introduction and the
// guidance section (linking a task through the folded list of statements), adds a goal and
// publishes; a mentor reads the version with the practice beside the linked task. An
// administrator and the coordinator then both save the introduction from the same form: the
// later one is told who saved it, keeps their text and sees the other's. A second version is
// compared with the first. axe-core runs on the draft, the vision page, a refused save and the
// comparison, each fitting 390 and 320 px. Last, the coordinator makes the lower years' work
// plan from a goal of the vision and adds an activity, and evaluates that goal in the yearly
// cycle, carrying its adjustment into the draft, all without JavaScript.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathOf, useAppAndBrowser } from './harness.mjs';
import { assertAccessible, submit } from './steps.mjs';

const SCHOOL = 'De Horizon';
const SHORT = 'de-horizon';
const PASSWORD = 'oranje vlieger boven twaalf duinen';
const COORDINATOR = { name: 'Sanne Bakker', email: 'sanne@horizon.nl', permission: 'coordinator', roles: 'COO' };
const ADMIN = { name: 'Jeroen Smit', email: 'jeroen@horizon.nl', permission: 'schoolbeheerder', roles: 'COO' };
const MENTOR = { name: 'Fleur Mentor', email: 'fleur@horizon.nl', permission: 'lid', roles: 'BEG' };

describe('the vision', () => {
  const env = useAppAndBrowser({ before, after });
  const contexts = [];
  const url = (p) => `${env.baseURL}${p}`;

  async function signedIn(person, options = {}) {
    const link = env.app.admin('admin', 'create-user', '--school', SHORT, '--email', person.email,
      '--name', person.name, '--permission', person.permission, '--roles', person.roles,
      '--base-url', env.baseURL);
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(link);
    await page.getByLabel('Nieuw wachtwoord').fill(PASSWORD);
    await page.getByLabel('Herhaal het wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await page.getByLabel('E-mailadres').fill(person.email);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    assert.equal(pathOf(page), `/nl/scholen/${SHORT}`);
    return page;
  }

  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
  });

  let coordinator;
  let admin;

  test('a coordinator writes and publishes the vision without JavaScript', async () => {
    assert.equal(env.app.admin('admin', 'create-school', '--name', SCHOOL, '--sector', 'vo',
      '--students', '900', '--region', 'Utrecht'), SHORT);
    coordinator = await signedIn(COORDINATOR, { javaScriptEnabled: false });
    await coordinator.getByRole('navigation', { name: 'Deze school' }).getByRole('link', { name: 'Visie' }).click();
    assert.match(await coordinator.locator('main').innerText(), /nog geen vastgestelde visie/);
    await coordinator.getByRole('link', { name: 'Naar het concept' }).click();
    assert.equal(pathOf(coordinator), `/nl/scholen/${SHORT}/visie/concept`);

    await coordinator.getByLabel('Tekst van ‘Inleiding’').fill(
      'Wij willen dat elke leerling bewust kiest.\n\nMentoren en decanen doen dat samen.');
    await submit(coordinator, coordinator.getByRole('button', { name: '‘Inleiding’ opslaan' }));
    assert.equal(await coordinator.getByRole('status').innerText(), 'Het onderdeel is opgeslagen.');
    assert.match(await coordinator.locator('#inleiding').innerText(), /Laatst gewijzigd door Sanne Bakker/);

    const guidance = coordinator.locator('section#begeleiding');
    await guidance.getByLabel('Tekst van ‘Oriëntatie en begeleiding’').fill('De mentor voert de loopbaangesprekken.');
    await guidance.locator('summary', { hasText: 'Gekoppelde uitspraken (0)' }).click();
    await guidance.getByRole('checkbox', { name: /BEG\.ORI\.T1 / }).check();
    await submit(coordinator, guidance.getByRole('button', { name: '‘Oriëntatie en begeleiding’ opslaan' }));
    assert.match(await coordinator.locator('section#begeleiding summary', { hasText: 'Gekoppelde' }).innerText(), /\(1\)/);

    const goal = coordinator.getByRole('form', { name: 'Nieuw doel' });
    await goal.getByLabel('Onderdeel').selectOption({ label: 'Oriëntatie en begeleiding' });
    await goal.getByLabel('Doel', { exact: true }).fill('Elke leerling twee loopbaangesprekken per jaar');
    await goal.getByLabel('Indicator').fill('Gesprekken in het volgsysteem');
    await goal.getByLabel('Streefwaarde').fill('90%');
    await goal.getByLabel('Eigenaar').fill('Teamleider onderbouw');
    await goal.getByLabel('Evaluatie op').fill('2027-06-15');
    await submit(coordinator, goal.getByRole('button', { name: 'Doel toevoegen' }));
    assert.equal(await coordinator.getByRole('status').innerText(), 'Het doel is toegevoegd.');

    await coordinator.getByLabel('Wat is er veranderd?').fill('Eerste versie');
    await submit(coordinator, coordinator.getByRole('button', { name: 'Visie vaststellen' }));
    assert.equal(pathOf(coordinator), `/nl/scholen/${SHORT}/visie`);
    assert.equal(await coordinator.getByRole('status').innerText(), 'De visie is vastgesteld.');
    assert.match(await coordinator.locator('main').innerText(), /Versie 1, vastgesteld op .* door Sanne Bakker/);
  });

  test('a mentor reads the version beside the practice; axe is clean', async () => {
    const mentor = await signedIn(MENTOR);
    await mentor.goto(url(`/nl/scholen/${SHORT}/visie`));
    const guidance = mentor.locator('section#begeleiding');
    assert.match(await guidance.innerText(), /De mentor voert de loopbaangesprekken\./);
    const practice = guidance.locator('dl.practice');
    assert.match(await practice.innerText(), /Verantwoordelijk\s+nog niemand/);
    assert.match(await mentor.locator('main').innerText(), /Uren LOB volgens de formule/);
    assert.equal(await mentor.getByRole('link', { name: 'Naar het concept' }).count(), 0);
    await assertAccessible(mentor, 'vision');
  });

  test('two authors on one section: the later is told, keeps their text and sees the other', async () => {
    admin = await signedIn(ADMIN);
    await admin.goto(url(`/nl/scholen/${SHORT}/visie/concept`));
    await assertAccessible(admin, 'vision draft');
    // The coordinator saves the introduction after the administrator opened the page.
    await coordinator.goto(url(`/nl/scholen/${SHORT}/visie/concept`));
    await coordinator.getByLabel('Tekst van ‘Inleiding’').fill('Wij willen dat elke leerling bewust en met plezier kiest.');
    await submit(coordinator, coordinator.getByRole('button', { name: '‘Inleiding’ opslaan' }));
    await admin.getByLabel('Tekst van ‘Inleiding’').fill('Mijn versie van de inleiding.');
    const refused = await submit(admin, admin.getByRole('button', { name: '‘Inleiding’ opslaan' }));
    assert.equal(refused.status(), 409);
    assert.match(await admin.getByRole('alert').first().innerText(), /Sanne Bakker heeft dit intussen gewijzigd/);
    assert.equal(await admin.getByLabel('Tekst van ‘Inleiding’').inputValue(), 'Mijn versie van de inleiding.');
    assert.match(await admin.locator('#inleiding blockquote').innerText(), /met plezier kiest/);
    await assertAccessible(admin, 'vision draft, stale save refused');
    // Saving again is a deliberate choice: it now goes through.
    await submit(admin, admin.getByRole('button', { name: '‘Inleiding’ opslaan' }));
    assert.equal(await admin.getByRole('status').innerText(), 'Het onderdeel is opgeslagen.');
  });

  test('a second version is compared with the first', async () => {
    await admin.getByLabel('Wat is er veranderd?').fill('Inleiding herschreven');
    await submit(admin, admin.getByRole('button', { name: 'Visie vaststellen' }));
    assert.match(await admin.locator('main').innerText(), /Versie 2, vastgesteld op .* door Jeroen Smit/);
    await admin.getByRole('button', { name: 'Vergelijken' }).click();
    assert.equal(pathOf(admin), `/nl/scholen/${SHORT}/visie/vergelijken`);
    assert.match(await admin.locator('ins').innerText(), /Mijn versie van de inleiding\./);
    assert.match(await admin.locator('del').first().innerText(), /Wij willen dat elke leerling bewust kiest\./);
    await assertAccessible(admin, 'vision compare');
  });

  test('a work plan takes up a goal of the published vision, without JavaScript', async () => {
    await coordinator.goto(url(`/nl/scholen/${SHORT}/visie`));
    await coordinator.getByRole('link', { name: 'Werkplannen van de teams' }).click();
    const make = coordinator.getByRole('form', { name: 'Een werkplan maken' });
    await make.getByLabel('Naam').fill('onderbouw');
    await make.getByRole('checkbox', { name: /Elke leerling twee loopbaangesprekken per jaar/ }).check();
    await submit(coordinator, make.getByRole('button', { name: 'Werkplan maken' }));
    assert.equal(await coordinator.getByRole('status').innerText(), 'Het werkplan is gemaakt. Voeg per doel de activiteiten toe.');
    const add = coordinator.getByRole('form', { name: 'Een activiteit toevoegen' });
    await add.getByLabel('Activiteit').fill('Gesprekkenweek in november');
    await add.getByLabel('Eigenaar').fill('Mentoren onderbouw');
    await add.getByLabel('Klaar op').fill('2026-11-30');
    await submit(coordinator, add.getByRole('button', { name: 'Activiteit toevoegen' }));
    assert.equal(await coordinator.getByRole('status').innerText(), 'De activiteit is toegevoegd.');
    assert.match(await coordinator.locator('main').innerText(), /Gesprekkenweek in november — Mentoren onderbouw, klaar op 30-11-2026/);
    const plan = pathOf(coordinator);
    await admin.goto(url(plan));
    await assertAccessible(admin, 'work plan');
    await admin.goto(url(`/nl/scholen/${SHORT}/visie/werkplannen`));
    await assertAccessible(admin, 'work plans');
  });

  test('the yearly cycle: a goal evaluated without JavaScript, its adjustment carried into the draft', async () => {
    await coordinator.goto(url(`/nl/scholen/${SHORT}/visie`));
    await coordinator.getByRole('link', { name: 'Jaarcyclus en jaarverslag' }).click();
    const goal = coordinator.getByRole('form', { name: 'Elke leerling twee loopbaangesprekken per jaar' });
    await goal.getByLabel('Resultaat').fill('82% had twee gesprekken');
    await goal.getByLabel('Wat stellen we bij').fill('Het tweede gesprek eerder plannen.');
    await submit(coordinator, goal.getByRole('button', { name: /Evaluatie opslaan/ }));
    assert.equal(await coordinator.getByRole('status').innerText(), 'De evaluatie is opgeslagen.');
    await submit(coordinator, coordinator.getByRole('button', { name: /Meenemen naar het concept van de visie/ }));
    assert.equal(await coordinator.getByRole('status').innerText(), 'De bijstelling staat nu bij het doel in het concept van de visie.');
    const cycle = `${pathOf(coordinator)}${new URL(coordinator.url()).search}`;
    await admin.goto(url(cycle));
    await assertAccessible(admin, 'yearly cycle');
    await admin.goto(url(`/nl/scholen/${SHORT}/visie/concept`));
    assert.match(await admin.locator('#doelen').innerText(), /Bijstelling uit de evaluatie van .*: Het tweede gesprek eerder plannen\./);
  });
});
