import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { connectKysely } from "~/db/client.server";
import { openPglite } from "~/db/engine.server";
import { migrate } from "~/db/migrate.server";
import { seedIdea } from "../integration/search-support";
import { expectAccessible } from "./support/axe";
import { waitForHydration } from "./support/browser";
import { useE2eHarness } from "./support/harness";
import { signInWithDemoButton, useTrackedPages } from "./support/pages";

// The server's embedded database is prepared before it starts: demo data plus 25 more ideas from
// Kongsberg, so a filtered search has two pages.
const dataRoot = path.join(os.tmpdir(), `idehub-e2e-search-${crypto.randomUUID()}`);
const dataDir = path.join(dataRoot, "pglite");
const EXTRA = 25;

beforeAll(async () => {
  const engine = await openPglite(dataDir);
  await migrate(engine.pool);
  const db = connectKysely(engine);
  await sql.raw(await fs.readFile(path.resolve("supabase/seed.sql"), "utf8")).execute(db);
  for (let i = 0; i < EXTRA; i++) {
    await seedIdea(db, {
      submitter: "sofie.kvam@kongsberg.example.no",
      title: `Kongsbergprøve nummer ${String(i + 1).padStart(2, "0")}`,
      daysAgo: i + 1,
      theme: "kompetanse-og-opplaering",
    });
  }
  await db.destroy().catch(() => {});
  await engine.close().catch(() => {});
}, 120_000);
afterAll(async () => {
  await fs.rm(dataRoot, { recursive: true, force: true });
});

const app = useE2eHarness({ PGLITE_DATA_DIR: dataDir });

const newPage = useTrackedPages(app);

const signInAsDemoUser = (page: Page, name: string) => signInWithDemoButton(app, page, name);

const resultsHeading = (page: Page) => page.locator("#results-heading").textContent();
const cardTitles = (page: Page) => page.getByRole("article").getByRole("heading", { level: 3 }).allTextContents();

async function openFilters(page: Page) {
  // Wide screens open the filters after hydration; clicking before that would close them again.
  await waitForHydration(page);
  const details = page.locator("details").filter({ hasText: "Filtrer og sorter" });
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
}

/** axe needs scripts: scan the server's HTML (scripts removed) in a page that may run them. */
async function expectAccessibleWithoutJs(page: Page, label: string) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const { page: scanner } = await newPage({ viewport: { width: 360, height: 740 } });
  await scanner.goto(app.url("/healthz"));
  await scanner.setContent(html, { waitUntil: "load" });
  await expectAccessible(scanner, label);
  await scanner.close();
}

