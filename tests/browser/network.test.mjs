// Networks of schools. The demo makes a pilot network of eight fictional schools; its
// coordinator signs in, finds the network on the schools page, reads the figures side by side
// (median and quartiles, no school named beside a figure it did not agree to) and invites
// another school. That school's administrator, without JavaScript, accepts, chooses what it
// shares, shares its figures as its page shows them and reads the network with its own
// position; then leaves. axe-core and the 390/320 px fit run on every page of the flow (axe
// needs JavaScript, so the administrator's pages are checked in a second, scripted tab).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathOf, useAppAndBrowser } from './harness.mjs';
import { assertAccessible, submit } from './steps.mjs';

const SCHOOL = 'Het Anker';
const SHORT = 'het-anker';
const PASSWORD = 'zilveren anker onder drie bruggen';
const ADMIN = { name: 'Merel Vos', email: 'merel@anker.nl', permission: 'schoolbeheerder', roles: 'COO' };
const NETWORK = '/nl/netwerken/demopilot-lob-oost';

describe('networks of schools', () => {
  const env = useAppAndBrowser({ before, after });
  const contexts = [];
  const url = (p) => `${env.baseURL}${p}`;

  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
  });

  async function context(script = true) {
    const made = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: script });
    contexts.push(made);
    return made.newPage();
  }

  async function signIn(page, email, password) {
    await page.goto(url('/nl/inloggen'));
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await submit(page, page.getByRole('button', { name: 'Inloggen' }));
  }

  let coordinator;

  test('the coordinator reads the network side by side and invites a school', async () => {
    const printed = env.app.admin('demo', '--school-size', '24');
    const line = printed.split('\n').find((l) => l.startsWith('network: '));
    assert.ok(line, printed);
    const [, email, password] = line.split(' ');
    coordinator = await context();
    await signIn(coordinator, email, password);
    assert.equal(pathOf(coordinator), '/nl/scholen');
    await coordinator.getByRole('link', { name: 'Demopilot LOB Oost' }).click();
    assert.equal(pathOf(coordinator), NETWORK);
    const main = coordinator.locator('main');
    assert.match(await main.innerText(), /8 scholen zijn lid/);
    const allocation = coordinator.getByRole('table', { name: 'Taken met een verantwoordelijke' });
    assert.match(await allocation.innerText(), /8 scholen/);
    assert.match(await allocation.innerText(), /Mediaan/);
    // Explanations: by name where the school agreed, else as "a school".
    assert.match(await main.innerText(), /Een school in het netwerk/);
    await assertAccessible(coordinator, 'the network (coordinator)');
    // Last year, chosen without JavaScript.
    await coordinator.getByLabel('Schooljaar').selectOption({ index: 1 });
    await Promise.all([
      coordinator.waitForURL(/jaar=/),
      coordinator.getByRole('button', { name: 'Toon' }).click(),
    ]);
    assert.match(await main.innerText(), /Kengetallen 20\d\d-20\d\d/);

    assert.equal(env.app.admin('admin', 'create-school', '--name', SCHOOL, '--sector', 'vo',
      '--students', '650', '--region', 'Drenthe'), SHORT);
    await coordinator.goto(url(NETWORK));
    await coordinator.getByLabel('Korte naam of BRIN-code van de school').fill('geen-school');
    await submit(coordinator, coordinator.getByRole('button', { name: 'Uitnodigen' }));
    assert.match(await main.innerText(), /Er is geen school met de korte naam of BRIN-code ‘geen-school’/);
    await assertAccessible(coordinator, 'a refused invitation');
    await coordinator.getByLabel('Korte naam of BRIN-code van de school').fill(SHORT);
    await submit(coordinator, coordinator.getByRole('button', { name: 'Uitnodigen' }));
    assert.match(await coordinator.getByRole('status').innerText(), /De school is uitgenodigd/);
    assert.match(await coordinator.getByRole('table', { name: 'Scholen' }).innerText(), /Het Anker\s+uitgenodigd/);
  });

  test('the invited school accepts, shares what it chose and sees its own position', async () => {
    const link = env.app.admin('admin', 'create-user', '--school', SHORT, '--email', ADMIN.email,
      '--name', ADMIN.name, '--permission', ADMIN.permission, '--roles', ADMIN.roles,
      '--base-url', env.baseURL);
    const admin = await context(false);
    await admin.goto(link);
    await admin.getByLabel('Nieuw wachtwoord').fill(PASSWORD);
    await admin.getByLabel('Herhaal het wachtwoord').fill(PASSWORD);
    await submit(admin, admin.getByRole('button', { name: 'Wachtwoord instellen' }));
    await signIn(admin, ADMIN.email, PASSWORD);
    const checker = await context(true);
    await signIn(checker, ADMIN.email, PASSWORD);
    const accessible = async (label) => {
      await checker.goto(admin.url());
      await assertAccessible(checker, label);
    };
    await admin.getByRole('navigation', { name: 'Deze school' }).getByRole('link', { name: 'Netwerken' }).click();
    assert.equal(pathOf(admin), `/nl/scholen/${SHORT}/netwerken`);
    await accessible('an invitation');
    await submit(admin, admin.getByRole('button', { name: 'Uitnodiging aannemen' }));
    assert.match(await admin.getByRole('status').innerText(), /lid van het netwerk/);
    await accessible('a membership');
    const form = admin.getByRole('form', { name: 'Wat deelt uw school met Demopilot LOB Oost?' });
    await form.getByLabel('Taken met een verantwoordelijke').check();
    await form.getByLabel('Voortgang van de jaarcyclus').check();
    await form.getByLabel('Toelichting voor het netwerk').fill('Wij zijn net begonnen.');
    await submit(admin, form.getByRole('button', { name: 'Opslaan' }));
    assert.match(await admin.getByRole('status').innerText(), /Wat uw school deelt is opgeslagen/);
    assert.match(await admin.locator('main').innerText(), /nog geen kengetallen gedeeld/);
    await submit(admin, admin.getByRole('button', { name: 'Deel deze kengetallen' }));
    assert.match(await admin.getByRole('status').innerText(), /De kengetallen zijn gedeeld/);
    await admin.getByRole('link', { name: 'Kengetallen van Demopilot LOB Oost bekijken' }).click();
    const own = admin.getByRole('table', { name: 'Taken met een verantwoordelijke' });
    assert.match(await own.innerText(), /Onze school/);
    assert.match(await own.innerText(), /0% \(bij het laagste kwart\)|0% \(in de middelste helft\)/);
    assert.doesNotMatch(await admin.locator('main').innerText(), /Demoschool Veldzicht/);
    await accessible('the network (member school)');

    // The coordinator sees the new member and its explanation.
    await coordinator.goto(url(NETWORK));
    assert.match(await coordinator.getByRole('table', { name: 'Scholen' }).innerText(), /Het Anker\s+lid/);
    assert.match(await coordinator.locator('main').innerText(), /Wij zijn net begonnen\./);

    // Leaving asks for a tick, then takes the school's figures out at once.
    await admin.goto(url(`/nl/scholen/${SHORT}/netwerken`));
    await submit(admin, admin.getByRole('button', { name: 'Netwerk verlaten' }));
    assert.match(await admin.getByRole('alert').innerText(), /Vink aan dat u het netwerk wilt verlaten/);
    await admin.getByLabel('Ik begrijp dat onze cijfers meteen uit het netwerk verdwijnen.').check();
    await submit(admin, admin.getByRole('button', { name: 'Netwerk verlaten' }));
    assert.match(await admin.getByRole('status').innerText(), /heeft het netwerk verlaten/);
    await coordinator.goto(url(NETWORK));
    assert.doesNotMatch(await coordinator.locator('main').innerText(), /Wij zijn net begonnen\./);
  });
});
