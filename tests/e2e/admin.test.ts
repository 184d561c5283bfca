import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible, expectAccessibleAsServed } from "./support/axe";
import { useE2eHarness } from "./support/harness";
import { signInWithDemoButton, useTrackedPages } from "./support/pages";

const app = useE2eHarness();

const newPage = useTrackedPages(app);

const signInAsDemoUser = (page: Page, name: string) => signInWithDemoButton(app, page, name);

describe("administration", () => {
  it("an admin previews where an idea would go with a new rule, then saves it; axe on each state", async () => {
    const { page } = await newPage();
    await signInAsDemoUser(page, "Vigdis Ruud");
    await page.getByRole("link", { name: "Administrasjon" }).first().click();
    await page.waitForURL((url) => url.pathname === "/admin");
    await expectAccessible(page, "admin overview");

    await page.goto(app.url("/admin/ruting"));
    await expectAccessible(page, "routing rules");
    const form = page.locator("form", { has: page.getByRole("button", { name: "Forhåndsvis" }) });
    await form.getByLabel("Navn på regelen").fill("Trygghet i Lier til DHO-gruppen");
    await form.getByLabel("Rekkefølge").fill("15");
    await form.getByLabel("Nettverk forslaget går til").selectOption({ label: "Digital hjemmeoppfølging og responstjenester" });
    await form.getByRole("group", { name: "Organisasjoner" }).getByRole("checkbox", { name: "Lier kommune" }).check();
    await form.getByRole("group", { name: "Temaer" }).getByRole("checkbox", { name: /^Trygghetsskapende teknologi/ }).check();
    await form.getByLabel("Forslaget kommer fra").selectOption({ label: "Lier kommune" });
    await form.getByLabel("Tema", { exact: true }).selectOption({ label: "Trygghetsskapende teknologi (trygghetsalarm, sensorer, GPS, dørlåser)" });
    await form.getByRole("group", { name: "Tjenesteområder", exact: true }).last().getByRole("checkbox", { name: /^Hjemmetjenester/ }).check();
    await form.getByRole("button", { name: "Forhåndsvis" }).click();

    await expect.poll(() => page.getByTestId("preview-today").textContent()).toBe("Nettverk for digitalisering og e-helse – Lier (reservenettverk)");
    expect(await page.getByTestId("preview-with-rule").textContent()).toBe("Digital hjemmeoppfølging og responstjenester (regel: Trygghet i Lier til DHO-gruppen)");
    expect(await page.getByText("Regelen kommer ikke i konflikt med andre regler.").isVisible()).toBe(true);
    // Nothing is saved by a preview: the rule is not in the list yet, and the typed values stay.
    expect(await page.getByRole("listitem").filter({ hasText: "15. Trygghet i Lier til DHO-gruppen" }).count()).toBe(0);
    expect(await form.getByLabel("Navn på regelen").inputValue()).toBe("Trygghet i Lier til DHO-gruppen");
    await expectAccessible(page, "routing preview");

    await form.getByRole("button", { name: "Lagre regelen" }).click();
    await page.waitForURL((url) => url.searchParams.get("lagret") === "saved");
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Regelen er lagret.");
    expect(await page.getByText("15. Trygghet i Lier til DHO-gruppen").isVisible()).toBe(true);
    await expectAccessible(page, "routing after save");

    await page.goto(app.url("/admin/logg"));
    expect(await page.getByRole("table").textContent()).toContain("rutingsregel");
    await expectAccessible(page, "change log");
  });

  it("an admin gives a head of service insight (the leader or partner role); she sees Innsikt instead of a refusal", async () => {
    const { page: leader } = await newPage();
    await signInAsDemoUser(leader, "Emily Carter");
    expect((await leader.goto(app.url("/innsikt")))?.status()).toBe(403);

    const { page } = await newPage();
    await signInAsDemoUser(page, "Vigdis Ruud");
    await page.goto(app.url("/admin/brukere"));
    const help = page.getByRole("region", { name: "Hva rollene gir" });
    expect(await help.getByRole("definition").filter({ hasText: "For virksomhetsledere og andre ledere" }).count()).toBe(1);
    await expectAccessible(page, "user roles");
    await page.getByLabel("Søk etter navn eller e-post").fill("Emily");
    await page.getByRole("button", { name: "Søk", exact: true }).click();
    await page.getByLabel("Rolle for Emily Carter").selectOption({ label: "Leder eller partner (innsikt)" });
    await page.getByRole("button", { name: "Lagre rollen til Emily Carter" }).click();
    await page.waitForURL((url) => url.searchParams.get("lagret") === "1");

    expect((await leader.goto(app.url("/innsikt")))?.status()).toBe(200);
    // Emily reads the portal in English.
    expect(await leader.getByText("As a leader or partner you see figures").isVisible()).toBe(true);
    await expectAccessible(leader, "insight as a leader");
  });

  it("a coordinator gets a clear message for an SLA of zero, nothing saved, then saves a valid one", async () => {
    const { page } = await newPage();
    await signInAsDemoUser(page, "Marius Bakken");
    await page.goto(app.url("/admin"));
    await page.getByRole("link", { name: /^Administrer Nettverk for digitalisering og e-helse – Asker/ }).click();
    await page.waitForURL((url) => url.pathname === "/admin/nettverk/digi-asker");
    expect(await page.getByRole("link", { name: "Svarmaler for nettverket" }).getAttribute("href")).toBe("/nettverk/digi-asker/svarmaler");
    await expectAccessible(page, "network admin page");

    const first = page.getByLabel("Første svar innen (arbeidsdager)");
    await first.fill("0");
    await page.getByRole("button", { name: "Lagre svarfristene" }).click();
    await expect.poll(() => page.getByText("Fristen må være minst 1 dag.", { exact: false }).isVisible()).toBe(true);
    expect(await first.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await first.getAttribute("aria-describedby")) ?? "";
    expect(await page.locator(`[id="${describedBy.split(" ").at(-1)}"]`).textContent()).toContain("minst 1 dag");
    await expectAccessible(page, "SLA form with an error");

    await page.reload();
    expect(await page.getByLabel("Første svar innen (arbeidsdager)").inputValue()).toBe("10");
    await page.getByLabel("Første svar innen (arbeidsdager)").fill("8");
    await page.getByRole("button", { name: "Lagre svarfristene" }).click();
    await page.waitForURL((url) => url.searchParams.get("lagret") === "sla");
    expect(await page.getByLabel("Første svar innen (arbeidsdager)").inputValue()).toBe("8");

    // Coordinators do not reach the platform-wide pages.
    const response = await page.goto(app.url("/admin/ruting"));
    expect(response?.status()).toBe(403);
  });
});

