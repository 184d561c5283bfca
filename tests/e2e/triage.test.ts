import { describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { useE2eHarness } from "./support/harness";
import { signInWithDemoButton, useTrackedPages } from "./support/pages";

const app = useE2eHarness();

// Kari Nordby (Asker) submits; her ideas go to Asker's network, where Marius Bakken coordinates
// and Ingrid Solberg is a member. (The seeded demo ideas are routed to other networks.)
const NETWORK = "Nettverk for digitalisering og e-helse – Asker";
const TITLES = {
  main: "Sensor i stedet for faste nattrunder",
  bulkA: "Felles sjekkliste for medisindispenser i Asker",
  bulkB: "Nettbrett til videosamtaler med pårørende",
  moved: "Trygghetsalarm med toveis tale for alle nye brukere",
  noJs: "Kortere vaktrapport med fast mal",
};
const SECRET_NOTE = "Internt: sjekk pris med leverandør før neste møte.";
const EDITED = "Ingrid Solberg er ansvarlig og tar kontakt med deg.";

const newPage = useTrackedPages(app);

const signInAsDemoUser = (page: Page, name: string) => signInWithDemoButton(app, page, name);

async function submitIdea(page: Page, title: string) {
  await page.goto(app.url("/ideer/ny"));
  await page.getByLabel(/^Kort tittel/).fill(title);
  await page.getByLabel(/^Hva er utfordringen i dag\?/).fill("Dagens rutine tar mye tid og gir ulik praksis mellom sonene.");
  const proposal = page.getByLabel(/^Hva foreslår du\?/);
  await proposal.click();
  await proposal.pressSequentially("Prøve en felles løsning i én sone først, og måle tidsbruken før og etter.");
  await page.getByRole("checkbox", { name: "Brukere og pårørende", exact: true }).check();
  await page.getByRole("checkbox", { name: /^Hjemmetjenester/ }).check();
  await page.getByRole("radio", { name: /^Trygghetsskapende teknologi/ }).check();
  await page
    .getByRole("checkbox", {
      name: "Jeg bekrefter at forslaget ikke inneholder opplysninger om pasienter eller brukere",
    })
    .check();
  await page.getByRole("button", { name: "Send inn", exact: true }).click();
  await page.waitForURL(/\/ideer\/IDE-\d{4}-\d{4}\/kvittering$/);
  return /\/ideer\/(IDE-\d{4}-\d{4})\//.exec(page.url())![1]!;
}

/** axe runs as a script: scan the HTML served without JavaScript (scripts removed) in a scripted page. */
async function expectAccessibleWithoutJs(page: Page, label: string) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const { page: scanner } = await newPage({ viewport: page.viewportSize() ?? undefined });
  await scanner.goto(app.url("/healthz"));
  await scanner.setContent(html, { waitUntil: "load" });
  await expectAccessible(scanner, label);
  await scanner.close();
}

const h1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const flash = (page: Page, text: string) => expect.poll(() => page.getByRole("status").filter({ hasText: text }).isVisible()).toBe(true);
const inboxPath = "/nettverk/digi-asker/innboks";

const ids: Record<keyof typeof TITLES, string> = {
  main: "",
  bulkA: "",
  bulkB: "",
  moved: "",
  noJs: "",
};
let coordinatorState: Awaited<ReturnType<BrowserContext["storageState"]>>;

