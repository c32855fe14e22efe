// Navigation through the public framework pages, as a person would: by role, text and URL.

import assert from 'node:assert/strict';
import { get } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { pathOf, useAppAndBrowser, withPage } from './harness.mjs';

const DUTCH = { locale: 'nl-NL', extraHTTPHeaders: { 'Accept-Language': 'nl-NL,nl;q=0.9' } };
const ENGLISH = { locale: 'en-US', extraHTTPHeaders: { 'Accept-Language': 'en-US,en;q=0.9' } };

const ROLE_NAMES_NL = ['Begeleider primair proces', 'Specialistisch loopbaanbegeleider', 'Coördinator/beleidsmaker LOB'];

/** GET without any headers beyond Host; resolves to { status, location }. */
function rawGet(url) {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      res.resume();
      resolve({ status: res.statusCode, location: res.headers.location });
    }).on('error', reject);
  });
}

/** Trimmed texts of every statement code shown in the main content. */
async function codes(page) {
  const texts = await page.locator('main .code').allInnerTexts();
  return texts.map((t) => t.trim()).filter((t) => t.length > 0);
}

async function h1Text(page) {
  return (await page.getByRole('heading', { level: 1 }).first().innerText()).trim();
}

async function htmlLang(page) {
  return page.locator('html').getAttribute('lang');
}

/** The link to an area in the navigation that lists the areas. */
function areaLink(page, name) {
  return page
    .getByRole('navigation')
    .getByRole('link', { name, exact: true })
    .first();
}

/**
 * The main journey: Dutch role page → one area → English. Shared between the test with
 * JavaScript and the one without, so both prove the same behaviour.
 */
async function roleAreaLanguageJourney(page, baseURL) {
  const response = await page.goto(`${baseURL}/nl/rollen/begeleider`);
  assert.equal(response.status(), 200, 'GET /nl/rollen/begeleider');
  assert.equal(await htmlLang(page), 'nl-NL');
  assert.match(await h1Text(page), /Begeleider primair proces/);

  const all = await codes(page);
  assert.ok(all.length >= 30, `expected at least 30 statement codes, saw ${all.length}: ${all.join(' ')}`);
  for (const area of ['VIS', 'ORI', 'ORG', 'SAM']) {
    assert.ok(all.some((c) => c.startsWith(`BEG.${area}.`)), `all-areas page shows no BEG.${area}.* code`);
  }

  // The area navigation offers every area plus "all areas".
  for (const name of ['Alle aandachtsgebieden', 'Visie en beleid', 'Oriëntatie en begeleiding', 'Organisatie', 'Samenwerking']) {
    assert.ok(await areaLink(page, name).count() > 0, `no link "${name}" in a navigation on /nl/rollen/begeleider`);
  }

  await Promise.all([
    page.waitForURL((url) => url.pathname === '/nl/rollen/begeleider/organisatie'),
    areaLink(page, 'Organisatie').click(),
  ]);
  assert.equal(pathOf(page), '/nl/rollen/begeleider/organisatie');
  assert.match(await h1Text(page), /Begeleider primair proces/);
  const org = await codes(page);
  assert.ok(org.length > 0, 'the Organisatie page shows no statement codes');
  const foreign = org.filter((c) => !c.startsWith('BEG.ORG.'));
  assert.deepEqual(foreign, [], 'only BEG.ORG.* codes on /nl/rollen/begeleider/organisatie');

  // Tasks and expertise are shown apart, under headings.
  const headings = (await page.locator('main').getByRole('heading').allInnerTexts()).join(' | ');
  assert.match(headings, /Taken/i, `no heading for the tasks; headings: ${headings}`);
  assert.match(headings, /Deskundigheid/i, `no heading for the expertise; headings: ${headings}`);

  const toEnglish = page.locator('a[hreflang="en"]').first();
  assert.equal(await toEnglish.count(), 1, 'no language switch a[hreflang="en"] on a Dutch page');
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/en/roles/mentor/organisation'),
    toEnglish.click(),
  ]);
  assert.equal(pathOf(page), '/en/roles/mentor/organisation');
  assert.equal(await htmlLang(page), 'en-GB');
  assert.match(await h1Text(page), /Mentor\/coach/);
  const orgEn = await codes(page);
  assert.ok(orgEn.length > 0, 'the English Organisation page shows no statement codes');
  assert.deepEqual(orgEn.filter((c) => !c.startsWith('BEG.ORG.')), [], 'only BEG.ORG.* codes on /en/roles/mentor/organisation');
  assert.deepEqual(orgEn, org, 'the same statements in both languages');

  // And back again.
  const toDutch = page.locator('a[hreflang="nl"]').first();
  assert.equal(await toDutch.count(), 1, 'no language switch a[hreflang="nl"] on an English page');
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/nl/rollen/begeleider/organisatie'),
    toDutch.click(),
  ]);
  assert.equal(await htmlLang(page), 'nl-NL');
}

