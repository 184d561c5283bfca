import type { Page } from "playwright-core";
import { afterEach, expect } from "vitest";
import { openPage, type TrackedPage } from "./browser";
import type { E2eHarness } from "./harness";

type PageOptions = Parameters<typeof openPage>[1];

/**
 * Opens pages in fresh browser contexts for a test file; after each test they are closed and any
 * error the browser saw (uncaught exception, console error, CSP violation) fails the test.
 */
export function useTrackedPages(app: E2eHarness, defaults: PageOptions = {}) {
  const opened: TrackedPage[] = [];
  afterEach(async () => {
    const errors = opened.flatMap((t) => t.browserErrors);
    await Promise.all(opened.splice(0).map((t) => t.context.close()));
    expect(errors, "errors in the browser").toEqual([]);
  });
  return async function newPage(options: PageOptions = {}) {
    const tracked = await openPage(app.browser, { ...defaults, ...options });
    opened.push(tracked);
    return tracked;
  };
}

/** Signs in with the demo list's one-click button on /logg-inn and waits for the front page. */
export async function signInWithDemoButton(app: E2eHarness, page: Page, name: string) {
  await page.goto(app.url("/logg-inn"));
  await page.getByRole("button", { name: `Logg inn som ${name}` }).click();
  await page.waitForURL((url) => url.pathname === "/");
}