describe("network triage", () => {
  it("the submitter sends five ideas", async () => {
    const { page } = await newPage();
    await signInAsDemoUser(page, "Kari Nordby");
    for (const key of Object.keys(TITLES) as (keyof typeof TITLES)[]) ids[key] = await submitIdea(page, TITLES[key]);
    expect(new Set(Object.values(ids)).size).toBe(5);
  });

  it("a coordinator answers with an edited template, assigns, evaluates, notes, bulk-answers and transfers; the submitter sees the answer and the mail", async () => {
    const { page, context } = await newPage();
    await signInAsDemoUser(page, "Marius Bakken");

    // Nettverk → the network's card with counts → its inbox.
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Innboks" }).click();
    await page.waitForURL((url) => url.pathname === "/nettverk");
    await expect.poll(() => h1(page)).toBe("Mine nettverk");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: NETWORK }) });
    const cardText = await card.textContent();
    expect(cardText).toContain("Koordinator");
    expect(cardText).toContain("Åpne forslag: 5");
    expect(cardText).toContain("Uten ansvarlig: 5");
    expect(cardText).toContain("Forfalt: 0");
    await expectAccessible(page, "my networks");
    await page.getByRole("link", { name: `Åpne innboksen for ${NETWORK}` }).click();
    await page.waitForURL((url) => url.pathname === inboxPath);
    await expect.poll(() => h1(page)).toBe(`Innboks – ${NETWORK}`);
    const counts = await page.getByTestId("inbox-counts").textContent();
    expect(counts).toContain("Åpne: 5");
    expect(counts).toContain("Forfalte: 0");
    expect(counts).toContain("Mottatt: 5");
    // Sorted by when the answer is due (overdue would come first; none is overdue yet).
    const due = await page
      .getByTestId("inbox-table")
      .locator("tbody tr td:nth-child(5) time")
      .evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
    expect(due).toHaveLength(5);
    expect([...due].sort()).toEqual(due);
    // The demand signal is shown per idea.
    expect(await page.getByRole("columnheader", { name: "Støtter" }).isVisible()).toBe(true);
    expect(await page.getByRole("columnheader", { name: "Samme behov" }).isVisible()).toBe(true);
    await expectAccessible(page, "inbox");

    // Open one idea.
    await page.getByRole("link", { name: TITLES.main }).click();
    await page.waitForURL((url) => url.pathname === `/ideer/${ids.main}/behandle`);
    await expect.poll(() => h1(page)).toBe(`Behandle ${ids.main}`);
    await expectAccessible(page, "triage page");

    // Owner: Ingrid Solberg.
    await page.getByLabel("Ansvarlig i nettverket").selectOption({ label: "Ingrid Solberg" });
    await page.getByRole("button", { name: "Lagre ansvarlig" }).click();
    await flash(page, "Ansvarlig er lagret.");
    expect(await page.getByRole("region", { name: "Oversikt" }).textContent()).toContain("Ingrid Solberg");
    await expectAccessible(page, "triage page, owner saved");

    // A status change without an answer is refused on the spot.
    await page.getByLabel("Ny status").selectOption({ label: "Under vurdering" });
    await page.getByRole("button", { name: "Send svar" }).click();
    await expect.poll(() => page.getByText("Skriv et svar til innsenderen.").isVisible()).toBe(true);
    expect(await page.getByLabel("Svar til innsenderen").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "triage page, answer missing");

    // Template → edit → send.
    await page.getByLabel("Svarmal").selectOption({ label: "Takk – vi ser på forslaget" });
    await page.getByRole("button", { name: "Bruk malen" }).click();
    await page.waitForURL((url) => url.searchParams.has("mal"));
    const answer = page.getByLabel("Svar til innsenderen");
    await expect.poll(() => answer.inputValue()).toContain("Nettverket har lest det");
    expect(await page.getByLabel("Ny status").inputValue()).toBe("under_review");
    await expectAccessible(page, "triage page, template chosen");
    await answer.fill(`${await answer.inputValue()} ${EDITED}`);
    await page.getByRole("button", { name: "Send svar" }).click();
    await flash(page, "Svaret er sendt, og statusen er oppdatert.");
    const answers = page.getByRole("region", {
      name: "Svar innsenderen og endre status",
    });
    expect(await answers.textContent()).toContain(EDITED);
    expect(await answers.textContent()).toContain("Mottatt → Under vurdering");
    await expectAccessible(page, "triage page, answered");

    // Evaluation and an internal note.
    const evaluation = page.getByRole("region", { name: "Vurdering" });
    await evaluation.getByRole("group", { name: "Nytt", exact: true }).getByLabel("Poeng").selectOption("4");
    await evaluation.getByRole("group", { name: "Nyttig", exact: true }).getByLabel("Poeng").selectOption("5");
    await evaluation.getByRole("group", { name: "Nyttig", exact: true }).getByLabel("Notat").fill("Sparer nattpatruljen for kjøring.");
    await page.getByRole("button", { name: "Lagre vurderingen" }).click();
    await flash(page, "Vurderingen er lagret.");
    expect(await page.getByRole("group", { name: "Nyttig", exact: true }).textContent()).toContain("Snitt i nettverket: 5 (1 vurderinger)");
    await page.getByLabel("Nytt notat").fill(SECRET_NOTE);
    await page.getByRole("button", { name: "Lagre notatet" }).click();
    await flash(page, "Notatet er lagret.");
    expect(await page.getByRole("region", { name: "Interne notater" }).textContent()).toContain(SECRET_NOTE);
    await expectAccessible(page, "triage page, evaluation and note");

    // Transfer another idea, with a reason.
    await page.goto(app.url(`/ideer/${ids.moved}/behandle`));
    await page.getByRole("button", { name: "Overfør forslaget" }).click();
    await expect.poll(() => page.getByText("Velg nettverket forslaget skal til.").isVisible()).toBe(true);
    await expectAccessible(page, "triage page, transfer refused");
    await page.getByLabel("Til nettverk").selectOption({ label: "Digital hjemmeoppfølging og responstjenester" });
    await page.getByLabel("Begrunnelse").fill("Gjelder trygghetsalarmer i flere kommuner; hører hjemme i DHO-gruppen.");
    await page.getByRole("button", { name: "Overfør forslaget" }).click();
    await page.waitForURL((url) => url.pathname === inboxPath);
    expect(await page.getByTestId("inbox-table").textContent()).not.toContain(TITLES.moved);

    // Bulk answer two ideas with a template.
    await page.getByLabel("Svarmal").selectOption({ label: "Takk – vi ser på forslaget" });
    await page.getByRole("button", { name: "Bruk malen" }).click();
    await page.waitForURL((url) => url.searchParams.has("mal"));
    await expect.poll(() => page.getByLabel("Svar til innsenderne").inputValue()).toContain("Nettverket har lest det");
    await page.getByRole("button", { name: "Send svar til valgte forslag" }).click();
    await expect.poll(() => page.getByText("Velg minst ett forslag.").isVisible()).toBe(true);
    await expectAccessible(page, "inbox, bulk without ideas");
    await page.getByRole("checkbox", { name: `Velg ${ids.bulkA} ${TITLES.bulkA}` }).check();
    await page.getByRole("checkbox", { name: `Velg ${ids.bulkB} ${TITLES.bulkB}` }).check();
    await page.getByRole("button", { name: "Send svar til valgte forslag" }).click();
    await flash(page, "Svaret er sendt til 2 forslag.");
    const afterBulk = await page.getByTestId("inbox-counts").textContent();
    expect(afterBulk).toContain("Under vurdering: 3");
    expect(afterBulk).toContain("Mottatt: 1");
    // Workload: Ingrid has one idea.
    const workload = page.getByTestId("workload-table");
    expect(await workload.getByRole("row", { name: /Ingrid Solberg/ }).textContent()).toMatch(/Ingrid Solberg\s*1\s*0/);
    await expectAccessible(page, "inbox after bulk answer");

    // Reply templates: seen and edited by the coordinator.
    await page.getByRole("link", { name: "Se og rediger svarmalene" }).click();
    await page.waitForURL((url) => url.pathname === "/nettverk/digi-asker/svarmaler");
    await expectAccessible(page, "reply templates");
    const sent = page.getByRole("region", {
      name: "Sendt videre til ledelsen",
    });
    await sent.getByLabel("Navn på malen").fill("S");
    await sent.getByRole("button", { name: /^Lagre endringene/ }).click();
    await expect.poll(() => sent.getByText("Gi malen et navn på minst 2 tegn.").isVisible()).toBe(true);
    await expectAccessible(page, "reply templates, error");
    await sent.getByLabel("Navn på malen").fill("Sendt videre til virksomhetsleder");
    await sent.getByRole("button", { name: /^Lagre endringene/ }).click();
    await flash(page, "Endringene i svarmalen er lagret.");
    expect(await page.getByRole("heading", { name: "Sendt videre til virksomhetsleder" }).isVisible()).toBe(true);
    // Deleting asks once more: the button is behind "Slett malen", with what it means.
    const renamed = page.getByRole("region", { name: "Sendt videre til virksomhetsleder" });
    expect(await renamed.getByRole("button", { name: "Slett malen «Sendt videre til virksomhetsleder»" }).isVisible()).toBe(false);
    await renamed.locator("summary", { hasText: "Slett malen" }).click();
    expect(await renamed.getByText("Malen forsvinner for alle i nettverket.", { exact: false }).isVisible()).toBe(true);
    await expectAccessible(page, "reply templates, confirm deletion");
    await renamed.getByRole("button", { name: "Slett malen «Sendt videre til virksomhetsleder»" }).click();
    await flash(page, "Svarmalen er slettet.");
    expect(await page.getByRole("heading", { name: "Sendt videre til virksomhetsleder" }).count()).toBe(0);

    coordinatorState = await context.storageState();

    // The submitter: the idea page shows the new status and never the internal note.
    const submitter = await newPage();
    await signInAsDemoUser(submitter.page, "Kari Nordby");
    await submitter.page.goto(app.url(`/ideer/${ids.main}`));
    await expect.poll(() => h1(submitter.page)).toBe(TITLES.main);
    const ideaText = (await submitter.page.locator("main").textContent()) ?? "";
    expect(ideaText).toContain("Under vurdering");
    expect(ideaText).toContain(EDITED);
    expect(ideaText).not.toContain(SECRET_NOTE);
    expect(ideaText).not.toContain("Sparer nattpatruljen");
    await expectAccessible(submitter.page, "idea page for the submitter after the answer");
    // Nor can she open the triage page.
    const refused = await submitter.page.goto(app.url(`/ideer/${ids.main}/behandle`));
    expect(refused?.status()).toBe(404);

    // The answer e-mail, with the edited text, in the dev mailbox.
    await submitter.page.goto(app.url("/dev/mailbox"));
    const subject = `Forslaget ditt ${ids.main} har fått status «Under vurdering»`;
    await expect
      .poll(
        async () => {
          await submitter.page.reload();
          return submitter.page.getByRole("link", { name: subject }).count();
        },
        { timeout: 30_000, interval: 1000 }
      )
      .toBe(1);
    await expectAccessible(submitter.page, "dev mailbox");
    await submitter.page.getByRole("link", { name: subject }).click();
    await submitter.page.waitForURL(/\/dev\/mailbox\/[^/]+$/);
    const mail = (await submitter.page.locator("pre").first().textContent()) ?? "";
    expect(mail).toContain(EDITED);
    expect(mail).not.toContain(SECRET_NOTE);
    await expectAccessible(submitter.page, "answer e-mail");
    // The bulk answers went out too, one per idea.
    await submitter.page.goto(app.url("/dev/mailbox"));
    for (const id of [ids.bulkA, ids.bulkB]) {
      await expect
        .poll(
          async () => {
            await submitter.page.reload();
            return submitter.page
              .getByRole("link", {
                name: `Forslaget ditt ${id} har fått status «Under vurdering»`,
              })
              .count();
          },
          { timeout: 30_000, interval: 1000 }
        )
        .toBe(1);
    }
  });

  it("fits a 360 px phone", async () => {
    const { page } = await newPage({
      viewport: { width: 360, height: 740 },
      storageState: coordinatorState,
    });
    for (const path of ["/nettverk", inboxPath, `/ideer/${ids.main}/behandle`, "/nettverk/digi-asker/svarmaler"]) {
      await page.goto(app.url(path));
      await expect.poll(() => fitsWidth(page), { message: path }).toBe(true);
      await expectAccessible(page, `${path} at 360 px`);
    }
  });

  it("works without JavaScript: a refused answer keeps the text, then the template, the answer and a bulk refusal", async () => {
    const { page } = await newPage({
      javaScriptEnabled: false,
      storageState: coordinatorState,
    });
    await page.goto(app.url(`/ideer/${ids.noJs}/behandle`));
    await expect.poll(() => h1(page)).toBe(`Behandle ${ids.noJs}`);

    // Too short: the server says why and keeps what was typed.
    await page.getByLabel("Ny status").selectOption({ label: "Ikke prioritert nå" });
    await page.getByLabel("Svar til innsenderen").fill("Nei");
    await page.getByLabel("Vurder igjen (valgfritt)").fill("2099-03-01");
    await page.getByRole("button", { name: "Send svar" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByText("Svaret må være minst 10 tegn.").isVisible()).toBe(true);
    expect(await page.getByLabel("Svar til innsenderen").inputValue()).toBe("Nei");
    expect(await page.getByLabel("Ny status").inputValue()).toBe("not_prioritised");
    expect(await page.getByLabel("Vurder igjen (valgfritt)").inputValue()).toBe("2099-03-01");
    await expectAccessibleWithoutJs(page, "triage page without JS, refused");

    // Template by a plain GET form, then send.
    await page.getByLabel("Svarmal").selectOption({ label: "Ikke prioritert nå" });
    await page.getByRole("button", { name: "Bruk malen" }).click();
    await page.waitForURL((url) => url.searchParams.has("mal"));
    const answer = page.getByLabel("Svar til innsenderen");
    expect(await answer.inputValue()).toContain("kan ikke prioritere det nå fordi");
    await answer.fill((await answer.inputValue()).replace("[skriv begrunnelsen]", "budsjettet for i år er brukt opp"));
    await page.getByLabel("Vurder igjen (valgfritt)").fill("2099-03-01");
    await page.getByRole("button", { name: "Send svar" }).click();
    await page.waitForURL((url) => url.searchParams.get("lagret") === "status");
    expect(await page.getByRole("status").filter({ hasText: "Svaret er sendt, og statusen er oppdatert." }).isVisible()).toBe(true);
    expect(await page.getByRole("region", { name: "Oversikt" }).textContent()).toContain("2099-03-01");
    await expectAccessibleWithoutJs(page, "triage page without JS, answered");

    // Bulk answer without ticking anything: refused by the server, the typed text kept.
    await page.goto(app.url(inboxPath));
    await page.getByLabel("Ny status").selectOption({ label: "Innsikt" });
    await page.getByLabel("Svar til innsenderne").fill("Vi går videre med innsiktsarbeid i vår.");
    await page.getByRole("button", { name: "Send svar til valgte forslag" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByText("Velg minst ett forslag.").isVisible()).toBe(true);
    expect(await page.getByLabel("Svar til innsenderne").inputValue()).toBe("Vi går videre med innsiktsarbeid i vår.");
    await expectAccessibleWithoutJs(page, "inbox without JS, bulk refused");
    // Filters are plain GET links and forms.
    await page.getByRole("link", { name: "Mine", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("ansvarlig") === "mine");
    expect(await page.getByText("Ingen forslag passer med filtrene.").isVisible()).toBe(true);
    await expectAccessibleWithoutJs(page, "inbox without JS, filtered");
  });

  it("closes the loop: the submitter rates the answer and contests 'Ikke prioritert nå' once, which reopens the idea", async () => {
    const { page } = await newPage();
    await signInAsDemoUser(page, "Kari Nordby");
    await page.goto(app.url(`/ideer/${ids.noJs}`));
    await expect.poll(() => h1(page)).toBe(TITLES.noJs);
    await expectAccessible(page, "idea page with rating and contest forms");

    // "Var svaret tydelig?" — No, with a comment the network sees.
    const rating = page.getByRole("group", { name: "Var svaret tydelig?" });
    await rating.getByLabel("Nei", { exact: true }).check();
    await page.getByLabel("Kommentar (valgfritt)").fill("Hvilket budsjett gjelder det?");
    await page.getByRole("button", { name: "Send vurdering" }).click();
    await flash(page, "Takk! Vurderingen din er sendt til nettverket.");
    expect(await page.getByText("Du svarte at dette svaret ikke var tydelig.").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Send vurdering" }).count()).toBe(0);
    await expectAccessible(page, "idea page after rating");

    // Contest: too short is refused with the text kept, then a real reason reopens the idea.
    await page.getByLabel("Hvorfor er du uenig?").fill("Uenig");
    await page.getByRole("button", { name: "Bestrid avgjørelsen" }).click();
    await expect.poll(() => page.getByText("Begrunnelsen må være på minst 10 tegn.").isVisible()).toBe(true);
    expect(await page.getByLabel("Hvorfor er du uenig?").inputValue()).toBe("Uenig");
    await expectAccessible(page, "contest refused");
    await page.getByLabel("Hvorfor er du uenig?").fill("Vaktrapporten tar 40 minutter hver dag; det koster mer enn malen.");
    await page.getByRole("button", { name: "Bestrid avgjørelsen" }).click();
    await flash(page, "Avgjørelsen er bestridt. Forslaget er åpnet igjen, og nettverket svarer deg.");
    expect(await page.getByText("Under vurdering").first().isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Bestrid avgjørelsen" }).count()).toBe(0);
    await expectAccessible(page, "idea page after contest");

    // The network sees the rating and the contest on the triage page.
    const coordinator = await newPage({ storageState: coordinatorState });
    await coordinator.page.goto(app.url(`/ideer/${ids.noJs}/behandle`));
    await expect.poll(() => h1(coordinator.page)).toBe(`Behandle ${ids.noJs}`);
    expect(await coordinator.page.getByText("Innsenderen: svaret var ikke tydelig").isVisible()).toBe(true);
    expect(await coordinator.page.getByText("Vaktrapporten tar 40 minutter hver dag").first().isVisible()).toBe(true);
    await expectAccessible(coordinator.page, "triage page with rating and contest");
  });
});
