// Steps the browser tests share: the axe check of a page, submitting a form as a person
// does, and reading the page's heading.
import assert from 'node:assert/strict';
import { axeViolations, describeViolations } from './axe.mjs';
import { pathOf } from './harness.mjs';

/**
 * Fails with every axe-core violation of the page (WCAG 2.1 A and AA), named by `label`, and
 * when the page is wider than a phone's screen (see assertFitsPhones).
 */
export async function assertAccessible(page, label) {
  await page.waitForLoadState('load');
  const violations = await axeViolations(page);
  const where = `${pathOf(page)}${new URL(page.url()).search}`;
  assert.equal(violations.length, 0, describeViolations(`${label} (${where})`, violations));
  await assertFitsPhones(page, label);
}

/** The screen widths every page must fit without scrolling sideways (WCAG 1.4.10 reflow). */
export const PHONE_WIDTHS = [390, 320];

/**
 * Fails when the page, at 390 or 320 CSS pixels wide, scrolls sideways, naming the elements
 * that stick out. A table may be wider than the screen only inside its own scroll box.
 * The page's own viewport is restored afterwards.
 */
export async function assertFitsPhones(page, label) {
  const before = page.viewportSize();
  const where = `${pathOf(page)}${new URL(page.url()).search}`;
  try {
    for (const width of PHONE_WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const report = await page.evaluate(() => new Promise((resolve) => {
        requestAnimationFrame(() => {
          const root = document.documentElement;
          const width = root.clientWidth;
          const boxed = (el) => {
            for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
              if (getComputedStyle(p).display === 'none') return true;
              const x = getComputedStyle(p).overflowX;
              if (x === 'auto' || x === 'scroll' || x === 'hidden') return true;
            }
            return false;
          };
          const out = [];
          const nameOf = (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '')
            + (el.className && typeof el.className === 'string' && el.className.trim()
              ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.right > width + 0.5 && !boxed(el)) {
              out.push(`${nameOf(el)} reaches ${Math.round(r.right)} px`);
            }
          }
          // Text that runs out of its box (a word too long to wrap) stretches the page too.
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent.trim() || !node.parentElement || boxed(node)) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            const r = range.getBoundingClientRect();
            if (r.width > 0 && r.right > width + 0.5) {
              out.push(`text "${node.textContent.trim().slice(0, 40)}" in ${nameOf(node.parentElement)} reaches ${Math.round(r.right)} px`);
            }
          }
          if (root.scrollWidth > width && out.length === 0) {
            // Nothing sticks out by itself: name what reaches furthest, scroll boxes included.
            const far = [...document.body.querySelectorAll('*')]
              .map((el) => [el, el.getBoundingClientRect().right])
              .filter(([, right]) => right > width + 0.5)
              .sort((a, b) => b[1] - a[1])
              .slice(0, 8);
            for (const [el, right] of far) out.push(`${nameOf(el)} (in a scroll box) reaches ${Math.round(right)} px`);
            if (far.length === 0) out.push(`body ${document.body.scrollWidth} px, main ${document.querySelector('main')?.scrollWidth} px`);
          }
          resolve({ scroll: root.scrollWidth, width, out: out.slice(0, 8) });
        });
      }));
      assert.ok(report.scroll <= report.width && report.out.length === 0,
        `${label} (${where}) at ${width} px: the page is ${report.scroll} px wide; ${report.out.join('; ')}`);
    }
  } finally {
    if (before) await page.setViewportSize(before);
  }
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
