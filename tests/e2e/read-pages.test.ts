import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe";
import { servedWithScripts, waitForHydration } from "./support/browser";
import { useE2eHarness } from "./support/harness";
import { signInWithDemoButton, useTrackedPages } from "./support/pages";

const app = useE2eHarness();
const newPage = useTrackedPages(app);

const PUBLIC_STORY = "/historier/digitalt-tilsyn-om-natta-demo";

/** Every script the page asked for over the network (module, preload or classic). */
function trackScriptRequests(page: Page) {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

/** Lene Dahl's idea in Drammen, shared with all partners: Kari in Asker may support it. */
const LENES_IDEA = "Digital timebestilling på helsestasjonen";

async function findIdeaPath(page: Page, title: string) {
  await page.goto(app.url(`/ideer?q=${encodeURIComponent(title)}`));
  const href = await page.getByRole("link", { name: title, exact: true }).first().getAttribute("href");
  expect(href).toMatch(/^\/ideer\/IDE-\d{4}-\d{4,}$/);
  return href!;
}

describe("read pages are served without Remix's scripts", () => {
  it("a signed-out visitor reads the front page, stories and the public figures without loading any JavaScript file", async () => {
    const { page } = await newPage();
    const scripts = trackScriptRequests(page);
    for (const path of ["/", "/historier", PUBLIC_STORY, "/historier/gevinster", "/svargaranti", "/tilgjengelighet", "/om"]) {
      const response = await page.goto(app.url(path));
      expect(response?.status(), path).toBe(200);
      expect(await servedWithScripts(page), path).toBe(false);
      expect(await page.locator('link[rel="modulepreload"]').count(), path).toBe(0);
      await expectAccessible(page, `${path} without scripts`);
    }
    expect(scripts).toEqual([]);
  });

  it("an employee searches, reads and supports an idea without JavaScript files, and the writing page still gets React", async () => {
    const { page } = await newPage({ viewport: { width: 1280, height: 900 } });
    await signInWithDemoButton(app, page, "Kari Nordby");
    const scripts = trackScriptRequests(page);
    const ideaPath = await findIdeaPath(page, LENES_IDEA);
    // Wide screens see the filters open: the read page's small inline script opened them.
    expect(await page.locator("details").filter({ hasText: "Filtrer og sorter" }).getAttribute("open")).not.toBeNull();
    await page.goto(app.url(ideaPath));
    expect(await page.getByRole("heading", { level: 1 }).isVisible()).toBe(true);
    expect(await servedWithScripts(page)).toBe(false);
    await expectAccessible(page, "idea page without scripts");
    // A form on a read page is a plain form: supporting reloads the page with the new state.
    await page.getByRole("button", { name: "Jeg støtter dette" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Angre støtte" }).isVisible()).toBe(true);
    expect(scripts).toEqual([]);

    const writing = await page.goto(app.url("/ideer/ny"));
    expect(writing?.status()).toBe(200);
    expect(await servedWithScripts(page), `${page.url()}: ${await page.title()}`).toBe(true);
    await waitForHydration(page);
    expect(scripts.length).toBeGreaterThan(0);
    // From a hydrated page, the menu still navigates to a read page (in the browser, without a reload).
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Suksesshistorier" }).click();
    await page.waitForURL((url) => url.pathname === "/historier");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Suksesshistorier");
    await expectAccessible(page, "story gallery after client-side navigation");
  });

  it("on a phone the filters stay folded, and the story page's print button appears and prints", async () => {
    const { page } = await newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(app.url("/historier"));
    expect(await page.locator("details").first().getAttribute("open")).toBeNull();
    await page.goto(app.url(PUBLIC_STORY));
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    const print = page.getByRole("button", { name: "Skriv ut" });
    expect(await print.isVisible()).toBe(true);
    await print.press("Enter");
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });
});
