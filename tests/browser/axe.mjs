// Running axe-core in a page. The app sends a strict Content-Security-Policy without inline
// scripts, so axe is injected through page.evaluate() (DevTools protocol), not a <script> tag.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = require('axe-core').source;

export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The WCAG 2.1 A/AA violations on the page as it is now. */
export async function axeViolations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const result = await globalThis.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  }, TAGS);
}

/** Readable report of axe violations, for the person who fixes the page. */
export function describeViolations(url, violations) {
  const lines = [`${violations.length} axe violation(s) on ${url}:`];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes) {
      lines.push(`    target: ${node.target.join(' ')}`);
      lines.push(`    html:   ${node.html.replace(/\s+/g, ' ').slice(0, 600)}`);
      if (node.failureSummary) lines.push(`    why:    ${node.failureSummary.replace(/\s+/g, ' ').slice(0, 600)}`);
    }
  }
  return lines.join('\n');
}
