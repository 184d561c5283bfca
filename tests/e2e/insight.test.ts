import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { waitForHydration } from "./support/browser";
import { useE2eHarness } from "./support/harness";
import { signInWithDemoButton, useTrackedPages } from "./support/pages";

const app = useE2eHarness();

// Marius Bakken coordinates Asker's network; Hilde Strand (a unit leader) is in no network.
const COORDINATOR = "Marius Bakken";
const OUTSIDER = "Hilde Strand";

const newPage = useTrackedPages(app);

const signInAsDemoUser = (page: Page, name: string) => signInWithDemoButton(app, page, name);

/** axe needs scripts: scan the server's HTML of a page opened without JavaScript (scripts removed) in a page that may run them. */
async function expectAccessibleWithoutJs(page: Page, label: string) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const { page: scanner } = await newPage();
  await scanner.goto(app.url("/healthz"));
  await scanner.setContent(html, { waitUntil: "load" });
  await expectAccessible(scanner, label);
}

async function checkAccessible(page: Page, label: string, javaScriptEnabled: boolean) {
  await (javaScriptEnabled ? expectAccessible(page, label) : expectAccessibleWithoutJs(page, label));
}

const h1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

/** The Oslo month `monthsAgo` months before this one, as YYYY-MM. */
function osloMonth(monthsAgo = 0) {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit" }).formatToParts(new Date());
  const index = Number(parts.find((p) => p.type === "year")!.value) * 12 + Number(parts.find((p) => p.type === "month")!.value) - 1 - monthsAgo;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

describe("Innsikt", () => {
  it("takes a coordinator from the menu to the dashboard, filters by period and network in the URL and downloads a CSV", async () => {
    const { page } = await newPage();
    await signInAsDemoUser(page, COORDINATOR);
    await waitForHydration(page);
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Innsikt" }).click();
    await page.waitForURL((url) => url.pathname === "/innsikt");
    await expect.poll(() => h1(page)).toBe("Innsikt");
    // The demo ideas were submitted this month: they are in the default period (the last 12 months).
    expect(Number(await page.getByTestId("insight-summary").locator("dd").first().textContent())).toBeGreaterThan(0);
    const chart = page.getByRole("img", { name: /Mottatt og avsluttet per måned/ });
    expect(await chart.count()).toBe(1);
    expect(await page.getByRole("table", { name: "Ideer mottatt og avsluttet per måned" }).isVisible()).toBe(true);
    // Asker's demo story (published 10 days ago, reviewed by Asker's network) is summed in the benefits table.
    const benefits = page.getByRole("table", { name: "Summerte gevinster fra historier publisert i perioden" });
    expect(await benefits.getByRole("row", { name: /Fall per måned \(antall\)/ }).textContent()).toContain("Færre fall");
    expect(await page.getByRole("link", { name: "Last ned tallene som CSV: Gevinster fra publiserte suksesshistorier" }).getAttribute("href")).toMatch(/^\/innsikt\/csv\/gevinster\?/);
    await expectAccessible(page, "insight, default period");

    // The demo ideas are spread over the last months: a year up to this month holds them all.
    const from = osloMonth(11);
    const month = osloMonth();
    await page.getByLabel("Fra måned").fill(from);
    await page.getByLabel("Til og med måned").fill(month);
    await page.getByLabel("Nettverk", { exact: true }).selectOption({ label: "Digital hjemmeoppfølging og responstjenester" });
    await page.getByRole("button", { name: "Vis tallene" }).click();
    await page.waitForURL((url) => url.searchParams.get("nettverk") === "hh-dho" && url.searchParams.get("fra") === from);
    await expect.poll(() => page.locator("#summary-heading").textContent()).toMatch(/^Hovedtall for .+ \(Digital hjemmeoppfølging og responstjenester\)$/);
    await expectAccessible(page, "insight, filtered to one network and month");

    const link = page.getByRole("link", { name: "Last ned tallene som CSV: Hvor ideene står nå" });
    const href = await link.getAttribute("href");
    expect(href).toBe(`/innsikt/csv/status?fra=${from}&til=${month}&nettverk=hh-dho`);
    const response = await page.request.get(app.url(href!));
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const csv = (await response.text()).replace(/^\uFEFF/, "");
    expect(csv.split("\r\n")[0]).toBe("Status;Ideer");
    expect(csv).toMatch(/\r\nMottatt;[1-9]\d*\r\n/);
  });

  it("works without JavaScript, and an empty period says so and still gives a CSV", async () => {
    const { page } = await newPage({ javaScriptEnabled: false });
    await signInAsDemoUser(page, COORDINATOR);
    await page.goto(app.url("/innsikt"));
    await page.getByLabel("Fra måned").fill("2020-01");
    await page.getByLabel("Til og med måned").fill("2020-03");
    await page.getByRole("button", { name: "Vis tallene" }).click();
    await page.waitForURL((url) => url.searchParams.get("fra") === "2020-01");
    expect(await page.getByTestId("insight-empty").textContent()).toBe("Ingen ideer kom inn i denne perioden. Velg en annen periode eller et annet nettverk.");
    await expectAccessibleWithoutJs(page, "insight, empty period, no JavaScript");
    const response = await page.request.get(app.url("/innsikt/csv/maned?fra=2020-01&til=2020-03"));
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("Ingen tall for perioden 2020-01–2020-03");

    await page.goto(app.url("/innsikt?fra=tull&til=2020-13"));
    expect(await page.getByTestId("insight-notices").textContent()).toContain("Vi forstod ikke fra-måneden");
    await expectAccessibleWithoutJs(page, "insight, notices, no JavaScript");
  });

  it("is not in the menu for an employee outside every network and answers 403", async () => {
    const { page } = await newPage();
    await signInAsDemoUser(page, OUTSIDER);
    expect(await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Innsikt" }).count()).toBe(0);
    const response = await page.goto(app.url("/innsikt"));
    expect(response?.status()).toBe(403);
    await expectAccessible(page, "insight refused");
  });
});

describe("Svargaranti and the accessibility statement", () => {
  it("shows the answer guarantee to anyone, from the footer, with and without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { page } = await newPage({ javaScriptEnabled });
      await page.goto(app.url("/"));
      await page.getByRole("contentinfo").getByRole("link", { name: "Svargaranti" }).click();
      await page.waitForURL((url) => url.pathname === "/svargaranti");
      await expect.poll(() => h1(page)).toBe("Svargaranti");
      const table = page.getByRole("table", { name: "Svargaranti per nettverk, siste 12 måneder" });
      expect(await table.getByRole("row", { name: /Nettverk for digitalisering og e-helse – Asker/ }).count()).toBe(1);
      const text = (await page.getByRole("main").textContent()) ?? "";
      expect(text).not.toMatch(/@|IDE-\d{4}/);
      await checkAccessible(page, `answer guarantee (JavaScript ${javaScriptEnabled ? "on" : "off"})`, javaScriptEnabled);
    }
  });

  it("states the WCAG 2.1 AA status, how it is tested, known limitations, how to report and Uu-tilsynet", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { page } = await newPage({ javaScriptEnabled });
      await page.goto(app.url("/tilgjengelighet"));
      expect(await h1(page)).toBe("Tilgjengelighetserklæring");
      for (const heading of ["Status: delvis i samsvar med kravene", "Slik tester vi", "Kjente mangler", "Si fra om feil", "Tilsyn og klage"]) {
        expect(await page.getByRole("heading", { level: 2, name: heading }).isVisible(), heading).toBe(true);
      }
      expect(await page.getByText(/kontrolleres med verktøyet axe/).isVisible()).toBe(true);
      expect(await page.getByRole("link", { name: "Meld fra til Uu-tilsynet (uutilsynet.no)" }).getAttribute("href")).toBe("https://www.uutilsynet.no/");
      expect(await page.getByRole("link", { name: "idehub@example.no" }).getAttribute("href")).toBe("mailto:idehub@example.no");
      await checkAccessible(page, `accessibility statement (JavaScript ${javaScriptEnabled ? "on" : "off"})`, javaScriptEnabled);
    }
  });
});