describe('navigation', () => {
  const env = useAppAndBrowser({ before, after });

  test('role page → area → language switch', async () => {
    await withPage(env.browser, DUTCH, (page) => roleAreaLanguageJourney(page, env.baseURL));
  });

  test('the same journey works with JavaScript disabled', async () => {
    await withPage(env.browser, { ...DUTCH, javaScriptEnabled: false }, async (page) => {
      const home = await page.goto(`${env.baseURL}/`);
      assert.equal(home.status(), 200);
      assert.equal(pathOf(page), '/nl/');
      await roleAreaLanguageJourney(page, env.baseURL);
    });
  });

  test('/ redirects (303) to /en/ for Accept-Language en-US,en;q=0.9', async () => {
    await withPage(env.browser, ENGLISH, async (page) => {
      const redirect = await page.request.get(`${env.baseURL}/`, { maxRedirects: 0 });
      assert.equal(redirect.status(), 303, 'GET / answers 303 See Other');
      assert.match(redirect.headers().location ?? '', /\/en\/$/);
      const response = await page.goto(`${env.baseURL}/`);
      assert.equal(response.status(), 200);
      assert.equal(pathOf(page), '/en/');
      assert.equal(await htmlLang(page), 'en-GB');
    });
  });

  test('/ redirects to /nl/ for a Dutch browser and when no language is asked', async () => {
    await withPage(env.browser, DUTCH, async (page) => {
      await page.goto(`${env.baseURL}/`);
      assert.equal(pathOf(page), '/nl/');
      assert.equal(await htmlLang(page), 'nl-NL');
    });
    // Without any Accept-Language header (a plain HTTP client, not a browser).
    const redirect = await rawGet(`${env.baseURL}/`);
    assert.equal(redirect.status, 303, 'GET / without Accept-Language answers 303');
    assert.match(redirect.location ?? '', /\/nl\/$/);
  });

  test('the lang cookie wins over Accept-Language', async () => {
    await withPage(env.browser, ENGLISH, async (page, context) => {
      await context.addCookies([{ name: 'lang', value: 'nl', url: env.baseURL }]);
      await page.goto(`${env.baseURL}/`);
      assert.equal(pathOf(page), '/nl/');
    });
    await withPage(env.browser, DUTCH, async (page, context) => {
      await context.addCookies([{ name: 'lang', value: 'en', url: env.baseURL }]);
      await page.goto(`${env.baseURL}/`);
      assert.equal(pathOf(page), '/en/');
    });
  });

  test('a theme page shows the three roles side by side', async () => {
    await withPage(env.browser, DUTCH, async (page) => {
      const response = await page.goto(`${env.baseURL}/nl/themas/loopbaangesprek`);
      assert.equal(response.status(), 200, 'GET /nl/themas/loopbaangesprek');
      const boxes = [];
      for (const name of ROLE_NAMES_NL) {
        const label = page.locator('main').getByText(name, { exact: true }).first();
        assert.ok(await label.count() > 0, `role name "${name}" not shown on the theme page`);
        assert.ok(await label.isVisible(), `role name "${name}" not visible on the theme page`);
        boxes.push({ name, box: await label.boundingBox() });
      }
      // Side by side at a desktop width: the columns do not overlap horizontally and share a row.
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].box;
          const b = boxes[j].box;
          const apartHorizontally = a.x + a.width <= b.x + 1 || b.x + b.width <= a.x + 1;
          const sameRow = a.y < b.y + b.height && b.y < a.y + a.height;
          assert.ok(
            apartHorizontally && sameRow,
            `"${boxes[i].name}" ${JSON.stringify(a)} and "${boxes[j].name}" ${JSON.stringify(b)} are not side by side`,
          );
        }
      }
    });
  });

  test('the skip link is the first focusable element and leads to #main', async () => {
    for (const url of ['/nl/', '/en/roles/specialist']) {
      await withPage(env.browser, DUTCH, async (page) => {
        await page.goto(`${env.baseURL}${url}`);
        assert.equal(await page.locator('#main').count(), 1, `${url}: no element with id="main"`);
        const skip = page.locator('a[href$="#main"]').first();
        assert.equal(await skip.count(), 1, `${url}: no skip link to #main`);
        const skipText = (await skip.textContent()).trim();
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement;
          return { tag: el?.tagName, text: (el?.textContent ?? '').trim(), href: el?.getAttribute('href') ?? '' };
        });
        assert.equal(focused.tag, 'A', `${url}: first Tab focuses ${focused.tag}, not a link`);
        assert.ok(focused.href.endsWith('#main'), `${url}: first Tab focuses href="${focused.href}"`);
        assert.equal(focused.text, skipText);
        assert.ok(await skip.isVisible(), `${url}: the skip link is not visible when focused`);
      });
    }
  });

  test('unknown paths give a 404 page in the language of the path', async () => {
    await withPage(env.browser, ENGLISH, async (page) => {
      const nl = await page.goto(`${env.baseURL}/nl/rollen/onbekend`);
      assert.equal(nl.status(), 404);
      assert.equal(await htmlLang(page), 'nl-NL');
      assert.equal(await page.locator('a[href$="#main"]').count() > 0, true, 'the 404 page has a skip link');
    });
    await withPage(env.browser, DUTCH, async (page) => {
      const en = await page.goto(`${env.baseURL}/en/themes/nope`);
      assert.equal(en.status(), 404);
      assert.equal(await htmlLang(page), 'en-GB');
    });
  });
});
