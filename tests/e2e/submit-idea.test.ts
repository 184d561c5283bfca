import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { useE2eHarness } from "./support/harness";
import { signInWithDemoButton, useTrackedPages } from "./support/pages";

// Attachments go to a temporary directory, not the checkout's .data/.
const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "idehub-e2e-files-"));
const app = useE2eHarness({ STORAGE_DIR: storageDir });
afterAll(() => fs.rmSync(storageDir, { recursive: true, force: true }));

// A real 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
// Close to the seeded idea "Videokonsultasjon for oppfølging etter utskrivning" (Lier, visible to all partners).
const SIMILAR_TITLE = "Videokonsultasjon etter utskrivning fra sykehus";
const SEEDED_SIMILAR = "Videokonsultasjon for oppfølging etter utskrivning";
const CONFIRM = "Jeg bekrefter at forslaget ikke inneholder opplysninger om pasienter eller brukere";

const newPage = useTrackedPages(app, PHONE);

const signInAsDemoUser = (page: Page, name: string) => signInWithDemoButton(app, page, name);

async function fitsWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

async function chooseClassification(page: Page) {
  await page.getByRole("checkbox", { name: "Brukere og pårørende", exact: true }).check();
  await page.getByRole("checkbox", { name: /^Hjemmetjenester/ }).check();
  await page.getByRole("radio", { name: /^Digital hjemmeoppfølging/ }).check();
  await page.getByRole("checkbox", { name: "Hjemme", exact: true }).check();
  await page.getByRole("checkbox", { name: "Mindre bilkjøring", exact: true }).check();
}

/**
 * axe cannot run in a page with JavaScript disabled, so the page's HTML as the server sent it (scripts
 * removed) is scanned in a second, scripted page on the same origin.
 */
async function expectAccessibleWithoutJs(page: Page, label: string) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const { page: scanner } = await newPage();
  await scanner.goto(app.url("/healthz"));
  await scanner.setContent(html, { waitUntil: "load" });
  await expectAccessible(scanner, label);
  await scanner.close();
}

/** Polls the dev mailbox until the receipt for `publicId` has arrived, opens it and returns its text. */
async function readReceiptMail(page: Page, publicId: string) {
  const link = page.getByRole("link", { name: new RegExp(`\\(${publicId}\\)`) });
  await expect
    .poll(
      async () => {
        await page.goto(app.url("/dev/mailbox"));
        return link.count();
      },
      { timeout: 30_000, interval: 1000 },
    )
    .toBeGreaterThan(0);
  await expectAccessible(page, "dev mailbox with the receipt");
  await link.first().click();
  await page.waitForURL(/\/dev\/mailbox\/[^/]+$/);
  await expectAccessible(page, "receipt mail");
  return (await page.locator("main").textContent()) ?? "";
}

