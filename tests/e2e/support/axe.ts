import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const AXE_TIMEOUT_MS = 30_000;

// axe cannot run inside a frame whose sandbox forbids scripts (the dev mailbox shows mail HTML in
// one) and waits for it forever; such frames are left out, and their title is checked here instead.
const SCRIPTLESS_FRAMES = 'iframe[sandbox]:not([sandbox*="allow-scripts"])';

/**
 * Scans the page as it is now against WCAG 2.1 A/AA and fails on any serious or critical
 * violation, naming each with the elements involved.
 */
export async function expectAccessible(page: Page, label = page.url()) {
  // Excluded up front (a frame may still be rendering when we look); a selector that matches nothing is fine.
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS).exclude(SCRIPTLESS_FRAMES);
  for (const frame of await page.locator(SCRIPTLESS_FRAMES).all()) {
    if (!(await frame.getAttribute("title"))?.trim()) throw new Error(`Accessibility violation on ${label}: an iframe has no title`);
  }
  // axe has no timeout of its own; a stuck scan should fail with a name, not hang the test.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`axe did not finish scanning ${label} within ${AXE_TIMEOUT_MS} ms`)), AXE_TIMEOUT_MS);
  });
  const results = await Promise.race([builder.analyze(), timeout]).finally(() => clearTimeout(timer));
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

/**
 * axe runs as a script in the page, so it cannot scan a page whose context has JavaScript turned
 * off (it waits forever). This scans the HTML that page was served — scripts removed, so nothing
 * hydrates or changes it — in a new scripted context on the same origin (stylesheets still load).
 * Works for pages that cannot be fetched again, such as the answer to a refused form post.
 */
export async function expectAccessibleAsServed(page: Page, label = page.url()) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const browser = page.context().browser();
  if (!browser) throw new Error("expectAccessibleAsServed needs a page from a launched browser");
  const context = await browser.newContext({ locale: "nb-NO", viewport: page.viewportSize() ?? undefined });
  try {
    const scanner = await context.newPage();
    await scanner.goto(new URL("/healthz", page.url()).href);
    await scanner.setContent(html, { waitUntil: "load" });
    return await expectAccessible(scanner, label);
  } finally {
    await context.close();
  }
}
