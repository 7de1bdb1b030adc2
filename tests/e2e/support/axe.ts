import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Runs axe (WCAG 2.0–2.2 A and AA rules) on the page as it is and fails on any violation, listing each with the
 * elements it found. Call it on every page a spec visits, in each language it visits it in.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
  }));
  // Soft: a spec that visits many pages reports every page's violations, not only the first.
  expect.soft(violations, `axe on ${label} (${page.url()})`).toEqual([]);
}
