import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible, expectAccessibleAsServed } from "./support/axe";
import { useE2eHarness } from "./support/harness";
import { signInWithDemoButton, useTrackedPages } from "./support/pages";

const app = useE2eHarness();

const PUBLIC_TITLE = "Digitalt tilsyn om natta i hjemmetjenesten";
const PARTNERS_TITLE = "Elektronisk medisindispenser gav færre avvik";
const NEW_TITLE = "Sensorer i stedet for faste nattrunder";
const TRIED_TITLE = "Medisindispenser i hjemmesykepleien i Asker";
const TRIED_STORY = "Medisindispensere i Asker sparte besøk";

const newPage = useTrackedPages(app);

const signIn = (page: Page, name: string) => signInWithDemoButton(app, page, name);

const h1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe("success stories", () => {
  it("shows signed-out visitors the public stories, with totals, and a story page that reads on a phone and in print", async () => {
    const { page } = await newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(app.url("/"));
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Suksesshistorier" }).click();
    await page.waitForURL((url) => url.pathname === "/historier");
    await expect.poll(() => h1(page)).toBe("Suksesshistorier");
    expect(await page.getByRole("link", { name: PUBLIC_TITLE }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: PARTNERS_TITLE }).count()).toBe(0);
    expect(await page.getByTestId("benefit-total").first().textContent()).toContain("Kjørte km per uke (km): 420 → 260");
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, "gallery, signed out, phone");

    await page.getByRole("link", { name: PUBLIC_TITLE }).click();
    await page.waitForURL(/\/historier\/digitalt-tilsyn-om-natta-demo$/);
    await expect.poll(() => h1(page)).toBe(PUBLIC_TITLE);
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe(PUBLIC_TITLE);
    expect(await page.getByRole("table").textContent()).toContain("Kjørte km per uke");
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, "public story, phone");

    // "Skriv ut" comes with JavaScript, is reached with the keyboard and is not on the paper.
    const print = page.getByRole("button", { name: "Skriv ut" });
    await expect.poll(() => print.isVisible()).toBe(true);
    await print.focus();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skriv ut");
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.emulateMedia({ media: "print" });
    expect(await print.isVisible()).toBe(false);
    expect(await page.getByRole("navigation", { name: "Hovedmeny" }).isVisible()).toBe(false);
    expect(await page.getByRole("heading", { name: "Målte gevinster" }).isVisible()).toBe(true);
  });

  it("works without JavaScript: filters in the URL and the story page", async () => {
    const { page } = await newPage({ javaScriptEnabled: false });
    await signIn(page, "Maria Haugen");
    await page.goto(app.url("/historier"));
    expect(await page.getByRole("link", { name: PARTNERS_TITLE }).isVisible()).toBe(true);
    await page.getByText("Filtrer", { exact: true }).click();
    await page.getByLabel("Type gevinst").selectOption("patient_safety");
    await page.getByRole("button", { name: "Bruk filtrene" }).click();
    await page.waitForURL((url) => url.searchParams.get("gevinst") === "patient_safety");
    expect(await page.getByRole("heading", { name: "1 historie", exact: true }).isVisible()).toBe(true);
    await expectAccessibleAsServed(page, "gallery filtered, no JavaScript");
    await page.getByRole("link", { name: PARTNERS_TITLE }).click();
    await page.waitForURL(/\/historier\/elektronisk-medisindispenser-demo$/);
    expect(await page.getByRole("link", { name: "Vi vil prøve dette" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Skriv ut" }).count()).toBe(0);
    await expectAccessibleAsServed(page, "partners story, no JavaScript");
  });

  it("writes a story, sends it for review, and a coordinator publishes it", async () => {
    const { page } = await newPage();
    await signIn(page, "Kari Nordby");
    await page.goto(app.url("/historier/ny"));
    await expect.poll(() => h1(page)).toBe("Skriv en suksesshistorie");
    await expectAccessible(page, "write a story");

    await page.getByLabel("Tittel", { exact: true }).fill(NEW_TITLE);
    await page.getByLabel("Kort sammendrag").fill("Nattevaktene sluttet med faste runder og bruker sensorvarsel i stedet.");
    const body = page.getByLabel("Fortell historien");
    await body.click();
    await body.pressSequentially("Vi prøvde sensorer i tre måneder på to avdelinger.");
    await page.getByLabel("Hva endret seg i tjenesten?").fill("Nattevaktene går bare når sensoren varsler.");
    await page.getByLabel("Hva målte dere?").first().fill("Faste nattrunder per natt");
    await page.getByLabel("Enhet").first().selectOption("count");
    await page.getByLabel("Type gevinst").first().selectOption("time_saved");
    await page.getByLabel("Nullpunkt (før)").first().fill("tolv");
    await page.getByLabel("Etter", { exact: true }).first().fill("4");
    await page.getByLabel("Tema og teknologi").selectOption({ label: "Trygghetsskapende teknologi (trygghetsalarm, sensorer, GPS, dørlåser)" });
    await page.getByRole("checkbox", { name: /^Sykehjem/ }).check();
    await page.getByRole("button", { name: "Lagre og send til vurdering" }).click();

    // A word where a number belongs: the message says so and nothing typed is lost.
    await expect.poll(() => page.getByText("Skriv bare et tall, for eksempel 420 eller 12,5.").isVisible()).toBe(true);
    expect(await page.getByLabel("Tittel", { exact: true }).inputValue()).toBe(NEW_TITLE);
    expect(await page.getByLabel("Nullpunkt (før)").first().inputValue()).toBe("tolv");
    await expectAccessible(page, "write a story, refused");

    await page.getByLabel("Nullpunkt (før)").first().fill("12");
    await page.getByRole("button", { name: "Lagre og send til vurdering" }).click();
    await page.waitForURL(/\/historier\/sensorer-i-stedet-for-faste-nattrunder-[0-9a-f]{6}\?melding=submitted$/);
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Historien er sendt til vurdering." }).isVisible()).toBe(true);
    await expectAccessible(page, "story ready for review, author");
    const storyPath = new URL(page.url()).pathname;

    const coordinator = await newPage();
    await signIn(coordinator.page, "Marius Bakken");
    await coordinator.page.goto(app.url("/historier/vurdering"));
    await expectAccessible(coordinator.page, "review queue");
    await coordinator.page.getByRole("link", { name: NEW_TITLE }).click();
    await coordinator.page.waitForURL((url) => url.pathname === `${storyPath}/vurder`);
    await expectAccessible(coordinator.page, "review page");
    await coordinator.page.getByRole("button", { name: "Publiser historien" }).click();
    await coordinator.page.waitForURL((url) => url.pathname === storyPath && url.searchParams.get("melding") === "published");
    await expect.poll(() => coordinator.page.getByRole("status").filter({ hasText: "Historien er publisert." }).isVisible()).toBe(true);
    await expectAccessible(coordinator.page, "story published, coordinator");

    // Published for all partners: a reader in another organisation finds it in the gallery.
    const reader = await newPage();
    await signIn(reader.page, "Ahmed Rahimi");
    await reader.page.goto(app.url("/historier"));
    expect(await reader.page.getByRole("link", { name: NEW_TITLE }).isVisible()).toBe(true);
  });

  it("an idea from 'Vi vil prøve dette' says what inspired it; in Ny praksis its submitter writes a story from the idea page, which then lists it", async () => {
    const { page } = await newPage();
    await signIn(page, "Kari Nordby");
    await page.goto(app.url("/historier/elektronisk-medisindispenser-demo"));
    await page.getByRole("link", { name: "Vi vil prøve dette" }).click();
    await page.waitForURL(/\/historier\/elektronisk-medisindispenser-demo\/prov$/);
    await page.getByLabel("Tittel på forslaget").fill(TRIED_TITLE);
    await page.getByLabel(/^Jeg bekrefter/).check();
    await page.getByRole("button", { name: "Send forslaget" }).click();
    await page.waitForURL(/\/ideer\/IDE-\d{4}-\d{4}\/kvittering$/);
    const ideaPath = new URL(page.url()).pathname.replace(/\/kvittering$/, "");
    const publicId = ideaPath.split("/").pop()!;

    await page.goto(app.url(ideaPath));
    await expect.poll(() => page.getByTestId("inspired-by").textContent()).toBe(`Inspirert av suksesshistorien ${PARTNERS_TITLE}`);
    expect(await page.getByTestId("inspired-by").getByRole("link", { name: PARTNERS_TITLE }).getAttribute("href")).toBe("/historier/elektronisk-medisindispenser-demo");
    expect(await page.getByRole("link", { name: "Skriv en suksesshistorie" }).count()).toBe(0);
    await expectAccessible(page, "idea inspired by a story");

    // The network takes it into use (Ny praksis).
    const coordinator = await newPage();
    await signIn(coordinator.page, "Marius Bakken");
    await coordinator.page.goto(app.url(`${ideaPath}/behandle`));
    await coordinator.page.getByLabel("Ny status").selectOption({ label: "Ny praksis" });
    await coordinator.page.getByLabel("Svar til innsenderen").fill("Dispenserne er tatt i bruk i to soner. Takk for forslaget!");
    await coordinator.page.getByRole("button", { name: "Send svar" }).click();
    await expect.poll(() => coordinator.page.getByText("Ny praksis").first().isVisible()).toBe(true);

    await page.goto(app.url(ideaPath));
    const stories = page.getByRole("region", { name: "Suksesshistorier om forslaget" });
    expect(await stories.textContent()).toContain("Ingen suksesshistorie om forslaget er publisert ennå.");
    await expectAccessible(page, "idea in new practice, submitter");
    await stories.getByRole("link", { name: "Skriv en suksesshistorie" }).click();
    await page.waitForURL((url) => url.pathname === "/historier/ny" && url.searchParams.get("ide") === publicId);
    expect(await page.getByLabel("Tittel", { exact: true }).inputValue()).toBe(TRIED_TITLE);
    await page.getByLabel("Tittel", { exact: true }).fill(TRIED_STORY);
    await page.getByLabel("Hva endret seg i tjenesten?").fill("Brukerne tar medisinene selv; vi følger opp varsler.");
    await page.getByLabel("Hva målte dere?").first().fill("Besøk for medisinutdeling per uke");
    await page.getByLabel("Enhet").first().selectOption("count");
    await page.getByLabel("Type gevinst").first().selectOption("time_saved");
    await page.getByLabel("Nullpunkt (før)").first().fill("90");
    await page.getByLabel("Etter", { exact: true }).first().fill("50");
    await page.getByRole("button", { name: "Lagre og send til vurdering" }).click();
    await page.waitForURL(/\/historier\/[a-z0-9-]+\?melding=submitted$/);
    const storyPath = new URL(page.url()).pathname;

    await coordinator.page.goto(app.url(`${storyPath}/vurder`));
    await coordinator.page.getByRole("button", { name: "Publiser historien" }).click();
    await coordinator.page.waitForURL((url) => url.pathname === storyPath && url.searchParams.get("melding") === "published");

    // A reader in another organisation sees the story on the idea page, and no button to write one.
    const reader = await newPage();
    await signIn(reader.page, "Maria Haugen");
    await reader.page.goto(app.url(ideaPath));
    const listed = reader.page.getByRole("region", { name: "Suksesshistorier om forslaget" });
    expect(await listed.getByRole("link", { name: TRIED_STORY }).getAttribute("href")).toBe(storyPath);
    expect(await listed.getByRole("link", { name: "Skriv en suksesshistorie" }).count()).toBe(0);
    await expectAccessible(reader.page, "idea page listing its success story, reader elsewhere");
  });
});
