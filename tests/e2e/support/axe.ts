import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Scans the page as it is now against WCAG 2.1 A/AA and fails on any serious or critical
 * violation, naming each with the elements involved.
 */
export async function expectAccessible(page: Page, label = page.url()) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (blocking.length > 0) {
    const report = blocking
      .map((v) => {
        const nodes = v.nodes
          .slice(0, 5)
          .map((n) => `      ${n.target.join(" ")}\n        ${n.failureSummary?.replace(/\n/g, "\n        ") ?? ""}`)
          .join("\n");
        return `  - [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
      })
      .join("\n");
    throw new Error(`Accessibility violations on ${label}:\n${report}`);
  }
  return results;
}
