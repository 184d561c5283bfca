import { afterEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { openPage, type TrackedPage } from "./support/browser";
import { useE2eHarness } from "./support/harness";

const app = useE2eHarness();

let current: TrackedPage | undefined;
async function newPage(options?: Parameters<typeof openPage>[1]) {
  current = await openPage(app.browser, options);
  return current.page;
}
afterEach(async () => {
  const errors = current?.browserErrors ?? [];
  await current?.context.close();
  current = undefined;
  expect(errors, "errors in the browser").toEqual([]);
});

async function htmlLang(page: Page) {
  return page.evaluate(() => document.documentElement.lang);
}

describe("page shell", () => {
  it("shows the home page in bokmål with landmarks, a sign-in link and the promise", async () => {
    const page = await newPage();
    const response = await page.goto(app.url("/"));
    expect(response?.status()).toBe(200);
    expect(await htmlLang(page)).toBe("nb");
    await expect(page.title()).resolves.toBe("HelseHub Idéhub");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Idéhub for helse og omsorg");
    expect(await page.getByRole("banner").getByRole("link", { name: /HelseHub Idéhub/ }).getAttribute("href")).toBe("/");
    const nav = page.getByRole("navigation", { name: "Hovedmeny" });
    expect(await nav.getByRole("link", { name: "Forside" }).getAttribute("aria-current")).toBe("page");
    expect(await page.getByRole("banner").getByRole("link", { name: "Logg inn" }).getAttribute("href")).toBe("/logg-inn");
    await expect(page.getByText("Alle ideer får svar innen 10 arbeidsdager.").isVisible()).resolves.toBe(true);
    expect(await page.getByRole("main").getByRole("listitem").count()).toBe(3);
    expect(await page.getByRole("contentinfo").getByRole("link", { name: "Tilgjengelighetserklæring" }).getAttribute("href")).toBe(
      "/tilgjengelighet",
    );
    await expectAccessible(page);
  });

  it("lets a keyboard user skip straight to the main content", async () => {
    const page = await newPage();
    await page.goto(app.url("/"));
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    expect(await focused.textContent()).toBe("Hopp til hovedinnhold");
    expect(await focused.isVisible()).toBe(true);
    await expectAccessible(page, "home page with the skip link focused");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");
    // The next Tab continues inside the main content, not back in the header.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
  });

  it("switches to nynorsk and English with the language buttons and keeps the choice", async () => {
    const page = await newPage();
    await page.goto(app.url("/tilgjengelighet"));
    await expectAccessible(page);

    await page.getByRole("button", { name: "Nynorsk" }).click();
    await page.waitForURL(app.url("/tilgjengelighet"));
    await expect.poll(() => htmlLang(page)).toBe("nn");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Tilgjengelegheitserklæring");
    await expect(page.title()).resolves.toBe("Tilgjengelegheitserklæring – HelseHub Idéhub");
    expect(await page.getByRole("button", { name: "Nynorsk" }).getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByRole("button", { name: "Nynorsk" }).getAttribute("lang")).toBe("nn");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Framside" }).click();
    await page.waitForURL(app.url("/"));
    expect(await htmlLang(page)).toBe("nn");
    expect(await page.getByText("Lovnaden vår").isVisible()).toBe(true);
    await expectAccessible(page);

    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => htmlLang(page)).toBe("en");
    expect(await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Home" }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Skip to main content" }).count()).toBe(1);
    await expectAccessible(page);

    await page.reload();
    expect(await htmlLang(page)).toBe("en");

    await page.getByRole("button", { name: "Bokmål" }).click();
    await expect.poll(() => htmlLang(page)).toBe("nb");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Idéhub for helse og omsorg");
  });

  it("switches language without JavaScript too", async () => {
    const page = await newPage();
    // The app's scripts never load (as on a flaky connection); axe can still be injected.
    await page.route(/\.js($|\?)/, (route) => route.abort());
    await page.goto(app.url("/om?fra=test"));
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForURL(app.url("/om?fra=test"));
    expect(await htmlLang(page)).toBe("en");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("About Idéhub");
    await expectAccessible(page);
  });

  it("answers an unknown address with a friendly 404 page that links home", async () => {
    const page = await newPage();
    const response = await page.goto(app.url("/finnes/ikke"));
    expect(response?.status()).toBe(404);
    expect(await htmlLang(page)).toBe("nb");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Fant ikke siden");
    await expect(page.title()).resolves.toBe("Fant ikke siden – HelseHub Idéhub");
    expect(await page.getByRole("navigation", { name: "Hovedmeny" }).isVisible()).toBe(true);
    await expectAccessible(page);
    await page.getByRole("main").getByRole("link", { name: "Gå til forsiden" }).click();
    await page.waitForURL(app.url("/"));
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Idéhub for helse og omsorg");
  });

  it("rejects a tampered language choice and never redirects off-site", async () => {
    const offsite = await fetch(app.url("/innstillinger/sprak"), {
      method: "POST",
      // A browser's own form post: same origin (cross-site posts are refused before the action runs).
      headers: { Origin: new URL(app.url("/")).origin },
      body: new URLSearchParams({ locale: "nn", redirectTo: "//evil.example/phish" }),
      redirect: "manual",
    });
    expect(offsite.status).toBe(302);
    expect(offsite.headers.get("location")).toBe("/");
    expect(offsite.headers.get("set-cookie")).toMatch(/^lng=/);

    const bad = await fetch(app.url("/innstillinger/sprak"), {
      method: "POST",
      headers: { Origin: new URL(app.url("/")).origin },
      body: new URLSearchParams({ locale: "sv", redirectTo: "/" }),
      redirect: "manual",
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("set-cookie")).toBeNull();
  });

  it("keeps the header and navigation usable on a 390 px wide phone", async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(app.url("/"));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const nav = page.getByRole("navigation", { name: "Hovedmeny" });
    const home = nav.getByRole("link", { name: "Forside" });
    const box = await home.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(box!.height).toBeGreaterThanOrEqual(24);
    for (const name of ["Bokmål", "Nynorsk", "English"]) {
      expect(await page.getByRole("button", { name }).isVisible()).toBe(true);
    }
    await expectAccessible(page, "home page at 390 px");
    await page.getByRole("contentinfo").getByRole("link", { name: "Om Idéhub" }).tap();
    await page.waitForURL(app.url("/om"));
    await expectAccessible(page, "about page at 390 px");
    await home.tap();
    await page.waitForURL(app.url("/"));
  });
});
