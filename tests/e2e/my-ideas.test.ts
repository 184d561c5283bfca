import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { useE2eHarness } from "./support/harness";
import { signInWithDemoButton, useTrackedPages } from "./support/pages";

const app = useE2eHarness();

// A seeded demo user without ideas of her own, so "Mine forslag" starts empty.
const DEMO_NAME = "Hilde Strand";
const TITLE = "Nattlig tilsyn med sensor i stedet for faste runder";
const NEW_TITLE = "Digitalt nattilsyn med sensor i hjemmesykepleien";

const newPage = useTrackedPages(app);

const signInAsDemoUser = (page: Page, name: string) => signInWithDemoButton(app, page, name);

async function submitIdea(page: Page) {
  await page.goto(app.url("/ideer/ny"));
  await page.getByLabel(/^Kort tittel/).fill(TITLE);
  await page.getByLabel(/^Hva er utfordringen i dag\?/).fill("Nattpatruljen kjører faste runder og vekker brukere som sover godt.");
  const proposal = page.getByLabel(/^Hva foreslår du\?/);
  await proposal.click();
  await proposal.pressSequentially("Prøve bevegelsessensor hos brukere med faste nattbesøk, og bare rykke ut ved varsel.");
  await page.getByRole("checkbox", { name: "Brukere og pårørende", exact: true }).check();
  await page.getByRole("checkbox", { name: /^Hjemmetjenester/ }).check();
  await page.getByRole("radio", { name: /^Trygghetsskapende teknologi/ }).check();
  await page.getByRole("checkbox", { name: "Jeg bekrefter at forslaget ikke inneholder opplysninger om pasienter eller brukere" }).check();
  await page.getByRole("button", { name: "Send inn", exact: true }).click();
  await page.waitForURL(/\/ideer\/IDE-\d{4}-\d{4}\/kvittering$/);
  const publicId = /\/ideer\/(IDE-\d{4}-\d{4})\//.exec(page.url())?.[1];
  expect(publicId).toBeTruthy();
  return publicId!;
}

const h1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