describe("submitting an idea on a phone", () => {
  it("writes an idea with formatting and an attachment, sees similar ideas, submits, and gets the receipt by e-mail", async () => {
    const { page } = await newPage();
    await signInAsDemoUser(page, "Kari Nordby");

    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Send inn idé" }).click();
    await page.waitForURL((url) => url.pathname === "/ideer/ny");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Send inn en idé");
    expect(await page.getByText(/Gjelder det en uønsket hendelse \(avvik\)\?/).isVisible()).toBe(true);
    await expectAccessible(page, "idea form");

    await page.getByLabel(/^Kort tittel/).fill(SIMILAR_TITLE);
    await page.getByLabel(/^Hva er utfordringen i dag\?/).fill("Mange trenger korte kontroller etter utskrivning, og hjemmesykepleien kjører langt for å gjøre dem.");

    // The similar-ideas hint appears once the title has settled.
    const hint = page.getByTestId("similar-ideas");
    await expect.poll(() => hint.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await hint.getByRole("heading", { name: "Ligner dette på ditt forslag?" }).isVisible()).toBe(true);
    expect(await hint.getByRole("link", { name: SEEDED_SIMILAR }).isVisible()).toBe(true);
    expect(await hint.getByRole("button", { name: new RegExp(`^Jeg støtter dette\\W+${SEEDED_SIMILAR}`) }).isVisible()).toBe(true);
    await expectAccessible(page, "idea form with similar ideas");
    // Supporting from the hint stays on the form (no nested <form>: the button acts by script).
    expect(await page.locator("form form").count()).toBe(0);
    await hint.getByRole("button", { name: new RegExp(`^Jeg støtter dette\\W+${SEEDED_SIMILAR}`) }).click();
    const supportedItem = hint.getByRole("listitem").filter({ hasText: SEEDED_SIMILAR });
    await expect.poll(() => supportedItem.getByText("Du støtter denne idéen.").isVisible()).toBe(true);
    await supportedItem.getByRole("button", { name: new RegExp(`^Trekk støtten\\W+${SEEDED_SIMILAR}`) }).click();
    await expect.poll(() => supportedItem.getByText("Du støtter denne idéen.").count()).toBe(0);
    expect(await page.getByLabel(/^Kort tittel/).inputValue()).toBe(SIMILAR_TITLE);

    // The proposal in the Lexical editor: bold text and a bulleted list through the toolbar.
    const editor = page.locator('#idea-form-proposal[contenteditable="true"]');
    await editor.waitFor();
    await editor.click();
    const toolbar = page.getByRole("toolbar", { name: "Formatering" });
    await toolbar.getByRole("button", { name: "Fet" }).click();
    await page.keyboard.type("Viktig:");
    await toolbar.getByRole("button", { name: "Fet" }).click();
    await page.keyboard.type(" video de første to ukene i stedet for hjemmebesøk.");
    await page.keyboard.press("Enter");
    await toolbar.getByRole("button", { name: "Punktliste" }).click();
    await page.keyboard.type("Nettbrett hos brukeren");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Fast tidspunkt for samtalen");
    expect(await editor.locator("strong, b, .font-bold").first().textContent()).toBe("Viktig:");
    expect(await editor.locator("ul li").count()).toBe(2);

    // The privacy check runs while typing: a phone number gives a notice next to the field.
    const stopDoing = page.getByLabel(/^Hva kan vi slutte med\?/);
    await stopDoing.fill("Ringe 912 34 567 for å avtale hvert besøk.");
    await expect.poll(() => page.getByTestId("privacy-findings").first().textContent()).toContain("telefonnummer");
    await stopDoing.fill("Noen av kontrollbesøkene de første ukene.");
    await expect.poll(() => page.getByTestId("privacy-findings").count()).toBe(0);

    await chooseClassification(page);
    await page.getByLabel(/^Vedlegg/).setInputFiles({ name: "skisse.png", mimeType: "image/png", buffer: PNG });

    // Autosave: the draft is saved in the background and the form says when.
    await expect.poll(() => page.getByTestId("autosave-status").textContent(), { timeout: 15_000 }).toMatch(/^Kladd lagret kl\. \d{2}[:.]\d{2}$/);

    await page.getByRole("checkbox", { name: CONFIRM }).check();
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, "idea form, filled in");
    await page.getByRole("button", { name: "Send inn", exact: true }).click();

    await page.waitForURL(/\/ideer\/IDE-\d{4}-\d{4,}\/kvittering$/);
    const publicId = /\/ideer\/(IDE-\d{4}-\d{4,})\//.exec(page.url())![1];
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Takk! Idéen din er sendt inn");
    expect(await page.getByTestId("idea-number").textContent()).toBe(publicId);
    expect(await page.getByRole("heading", { name: /^Sendt til / }).isVisible()).toBe(true);
    expect(await page.getByTestId("due-date").textContent()).toMatch(/^(mandag|tirsdag|onsdag|torsdag|fredag) \d{1,2}\. \p{L}+ \d{4}$/u);
    expect(await page.getByText("Vi har sendt den samme kvitteringen til kari.nordby@asker.example.no.").isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Se idéen" }).getAttribute("href")).toBe(`/ideer/${publicId}`);
    expect(await page.getByRole("link", { name: "Gå til Mine forslag" }).getAttribute("href")).toBe("/mine-forslag");
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, "receipt");

    const mail = await readReceiptMail(page, publicId);
    expect(mail).toContain(publicId);
  });
});

