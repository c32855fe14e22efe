// The team picture. Five mentors answer a statement; four let their scan count through the
// app's own addresses, the fifth with the button on the round page (without JavaScript).
// Before the fifth, the mentor role reads "te weinig deelnemers"; after, it shows its bars
// and numbers, and never a name. A coordinator makes a team of four (too few), and an
// administrator tries to lower k (refused) and raises it. axe-core runs on the picture, the
// team page and the settings with the refused k, and each must fit 390 and 320 px. Then the
// coordinator prepares a team meeting from the picture and records an agreement that makes
// the mentors responsible for a task; the fifth mentor, without JavaScript, reads it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathOf, useAppAndBrowser } from './harness.mjs';
import { assertAccessible, submit } from './steps.mjs';

const SCHOOL = 'Het Baken College';
const SHORT = 'het-baken-college';
const PASSWORD = 'paars kompas vindt zeven tulpen';
const COORDINATOR = { name: 'Noor Hendriks', email: 'noor@baken.nl' };
const ADMIN = { name: 'Bas Vermeulen', email: 'bas@baken.nl' };
const MENTORS = ['Ada', 'Ben', 'Cas', 'Dewi', 'Eva'].map((first) => ({
  name: `${first} Mentor`, email: `${first.toLowerCase()}@baken.nl`,
}));
const STATEMENT = 'BEG.VIS.T1';

