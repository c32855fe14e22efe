// API tokens. A member of the demo school makes a personal token on the school's page without
// JavaScript (the secret shown once, never again in the list), a script uses it against the
// JSON API with Node's own fetch, and the member revokes it: from then on the API refuses it.
// The administrator's page lists the school's token and the members' tokens. axe-core and the
// 390/320 px fit run on the pages in a second, scripted tab.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathOf, useAppAndBrowser } from './harness.mjs';
import { assertAccessible, submit } from './steps.mjs';

const SCHOOL = 'demoschool-de-zandloper';
const TOKENS = `/nl/scholen/${SCHOOL}/api-sleutels`;

describe('API tokens', () => {
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

  const api = (path, token) => fetch(url(`/api/v1/schools/${SCHOOL}${path}`), {
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'nl' },
  });

  test('a member makes a token, a script uses it, the member revokes it', async () => {
    const printed = env.app.admin('demo', '--school-size', '24');
    const lines = Object.fromEntries(printed.trim().split('\n').map((l) => {
      const [who, ...rest] = l.split(' ');
      return [who, rest];
    }));
    const [email, ...password] = lines['member:'];
    const member = await context(false);
    await signIn(member, email, password.join(' '));
    const checker = await context(true);
    await signIn(checker, email, password.join(' '));
    const accessible = async (label) => {
      await checker.goto(member.url());
      await assertAccessible(checker, label);
    };

    await member.goto(url(`/nl/scholen/${SCHOOL}`));
    await member.getByRole('link', { name: 'API-sleutels voor koppelingen met andere systemen' }).click();
    assert.equal(pathOf(member), TOKENS);
    const own = member.getByRole('region', { name: 'Uw sleutels' });
    assert.match(await own.innerText(), /Eigen portfolio/);
    assert.doesNotMatch(await member.locator('main').innerText(), /Sleutels van de school/);
    await accessible('the tokens page (member)');

    // Without a scope: refused, with the reason, and the name kept.
    await member.getByLabel('Naam', { exact: true }).first().fill('Mijn dashboard');
    await submit(member, member.getByRole('button', { name: 'Sleutel maken' }).first());
    assert.match(await member.getByRole('alert').innerText(), /Kies ten minste één onderdeel/);
    assert.equal(await member.getByLabel('Naam', { exact: true }).first().inputValue(), 'Mijn dashboard');

    await member.getByRole('group', { name: 'eigen ontwikkelplan' }).getByLabel('lezen', { exact: true }).check();
    await member.getByRole('group', { name: 'scanrondes' }).getByLabel('lezen', { exact: true }).check();
    await submit(member, member.getByRole('button', { name: 'Sleutel maken' }).first());
    assert.match(await member.getByRole('heading', { level: 2 }).first().innerText(), /Sleutel ‘Mijn dashboard’ gemaakt/);
    const secret = await member.getByLabel('Sleutel', { exact: true }).inputValue();
    assert.match(secret, /^rwk_[0-9a-f]{64}$/);

    // A script with the token: its own plan and the rounds, not the members.
    const plan = await api('/plan', secret);
    assert.equal(plan.status, 200);
    assert.ok(Array.isArray((await plan.json()).goals));
    assert.equal((await api('/rounds', secret)).status, 200);
    const members = await api('/members', secret);
    assert.equal(members.status, 403);
    assert.match((await members.json()).error, /members:read/);

    // The list shows it, without its secret; the member revokes it and it stops at once.
    await member.goto(url(TOKENS));
    assert.doesNotMatch(await member.content(), new RegExp(secret));
    const row = member.getByRole('row', { name: /Mijn dashboard/ });
    assert.match(await row.innerText(), /in gebruik/);
    await submit(member, member.getByRole('button', { name: 'Sleutel Mijn dashboard intrekken' }));
    assert.match(await member.getByRole('status').innerText(), /De sleutel is ingetrokken/);
    assert.match(await member.getByRole('row', { name: /Mijn dashboard/ }).innerText(), /ingetrokken/);
    const refused = await api('/plan', secret);
    assert.equal(refused.status, 401);
    assert.match(refused.headers.get('www-authenticate'), /^Bearer/);
    await accessible('the tokens page after revoking');

    // The member's demo token works too.
    const [demoToken] = lines['api:'];
    assert.equal((await api('/rounds', demoToken)).status, 200);
  });
});