describe("mine data, without JavaScript", () => {
  it("downloads the data as JSON, refuses a wrong confirmation, then deletes the account", async () => {
    const { page } = await newPage({ javaScriptEnabled: false });
    await signInAsDemoUser(page, "Silje Eriksen");
    await page.goto(app.url("/innstillinger/mine-data"));
    await expectAccessibleAsServed(page, "mine data");

    const download = await page.request.get(app.url("/innstillinger/mine-data/last-ned"));
    expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="idehub-mine-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const exported = (await download.json()) as { data: { profile: { email: string; fullName: string } } };
    expect(exported.data.profile).toMatchObject({ email: "silje.eriksen@drammen.example.no", fullName: "Silje Eriksen" });

    await page.getByLabel("Skriv e-postadressen din for å bekrefte").fill("noen.andre@drammen.example.no");
    await page.getByLabel("Jeg forstår at kontoen slettes for godt").check();
    await page.getByRole("button", { name: "Slett kontoen min" }).click();
    expect(await page.getByRole("alert").filter({ hasText: "stemmer ikke" }).textContent()).toContain("Kontoen er ikke slettet.");
    await expectAccessibleAsServed(page, "mine data with a refused confirmation");

    await page.getByLabel("Skriv e-postadressen din for å bekrefte").fill("silje.eriksen@drammen.example.no");
    await page.getByLabel("Jeg forstår at kontoen slettes for godt").check();
    await page.getByRole("button", { name: "Slett kontoen min" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    const again = await page.goto(app.url("/innstillinger/mine-data"));
    expect(new URL(again!.url()).pathname).toBe("/logg-inn");
  });
});