describe('the team picture', () => {
  const env = useAppAndBrowser({ before, after });
  const contexts = [];
  let roundPath = null;

  const url = (p) => `${env.baseURL}${p}`;

  async function signedIn(person, options = {}) {
    const link = env.app.admin('admin', 'create-user', '--school', SHORT, '--email', person.email,
      '--name', person.name, '--permission', person.permission ?? 'lid', '--roles', person.roles ?? 'BEG',
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

  const mentorSection = (page) => page.locator('section.overview-role').filter({
    has: page.getByRole('heading', { level: 2, name: /^Begeleider primair proces/ }),
  });

  test('with four counting the mentor role has too few participants; with five it is shown, without names', async () => {
    assert.equal(env.app.admin('admin', 'create-school', '--name', SCHOOL, '--sector', 'vo',
      '--students', '500', '--region', 'Utrecht'), SHORT);
    const coordinator = await signedIn({ ...COORDINATOR, permission: 'coordinator', roles: 'SPE' });
    await coordinator.goto(url(`/nl/scholen/${SHORT}/rondes`));
    const form = coordinator.getByRole('form', { name: 'Een ronde openen' });
    await form.getByLabel('Naam', { exact: true }).fill('najaar 2026');
    await form.getByLabel('Begindatum').fill('2026-09-01');
    await submit(coordinator, form.getByRole('button', { name: 'Ronde openen' }));
    roundPath = pathOf(coordinator);

    const mentors = [];
    for (const [i, mentor] of MENTORS.entries()) {
      const page = await signedIn(mentor, { javaScriptEnabled: i !== 4 });
      const save = await page.request.post(url(`${roundPath}/opslaan`), {
        form: { field: `keuze.${STATEMENT}`, value: ['ja', 'deels', 'ontwikkelen'][i % 3] },
        headers: { Origin: env.baseURL },
      });
      assert.equal(save.status(), 200, await save.text());
      mentors.push(page);
    }
    for (const page of mentors.slice(0, 4)) {
      const counted = await page.request.post(url(`${roundPath}/teambeeld/meetellen`), {
        form: { aan: '1' }, headers: { Origin: env.baseURL }, maxRedirects: 0,
      });
      assert.equal(counted.status(), 303);
    }

    await coordinator.goto(url(`${roundPath}/teambeeld`));
    assert.match(await mentorSection(coordinator).innerText(), /te weinig deelnemers/);
    assert.equal(await mentorSection(coordinator).locator('svg.chart').count(), 0);
    await assertAccessible(coordinator, 'team picture, too few');

    // The fifth, without JavaScript, on the round page.
    const fifth = mentors[4];
    await fifth.goto(url(roundPath));
    assert.match(await fifth.locator('h2#teambeeld + p').innerText(), /telt niet mee in het teambeeld/);
    await submit(fifth, fifth.getByRole('button', { name: 'Laat mijn scan meetellen in het teambeeld' }));
    assert.equal(new URL(fifth.url()).hash, '#teambeeld');
    assert.match(await fifth.locator('h2#teambeeld + p').innerText(), /telt anoniem mee/);

    await coordinator.goto(url(`${roundPath}/teambeeld`));
    const section = mentorSection(coordinator);
    assert.match(await section.locator('h2').innerText(), /5 deelnemers/);
    assert.ok(await section.locator('svg.chart').count() > 0);
    const main = await coordinator.locator('main').innerText();
    for (const mentor of MENTORS) assert.ok(!main.includes(mentor.name), `${mentor.name} on the picture`);
    await assertAccessible(coordinator, 'team picture');
  });

  test('a team of four is too few; an administrator cannot lower k, only raise it', async () => {
    const coordinator = contexts[0].pages()[0];
    await coordinator.goto(url(`/nl/scholen/${SHORT}/teams`));
    const make = coordinator.getByRole('region', { name: 'Een team maken' });
    await make.getByLabel('Naam van het team').fill('onderbouw');
    for (const mentor of MENTORS.slice(0, 4)) await make.getByLabel(mentor.name).check();
    await submit(coordinator, make.getByRole('button', { name: 'Team maken' }));
    assert.equal(await coordinator.getByRole('status').innerText(), 'Het team is opgeslagen.');
    await assertAccessible(coordinator, 'teams');
    await coordinator.goto(url(`${roundPath}/teambeeld`));
    await coordinator.getByLabel('Voor wie').selectOption({ label: 'onderbouw' });
    await coordinator.getByRole('button', { name: 'Tonen' }).click();
    assert.match(await mentorSection(coordinator).innerText(), /te weinig deelnemers/);

    const admin = await signedIn({ ...ADMIN, permission: 'schoolbeheerder', roles: 'COO' });
    await admin.goto(url(`/nl/scholen/${SHORT}/instellingen`));
    const k = admin.getByLabel('Minimum aantal deelnemers');
    assert.equal(await k.inputValue(), '5');
    await k.fill('3');
    const refused = await submit(admin, admin.getByRole('button', { name: 'Opslaan' }).last());
    assert.equal(refused.status(), 422);
    assert.match(await admin.getByRole('alert').innerText(), /nooit getoond over minder dan 5 mensen/);
    await assertAccessible(admin, 'settings, k refused');
    await admin.getByLabel('Minimum aantal deelnemers').fill('6');
    await submit(admin, admin.getByRole('button', { name: 'Opslaan' }).last());
    assert.equal(await admin.getByRole('status').innerText(), 'Het minimum aantal deelnemers is opgeslagen.');
    // The round has answers: it keeps its five.
    await coordinator.goto(url(`${roundPath}/teambeeld`));
    assert.match(await mentorSection(coordinator).locator('h2').innerText(), /5 deelnemers/);
  });

  test('a team meeting from the picture: topics chosen, an agreement that makes the mentors responsible for a task, read by a mentor without JavaScript', async () => {
    const coordinator = contexts[0].pages()[0];
    await coordinator.goto(url(`${roundPath}/teambeeld`));
    await coordinator.getByRole('link', { name: 'Teamoverleg: het teambeeld bespreken' }).click();
    assert.equal(pathOf(coordinator), `/nl/scholen/${SHORT}/teamoverleg`);
    await assertAccessible(coordinator, 'team meetings');
    const divided = coordinator.getByRole('group', { name: 'Waar het team het meest verschilt' });
    await divided.getByRole('checkbox', { name: new RegExp(`^${STATEMENT}`) }).check();
    const nobody = coordinator.getByRole('group', { name: 'Taken waarvoor nog niemand verantwoordelijk is' });
    const task = (await nobody.getByRole('checkbox').first().getAttribute('value')).replace('aandacht:', '');
    await nobody.getByRole('checkbox').first().check();
    await coordinator.getByLabel('Eigen onderwerpen').fill('Terugblik op de voorlichtingsavond');
    await coordinator.getByLabel('Datum van het overleg').fill('2027-01-20');
    await submit(coordinator, coordinator.getByRole('button', { name: 'Agenda maken' }));
    assert.equal(await coordinator.getByRole('status').innerText(), 'De agenda is gemaakt. Pas hem aan waar je wilt.');
    assert.equal(await coordinator.getByRole('heading', { level: 1 }).innerText(), 'Teamoverleg 20-1-2027');
    const agenda = coordinator.locator('ol.agenda');
    assert.equal(await agenda.locator(':scope > li').count(), 3);
    assert.match(await agenda.innerText(), /Terugblik op de voorlichtingsavond/);
    await assertAccessible(coordinator, 'team meeting, coordinator');
    const meetingPath = pathOf(coordinator);

    await coordinator.getByLabel('Afspraak', { exact: true }).fill('De mentoren nemen dit op zich');
    await coordinator.getByLabel('Maakt deze afspraak iemand verantwoordelijk voor een taak?').selectOption(task);
    await coordinator.getByLabel('Wie wordt verantwoordelijk?').selectOption({ label: 'Begeleider primair proces' });
    await submit(coordinator, coordinator.getByRole('button', { name: 'Afspraak vastleggen' }));
    assert.match(await coordinator.getByRole('status').innerText(), /staat ook in wie doet wat/);
    const agreements = coordinator.getByRole('region', { name: 'Afspraken' });
    assert.match(await agreements.innerText(), new RegExp(`${task.replaceAll('.', '\\.')}: verantwoordelijk Begeleider primair proces`));
    await coordinator.goto(url(`/nl/scholen/${SHORT}/taken/${task}`));
    assert.match(await coordinator.locator('main').innerText(), /Begeleider primair proces — verantwoordelijk/i);

    // A mentor, without JavaScript, reads the meeting and its agreement, and cannot change it.
    const mentor = contexts[5].pages()[0];
    await mentor.goto(url(`/nl/scholen/${SHORT}`));
    await mentor.getByRole('navigation', { name: 'Deze school' }).getByRole('link', { name: 'Teamoverleg' }).click();
    await mentor.getByRole('link', { name: 'Teamoverleg 20-1-2027' }).click();
    assert.equal(pathOf(mentor), meetingPath);
    assert.match(await mentor.locator('main').innerText(), /De mentoren nemen dit op zich/);
    assert.equal(await mentor.getByRole('button', { name: 'Afspraak vastleggen' }).count(), 0);
    assert.equal(await mentor.getByRole('heading', { name: 'De agenda aanpassen' }).count(), 0);
    const pdf = await mentor.request.get(url(`${meetingPath}/teamoverleg.pdf`));
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    // axe needs script: another mentor's view of the same page.
    const other = contexts[1].pages()[0];
    await other.goto(url(meetingPath));
    await assertAccessible(other, 'team meeting, mentor');
  });
});
