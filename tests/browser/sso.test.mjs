// Single sign-on against a real OpenID Provider (tests/oidc/provider.mjs, npm's
// oidc-provider playing SURFconext). Without JavaScript: an administrator links her own
// account on the account page and sets up signing in with the school account; a new
// teacher of the school's organisation then signs in through the provider's own login form
// and lands in the school as lid; someone of another organisation gets the page that says
// the school is not linked. axe-core checks each of our pages on the way.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, pathOf, startApp } from './harness.mjs';
import { assertAccessible, submit } from './steps.mjs';

const PASSWORD = 'paars kompas vindt zeven tulpen';
const here = path.dirname(fileURLToPath(import.meta.url));

/** A free port on 127.0.0.1 (the provider must know our address before we start). */
async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts the test provider; resolves to { issuer, stop() }. */
async function startProvider(redirect, accounts) {
  const child = spawn(process.execPath, [path.join(here, '../oidc/provider.mjs')], {
    env: {
      ...process.env,
      PROFILE: 'surfconext',
      CLIENT_ID: 'raamwerk-browser',
      CLIENT_SECRET: 'browser-secret-of-enough-length-0123456789',
      REDIRECT_URI: redirect,
      ACCOUNTS: JSON.stringify(accounts),
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const issuer = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk.toString('utf8');
      const match = out.match(/^ISSUER (\S+)/m);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the provider exited (${code}); npm ci in tests/oidc?`)));
  });
  return {
    issuer,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

describe('single sign-on with a real provider', () => {
  const env = {};
  before(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    env.provider = await startProvider(`${base}/sso/callback`, [
      { login: 'lotte', sub: 'surf-lotte', email: 'lotte@atlas.nl', name: 'Lotte Smit', org: 'atlas.nl' },
      { login: 'pim', sub: 'surf-pim', email: 'pim@atlas.nl', name: 'Pim de Boer', org: 'atlas.nl' },
      { login: 'vera', sub: 'surf-vera', email: 'vera@elders.nl', name: 'Vera Elders', org: 'elders.nl' },
    ]);
    env.app = await startApp({
      listen: `127.0.0.1:${port}`,
      extra: [
        '--base-url', base,
        '--oidc', `id=surf,name=SURFconext,issuer=${env.provider.issuer},client-id=raamwerk-browser,client-secret=browser-secret-of-enough-length-0123456789,claim=schac_home_organization`,
      ],
    });
    env.baseURL = env.app.baseURL;
    env.browser = await launchBrowser();
  });
  after(async () => {
    if (env.browser) await env.browser.close();
    if (env.app) await env.app.stop();
    if (env.provider) await env.provider.stop();
  });
  const url = (p) => `${env.baseURL}${p}`;

  /** Presses one of our buttons that leads to the provider's own login form. */
  async function toProvider(page, name) {
    await Promise.all([
      page.waitForURL((u) => u.toString().startsWith(env.provider.issuer)),
      page.getByRole('button', { name }).click(),
    ]);
    await page.waitForLoadState('load');
  }

  /** At the provider's own login form: sign in as `login`, and be sent back to us. */
  async function atProvider(page, login) {
    assert.ok(page.url().startsWith(env.provider.issuer), `at the provider: ${page.url()}`);
    await page.getByLabel('Account').fill(login);
    await Promise.all([
      page.waitForURL((u) => u.toString().startsWith(env.baseURL)),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await page.waitForLoadState('load');
  }

  async function signIn(page, email) {
    await page.goto(url('/nl/inloggen'));
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await submit(page, page.getByRole('button', { name: 'Inloggen', exact: true }));
  }

  test('an administrator links her account and sets up the school; a new teacher joins', { timeout: 120_000 }, async () => {
    const school = env.app.admin('admin', 'create-school', '--name', 'Het Atlas College', '--sector', 'vo',
      '--students', '1200', '--region', 'Noord-Holland');
    const link = env.app.admin('admin', 'create-user', '--school', school, '--email', 'lotte@atlas.nl',
      '--name', 'Lotte Smit', '--permission', 'schoolbeheerder', '--base-url', env.baseURL);

    // Lotte works without JavaScript; axe-core runs in a second, scripted tab of hers.
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByLabel('Nieuw wachtwoord').fill(PASSWORD);
    await page.getByLabel('Herhaal het wachtwoord').fill(PASSWORD);
    await submit(page, page.getByRole('button', { name: 'Wachtwoord instellen' }));
    await signIn(page, 'lotte@atlas.nl');
    const checkerContext = await env.browser.newContext();
    const checker = await checkerContext.newPage();
    await signIn(checker, 'lotte@atlas.nl');
    const accessible = async (label) => {
      await checker.goto(page.url());
      await assertAccessible(checker, label);
    };

    // Passwords cannot go off before her own account is linked.
    await page.goto(url(`/nl/scholen/${school}`));
    await page.getByRole('link', { name: 'Inloggen via schoolaccount instellen' }).click();
    assert.equal(pathOf(page), `/nl/scholen/${school}/inloggen`);
    await accessible('the school sign-in page');
    await page.getByLabel('Inlogdienst', { exact: true }).selectOption('surf');
    await page.getByLabel('Jullie organisatie bij de inlogdienst').fill('atlas.nl');
    await page.getByLabel(/wordt bij de eerste keer inloggen lid/).check();
    await page.getByLabel(/niet meer in met een wachtwoord/).check();
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    assert.match(await page.getByRole('alert').innerText(), /Koppel eerst je eigen account aan SURFconext/);
    assert.equal(await page.getByLabel('Jullie organisatie bij de inlogdienst').inputValue(), 'atlas.nl', 'what was typed stays');

    // She links SURFconext on her account page, through the provider's login form.
    await page.goto(url('/nl/account'));
    assert.match(await page.locator('main').innerText(), /Niet gekoppeld aan SURFconext/);
    await accessible('the account page with a provider');
    await toProvider(page, 'Koppelen aan SURFconext');
    await atProvider(page, 'lotte');
    assert.equal(pathOf(page), '/nl/account');
    assert.match(await page.getByRole('status').innerText(), /Je account is gekoppeld/);
    assert.match(await page.locator('main').innerText(), /Gekoppeld aan SURFconext/);

    await page.goto(url(`/nl/scholen/${school}/inloggen`));
    await page.getByLabel('Inlogdienst', { exact: true }).selectOption('surf');
    await page.getByLabel('Jullie organisatie bij de inlogdienst').fill('atlas.nl');
    await page.getByLabel(/wordt bij de eerste keer inloggen lid/).check();
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    assert.match(await page.getByRole('status').innerText(), /Opgeslagen/);
    await accessible('the school sign-in page, saved');
    await checkerContext.close();
    await context.close();

    // A new teacher of atlas.nl, without JavaScript: first sign-in through the provider's
    // own form, and she is lid of the school.
    const teacherContext = await env.browser.newContext({ javaScriptEnabled: false });
    const teacher = await teacherContext.newPage();
    await teacher.goto(url('/nl/inloggen'));
    await toProvider(teacher, 'Inloggen via SURFconext');
    await atProvider(teacher, 'pim');
    assert.equal(pathOf(teacher), `/nl/scholen/${school}`, 'one school: straight to it');
    assert.match(await teacher.locator('main').innerText(), /Het Atlas College/);
    assert.match(await teacher.locator('main').innerText(), /Bevoegdheid\s+lid/);
    await teacherContext.close();

    // Someone of another organisation: a clear page, not signed in (a scripted tab, so that
    // axe-core can check the page).
    const strangerContext = await env.browser.newContext();
    const stranger = await strangerContext.newPage();
    await stranger.goto(url('/nl/inloggen'));
    await assertAccessible(stranger, 'the sign-in page with a provider');
    await toProvider(stranger, 'Inloggen via SURFconext');
    await atProvider(stranger, 'vera');
    assert.match(await stranger.getByRole('heading', { level: 1 }).innerText(), /Je school is nog niet gekoppeld/);
    await assertAccessible(stranger, 'the school-not-linked page');
    await stranger.goto(url('/nl/scholen'));
    assert.equal(pathOf(stranger), '/nl/inloggen', 'not signed in');
    await strangerContext.close();
  });
});
