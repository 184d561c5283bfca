import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export type TrackedPage = {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors in the page (failed resource loads excluded). */
  browserErrors: string[];
};

export async function openPage(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}): Promise<TrackedPage> {
  const context = await browser.newContext({ locale: "nb-NO", ...options });
  // Fail a stuck step quickly with a message naming it, well inside the test's own timeout.
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = await context.newPage();
  const browserErrors: string[] = [];
  page.on("pageerror", (error) => browserErrors.push(`pageerror: ${error.message}${process.env.E2E_STACKS ? `\n${error.stack}` : ""}`));
  page.on("console", (message) => {
    // A 404 page legitimately logs its own failed load.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      browserErrors.push(`console.error: ${message.text()}`);
    }
  });
  return { context, page, browserErrors };
}

/**
 * Waits until React has hydrated the current page (root.tsx marks <html data-hydrated>). Read pages
 * are served without Remix's scripts (app/components/hydration.tsx): there is nothing to wait for.
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(
    () => document.documentElement.dataset.hydrated === "true" || document.querySelector('script[type="module"]') === null,
  );
}

/** True when the current page was served with Remix's scripts (a writing or triage page). */
export async function servedWithScripts(page: Page): Promise<boolean> {
  return (await page.locator('script[type="module"]').count()) > 0;
}
