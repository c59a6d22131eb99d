// The accessibility check every browser test can run on the screen it shows: axe-core's WCAG 2.0
// and 2.1 level A and AA rules (what EN 301 549 asks of software bought by Dutch public bodies).
// `await expectAccessible(page, 'library')`: fails listing each violation with where it is.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function expectAccessible(page: Page, screen: string, options: { include?: string } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_21_AA_TAGS);
  if (options.include) builder = builder.include(options.include);
  const { violations } = await builder.analyze();
  const found = violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id} (${v.impact}): ${v.help} at ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ')}`),
  );
  // Soft: a test walking many screens reports all of them, and still fails.
  expect.soft(found, `axe WCAG 2.1 AA violations on ${screen}`).toEqual([]);
}
