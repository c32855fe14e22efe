// Steps the browser tests share: the axe check of a page, submitting a form as a person
// does, and reading the page's heading.
import assert from 'node:assert/strict';
import { axeViolations, describeViolations } from './axe.mjs';
import { pathOf } from './harness.mjs';

/** Fails with every axe-core violation of the page (WCAG 2.1 A and AA), named by `label`. */
export async function assertAccessible(page, label) {
  await page.waitForLoadState('load');
  const violations = await axeViolations(page);
  const where = `${pathOf(page)}${new URL(page.url()).search}`;
  assert.equal(violations.length, 0, describeViolations(`${label} (${where})`, violations));
}

/** Clicks a form's button and waits for the page the POST leads to; returns its response. */
export async function submit(page, button) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    button.click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

/** The page's one h1, its white space folded. */
export async function heading(page) {
  return (await page.getByRole('heading', { level: 1 }).innerText()).replace(/\s+/g, ' ').trim();
}
