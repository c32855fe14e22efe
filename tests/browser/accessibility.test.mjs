// axe-core (WCAG 2.0/2.1 A and AA) on every public page, in both languages; each page must
// also fit a phone's screen of 390 and 320 px without scrolling sideways.
//
// The app sends a strict Content-Security-Policy without inline scripts, so axe is injected
// through page.evaluate() (DevTools protocol), not through a <script> tag.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, describeViolations } from './axe.mjs';
import { useAppAndBrowser, withPage } from './harness.mjs';
import { assertFitsPhones } from './steps.mjs';


const ROLES = {
  nl: { prefix: '/nl/rollen', roles: ['begeleider', 'specialist', 'coordinator'],
    areas: ['visie-en-beleid', 'orientatie-en-begeleiding', 'organisatie', 'samenwerking'] },
  en: { prefix: '/en/roles', roles: ['mentor', 'specialist', 'coordinator'],
    areas: ['vision-and-policy', 'orientation-and-guidance', 'organisation', 'cooperation'] },
};
const THEME_INDEX = { nl: '/nl/themas', en: '/en/themes' };

/** Every public page whose URL is known in advance, with the status it must answer. */
function staticPages() {
  const pages = [{ path: '/nl/', status: 200 }, { path: '/en/', status: 200 }];
  for (const { prefix, roles, areas } of Object.values(ROLES)) {
    for (const role of roles) {
      pages.push({ path: `${prefix}/${role}`, status: 200 });
      for (const area of areas) pages.push({ path: `${prefix}/${role}/${area}`, status: 200 });
    }
  }
  pages.push({ path: THEME_INDEX.nl, status: 200 }, { path: THEME_INDEX.en, status: 200 });
  pages.push({ path: '/nl/privacy', status: 200 }, { path: '/en/privacy', status: 200 });
  pages.push({ path: '/nl/inloggen', status: 200 }, { path: '/en/sign-in', status: 200 });
  pages.push({ path: '/nl/enquete', status: 200 }, { path: '/en/survey', status: 200 });
  pages.push({ path: '/nl/enquete/bedankt', status: 200 }, { path: '/en/survey/thanks', status: 200 });
  pages.push({ path: '/nl/rollen/onbekend', status: 404 }, { path: '/en/themes/nope', status: 404 });
  return pages;
}

/** Load the page, check its status and its fit on phones, and run axe on it. Returns the violations. */
async function audit(browser, baseURL, path, status) {
  return withPage(browser, {}, async (page) => {
    const response = await page.goto(`${baseURL}${path}`, { waitUntil: 'load' });
    assert.ok(response, `no response for ${path}`);
    assert.equal(response.status(), status, `GET ${path}`);
    const violations = await axeViolations(page);
    await assertFitsPhones(page, path);
    return violations;
  });
}

/** Theme page paths linked from a theme index, e.g. /nl/themas/loopbaangesprek. */
async function themeLinks(browser, baseURL, indexPath) {
  return withPage(browser, {}, async (page) => {
    const response = await page.goto(`${baseURL}${indexPath}`);
    assert.equal(response.status(), 200, `GET ${indexPath}`);
    const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.href));
    const pattern = new RegExp(`^${indexPath}/[^/]+$`);
    const paths = hrefs
      .map((href) => new URL(href, baseURL))
      .filter((url) => url.origin === new URL(baseURL).origin && pattern.test(url.pathname))
      .map((url) => url.pathname);
    return [...new Set(paths)];
  });
}

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  const env = useAppAndBrowser({ before, after });
  const failures = [];

  after(() => {
    if (failures.length > 0) {
      process.stderr.write(`\n===== axe summary: ${failures.length} page(s) with violations =====\n`);
      for (const f of failures) process.stderr.write(`${f}\n`);
    }
  });

  async function check(path, status) {
    const violations = await audit(env.browser, env.baseURL, path, status);
    if (violations.length > 0) {
      const report = describeViolations(path, violations);
      failures.push(report);
      assert.fail(report);
    }
  }

  for (const { path, status } of staticPages()) {
    test(path, () => check(path, status));
  }

  for (const [lang, indexPath] of Object.entries(THEME_INDEX)) {
    test(`every theme page linked from ${indexPath}`, async (t) => {
      const paths = await themeLinks(env.browser, env.baseURL, indexPath);
      assert.ok(paths.length > 0, `no theme links (${indexPath}/…) in the main content of ${indexPath}`);
      if (lang === 'nl') {
        assert.ok(paths.includes('/nl/themas/loopbaangesprek'), `theme index lists: ${paths.join(', ')}`);
      }
      for (const path of paths) {
        await t.test(path, () => check(path, 200));
      }
    });
  }
});