async function fitsWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe("Alle ideer", () => {
  it("searches, filters, sorts and pages, and a copied link gives the same results", async () => {
    const { page, context } = await newPage();
    await signInAsDemoUser(page, "Kari Nordby");

    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Alle ideer" }).click();
    await page.waitForURL((url) => url.pathname === "/ideer");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Alle ideer");
    await expectAccessible(page, "all ideas");

    // Stemming: the plural finds the singular in the title.
    await page.getByRole("searchbox", { name: "Søk etter ideer" }).fill("medisindispensere");
    await page.getByRole("button", { name: "Søk", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "medisindispensere");
    await expect.poll(() => resultsHeading(page)).toBe("1 idé for «medisindispensere»");
    const card = page.getByRole("article").filter({ hasText: "Felles sjekkliste for oppstart av medisindispenser" });
    const text = await card.textContent();
    expect(text).toContain("Status: Mottatt");
    expect(text).toContain("Drammen kommune");
    expect(text).toContain("0 støtter");
    expect(text).toMatch(/Neste svar innen \d{1,2}\. \p{L}+ \d{4}/u);
    await expectAccessible(page, "search results");

    // A typo is corrected to the nearest word ideas contain, and the page says so.
    await page.getByRole("searchbox", { name: "Søk etter ideer" }).fill("medisindispensr");
    await page.getByRole("button", { name: "Søk", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "medisindispensr");
    await expect.poll(() => cardTitles(page)).toEqual(["Felles sjekkliste for oppstart av medisindispenser"]);
    expect(await page.getByText("Ingen ideer inneholdt «medisindispensr». Du ser treff for «medisindispenser» – kanskje var det en skrivefeil?").isVisible()).toBe(true);

    // Syntax characters are just separators; nothing matches, and the page helps.
    await page.getByRole("searchbox", { name: "Søk etter ideer" }).fill("qqxz:* & !'\")");
    await page.getByRole("button", { name: "Søk", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "qqxz:* & !'\")");
    await expect.poll(() => resultsHeading(page)).toBe("0 ideer for «qqxz:* & !'\")»");
    await page.getByRole("heading", { name: "Ingen ideer passer søket" }).waitFor();
    await expectAccessible(page, "no results");

    // Filters and sort: Kongsberg, received, newest first.
    await page.goto(app.url("/ideer"));
    await openFilters(page);
    await page.getByLabel("Organisasjon").selectOption({ label: "Kongsberg kommune" });
    await page.getByRole("checkbox", { name: /^Mottatt \(\d+\)$/ }).check();
    await page.getByLabel("Sorter etter").selectOption({ label: "Nyeste" });
    await page.getByRole("button", { name: "Vis treff" }).click();
    await page.waitForURL((url) => url.searchParams.get("organisasjon") === "kongsberg");
    const url = new URL(page.url());
    expect(url.searchParams.getAll("status")).toEqual(["received"]);
    expect(url.searchParams.get("sorter")).toBe("nyeste");
    await expect.poll(() => resultsHeading(page)).toBe(`${EXTRA + 1} ideerSide 1 av 2`);
    const firstPage = await cardTitles(page);
    expect(firstPage).toHaveLength(20);
    // The demo idea was submitted when the data was seeded; the test ideas one day and more before.
    expect(firstPage.slice(0, 3)).toEqual(["Simuleringstrening før vi tar i bruk ny velferdsteknologi", "Kongsbergprøve nummer 01", "Kongsbergprøve nummer 02"]);
    await expectAccessible(page, "filtered results, page 1");

    // Pages.
    const pages = page.getByRole("navigation", { name: "Sider med treff" });
    expect(await pages.getByRole("link", { name: "Side 1" }).getAttribute("aria-current")).toBe("page");
    await pages.getByRole("link", { name: "Neste side" }).click();
    await page.waitForURL((u) => u.searchParams.get("side") === "2");
    await expect.poll(() => cardTitles(page)).toHaveLength(EXTRA + 1 - 20);
    expect(await pages.getByRole("link", { name: "Side 2" }).getAttribute("aria-current")).toBe("page");
    expect(await pages.getByRole("link", { name: "Neste side" }).count()).toBe(0);
    const secondPage = await cardTitles(page);
    expect(secondPage.at(-1)).toBe(`Kongsbergprøve nummer ${EXTRA}`);
    await expectAccessible(page, "filtered results, page 2");

    // The link is the search: the same URL in a new page gives the same results.
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    await expect.poll(() => cardTitles(other)).toEqual(secondPage);
    expect(await other.getByLabel("Organisasjon").inputValue()).toBe("kongsberg");
    expect(await other.getByLabel("Sorter etter").inputValue()).toBe("nyeste");
    await other.close();

    await pages.getByRole("link", { name: "Forrige side" }).click();
    await page.waitForURL((u) => !u.searchParams.has("side"));
    await expect.poll(() => cardTitles(page)).toEqual(firstPage);
  });

  it("works on a 360 px phone with the filters folded away, and without JavaScript", async () => {
    const { page } = await newPage({ viewport: { width: 360, height: 740 } });
    await signInAsDemoUser(page, "Kari Nordby");
    await page.goto(app.url("/ideer?q=velferdstek&sorter=relevans"));
    await expect.poll(() => cardTitles(page)).toEqual(["Simuleringstrening før vi tar i bruk ny velferdsteknologi"]);
    expect(await page.locator("details").filter({ hasText: "Filtrer og sorter" }).getAttribute("open")).toBeNull();
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, "search at 360 px");
    await openFilters(page);
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, "search at 360 px, filters open");

    const noJs = await newPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await signInAsDemoUser(noJs.page, "Kari Nordby");
    await noJs.page.goto(app.url("/ideer"));
    await noJs.page.getByRole("searchbox", { name: "Søk etter ideer" }).fill("sjekkliste medisindispenser");
    await noJs.page.getByRole("button", { name: "Søk", exact: true }).click();
    await noJs.page.waitForURL((url) => url.searchParams.get("q") === "sjekkliste medisindispenser");
    expect(await cardTitles(noJs.page)).toEqual(["Felles sjekkliste for oppstart av medisindispenser"]);
    await noJs.page.goto(app.url("/ideer?side=abc&sorter=tull&status=ukjent"));
    expect(await noJs.page.getByText("Noe i lenken ble ikke brukt").isVisible()).toBe(true);
    await expectAccessibleWithoutJs(noJs.page, "bad link without JavaScript");
  });
});