/** No sideways scrolling: everything fits the viewport. */
async function fitsWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe("following up my ideas", () => {
  it("finds a new idea under Mine forslag, opens it, edits the title and withdraws it with a reason", async () => {
    const { page, context } = await newPage();
    await signInAsDemoUser(page, DEMO_NAME);

    // Nothing yet: the empty state points to the form.
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Mine forslag" }).click();
    await page.waitForURL((url) => url.pathname === "/mine-forslag");
    await expect.poll(() => h1(page)).toBe("Mine forslag");
    expect(await page.getByRole("heading", { name: "Du har ikke sendt inn noen forslag ennå" }).isVisible()).toBe(true);
    await expectAccessible(page, "my ideas, empty");

    const publicId = await submitIdea(page);

    await page.goto(app.url("/mine-forslag"));
    const card = page.getByRole("article").filter({ hasText: publicId });
    const cardText = await card.textContent();
    expect(cardText).toContain("Status: Mottatt");
    expect(cardText).toMatch(/Du får første svar innen \d{1,2}\. \p{L}+ \d{4}/u);
    expect(cardText).toContain("Nettverk for digitalisering og e-helse – Asker");
    await expectAccessible(page, "my ideas, one idea");

    await card.getByRole("link", { name: TITLE }).click();
    await page.waitForURL((url) => url.pathname === `/ideer/${publicId}`);
    await expect.poll(() => h1(page)).toBe(TITLE);
    expect(await page.getByRole("heading", { name: "Sendt til Nettverk for digitalisering og e-helse – Asker" }).isVisible()).toBe(true);
    expect(await page.getByTestId("submitter-name").textContent()).toContain(DEMO_NAME);
    await expectAccessible(page, "idea page");

    // Edit the title.
    await page.getByRole("link", { name: "Endre forslaget" }).click();
    await page.waitForURL((url) => url.pathname === `/ideer/${publicId}/rediger`);
    await expectAccessible(page, "edit page");
    const title = page.getByLabel("Tittel", { exact: true });
    await title.fill("Kort");
    await title.blur();
    await expect.poll(() => page.getByText("Tittelen må ha minst 5 tegn.").isVisible()).toBe(true);
    expect(await title.getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "edit page with an error");
    await title.fill(NEW_TITLE);
    await page.getByRole("button", { name: "Lagre endringene" }).click();
    await page.waitForURL((url) => url.pathname === `/ideer/${publicId}` && url.searchParams.has("endret"));
    await expect.poll(() => h1(page)).toBe(NEW_TITLE);
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Endringene er lagret." }).isVisible()).toBe(true);
    expect(await page.getByText("Endret av innsender").isVisible()).toBe(true);
    await expectAccessible(page, "idea page after edit");

    // A photo forgotten at submission: added, shown on the idea page, removed again.
    await page.getByRole("link", { name: "Legg til eller fjern vedlegg" }).click();
    await page.waitForURL((url) => url.pathname === `/ideer/${publicId}/vedlegg`);
    await expect.poll(() => h1(page)).toBe("Vedlegg til forslaget");
    await expectAccessible(page, "attachments page, none yet");
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    await page.getByLabel("Velg filer").setInputFiles({ name: "sensor-ved-senga.png", mimeType: "image/png", buffer: png });
    await page.getByRole("button", { name: "Last opp" }).click();
    await page.waitForURL((url) => url.pathname === `/ideer/${publicId}/vedlegg` && url.searchParams.get("lagt-til") === "1");
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Vedlegget er lagt til." }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "sensor-ved-senga.png" }).isVisible()).toBe(true);
    await expectAccessible(page, "attachments page, one file");
    await page.goto(app.url(`/ideer/${publicId}`));
    expect(await page.getByRole("link", { name: "sensor-ved-senga.png" }).isVisible()).toBe(true);
    await page.getByRole("link", { name: "Legg til eller fjern vedlegg" }).click();
    await page.waitForURL((url) => url.pathname === `/ideer/${publicId}/vedlegg`);
    await page.getByRole("button", { name: "Fjern vedlegget sensor-ved-senga.png" }).click();
    await page.waitForURL((url) => url.searchParams.has("fjernet"));
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Vedlegget er fjernet." }).isVisible()).toBe(true);
    expect(await page.getByText("Forslaget har ingen vedlegg.").isVisible()).toBe(true);
    await page.getByRole("link", { name: "Tilbake til forslaget" }).click();
    await page.waitForURL((url) => url.pathname === `/ideer/${publicId}`);

    // A phone in home care: 360 px wide, same session.
    const phone = await newPage({ viewport: { width: 360, height: 740 }, storageState: await context.storageState() });
    await phone.page.goto(app.url("/mine-forslag"));
    expect(await phone.page.getByRole("link", { name: NEW_TITLE }).isVisible()).toBe(true);
    expect(await fitsWidth(phone.page)).toBe(true);
    await expectAccessible(phone.page, "my ideas at 360 px");
    await phone.page.goto(app.url(`/ideer/${publicId}`));
    expect(await fitsWidth(phone.page)).toBe(true);

    // Withdraw: a reason is required.
    await page.getByRole("link", { name: "Trekk forslaget" }).click();
    await page.waitForURL((url) => url.pathname === `/ideer/${publicId}/trekk`);
    await expectAccessible(page, "withdraw page");
    await page.getByRole("button", { name: "Trekk forslaget" }).click();
    await expect.poll(() => page.getByText("Skriv kort hvorfor du trekker forslaget (minst 3 tegn).").isVisible()).toBe(true);
    await expectAccessible(page, "withdraw page with an error");
    await page.getByLabel("Hvorfor vil du trekke forslaget?").fill("Vi har fått sensorer gjennom et annet prosjekt.");
    await page.getByRole("button", { name: "Trekk forslaget" }).click();
    await page.waitForURL((url) => url.pathname === "/mine-forslag" && url.searchParams.get("trukket") === "1");
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Forslaget er trukket." }).isVisible()).toBe(true);
    const withdrawn = page.getByRole("article").filter({ hasText: publicId });
    expect(await withdrawn.textContent()).toContain("Status: Trukket");
    await expectAccessible(page, "my ideas after withdrawing");

    await withdrawn.getByRole("link", { name: NEW_TITLE }).click();
    await page.waitForURL((url) => url.pathname === `/ideer/${publicId}`);
    await expect.poll(() => page.getByText("Vi har fått sensorer gjennom et annet prosjekt.").first().isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Endre forslaget" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Trekk forslaget" }).count()).toBe(0);
    await expectAccessible(page, "withdrawn idea page");
  });

  it("keeps and deletes a draft without JavaScript, with a confirm step", async () => {
    const { page, context } = await newPage({ javaScriptEnabled: false });
    await signInAsDemoUser(page, "Astrid Hovland");
    await page.goto(app.url("/ideer/ny"));
    await page.getByLabel(/^Kort tittel/).fill("Kladd om fallsensor");
    await page.getByRole("button", { name: "Lagre som kladd" }).click();
    await page.waitForURL((url) => url.pathname === "/mine-forslag" && url.searchParams.get("kladd") === "lagret");
    expect(await page.getByRole("status").textContent()).toContain("Kladden er lagret.");
    const draft = page.getByRole("article").filter({ hasText: "Kladd om fallsensor" });
    expect(await draft.getByRole("link", { name: /^Fortsett\s*: Kladd om fallsensor$/ }).getAttribute("href")).toMatch(/^\/ideer\/ny\?kladd=[0-9a-f-]{36}$/);

    await draft.getByRole("link", { name: /^Slett kladden\s*: Kladd om fallsensor$/ }).click();
    await page.waitForURL(/\/mine-forslag\/kladd\/[0-9a-f-]{36}\/slett$/);
    expect(await h1(page)).toBe("Slette kladden?");
    // axe needs JavaScript: scan the same pages in a second, scripted tab of this session.
    const scripted = await newPage({ storageState: await context.storageState() });
    await scripted.page.goto(page.url());
    await expectAccessible(scripted.page, "delete draft confirm page");
    await scripted.page.goto(app.url("/mine-forslag"));
    await expectAccessible(scripted.page, "my ideas with a draft");
    await page.getByRole("button", { name: "Ja, slett kladden" }).click();
    await page.waitForURL((url) => url.pathname === "/mine-forslag" && url.searchParams.get("kladd") === "slettet");
    expect(await page.getByRole("status").textContent()).toContain("Kladden er slettet.");
    expect(await page.getByText("Kladd om fallsensor").count()).toBe(0);
  });

  it("answers an unknown idea with the 404 page", async () => {
    const { page } = await newPage();
    await signInAsDemoUser(page, DEMO_NAME);
    const response = await page.goto(app.url("/ideer/IDE-1999-0001"));
    expect(response?.status()).toBe(404);
    await expect.poll(() => h1(page)).toBe("Fant ikke siden");
    await expectAccessible(page, "idea not found");
  });
});