describe("submitting an idea without JavaScript", () => {
  it("shows errors with the typed text kept, then submits with the plain textarea and offers similar ideas on the receipt", async () => {
    const { page } = await newPage({ javaScriptEnabled: false });
    await signInAsDemoUser(page, "Ingrid Solberg");
    await page.goto(app.url("/ideer/ny"));
    await expectAccessibleWithoutJs(page, "idea form without JavaScript");

    await page.getByLabel(/^Kort tittel/).fill(SIMILAR_TITLE);
    await page.getByLabel(/^Hva foreslår du\?/).fill("Nettbrett og video de første to ukene etter utskrivning.\n\nBare hjemmebesøk når det trengs.");
    await page.getByRole("button", { name: "Send inn", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/ideer/ny");

    const summary = page.getByTestId("error-summary");
    expect(await summary.getByRole("heading").textContent()).toMatch(/ting må rettes før du kan sende inn$/);
    expect(await summary.getByRole("link", { name: /Hva er utfordringen i dag\?: Beskriv utfordringen/ }).isVisible()).toBe(true);
    expect(await page.getByLabel(/^Kort tittel/).inputValue()).toBe(SIMILAR_TITLE);
    expect(await page.getByLabel(/^Hva foreslår du\?/).inputValue()).toContain("Bare hjemmebesøk når det trengs.");
    const problem = page.getByLabel(/^Hva er utfordringen i dag\?/);
    expect(await problem.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await problem.getAttribute("aria-describedby"))!.split(" ");
    const errorText = await page.locator(`[id="${describedBy.find((id) => id.endsWith("-error"))}"]`).textContent();
    expect(errorText).toBe("Beskriv utfordringen slik den er i dag.");
    await expectAccessibleWithoutJs(page, "idea form with errors, without JavaScript");

    await problem.fill("Mange trenger korte kontroller etter utskrivning, og det krever hjemmebesøk.");
    await chooseClassification(page);
    await page.getByRole("checkbox", { name: CONFIRM }).check();
    await page.getByRole("button", { name: "Send inn", exact: true }).click();

    await page.waitForURL(/\/ideer\/IDE-\d{4}-\d{4,}\/kvittering$/);
    const publicId = /\/ideer\/(IDE-\d{4}-\d{4,})\//.exec(page.url())![1];
    expect(await page.getByTestId("idea-number").textContent()).toBe(publicId);
    const similar = page.getByTestId("similar-ideas");
    expect(await similar.getByRole("heading", { name: "Andre har foreslått noe lignende" }).isVisible()).toBe(true);
    expect(await similar.getByRole("link", { name: SEEDED_SIMILAR }).isVisible()).toBe(true);
    await expectAccessibleWithoutJs(page, "receipt without JavaScript");

    // Supporting works as a plain form post and comes back to the receipt.
    await similar.getByRole("button", { name: new RegExp(`^Jeg støtter dette\\W+${SEEDED_SIMILAR}`) }).click();
    await page.waitForURL((url) => url.pathname === `/ideer/${publicId}/kvittering`);
    const item = page.getByTestId("similar-ideas").getByRole("listitem").filter({ hasText: SEEDED_SIMILAR });
    expect(await item.getByText("Du støtter denne idéen.").isVisible()).toBe(true);
    expect(await item.getByText(/1 støtter/).isVisible()).toBe(true);
  });
});
