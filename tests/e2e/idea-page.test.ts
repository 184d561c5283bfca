import { afterEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { openPage, type TrackedPage } from "./support/browser";
import { useE2eHarness } from "./support/harness";

const app = useE2eHarness();

// Seeded ideas (supabase/seed.sql): Kari's (Asker, shared with partners) for co-creation; two of
// Drammen's ideas for the merge, handled by Tor Arne, coordinator of Drammen's network.
const KARI_IDEA = "Digitalt nattilsyn med sensor i stedet for faste runder";
const MERGED = "Felles sjekkliste for oppstart av medisindispenser";
const TARGET = "Digital timebestilling på helsestasjonen";

const opened: TrackedPage[] = [];
async function newPage() {
  const tracked = await openPage(app.browser);
  opened.push(tracked);
  return tracked.page;
}
afterEach(async () => {
  const errors = opened.flatMap((t) => t.browserErrors);
  await Promise.all(opened.splice(0).map((t) => t.context.close()));
  expect(errors, "errors in the browser").toEqual([]);
});

async function signInAs(name: string) {
  const page = await newPage();
  await page.goto(app.url("/logg-inn"));
  await page.getByRole("button", { name: `Logg inn som ${name}` }).click();
  await page.waitForURL((url) => url.pathname === "/");
  return page;
}

/** Finds an idea through the search page and opens it; returns its path. */
async function openIdea(page: Page, title: string) {
  await page.goto(app.url(`/ideer?q=${encodeURIComponent(title)}`));
  await page.getByRole("link", { name: title, exact: true }).first().click();
  await page.waitForURL((url) => /^\/ideer\/IDE-\d{4}-\d{4}$/.test(url.pathname));
  return new URL(page.url()).pathname;
}

const section = (page: Page, name: string) => page.getByRole("region", { name });

describe("the idea page", () => {
  it("a colleague from another municipality asks to co-create, the submitter accepts, the co-creator edits", async () => {
    const ahmed = await signInAs("Ahmed Rahimi");
    const path = await openIdea(ahmed, KARI_IDEA);
    await expectAccessible(ahmed, "idea page for another organisation's employee");
    expect(await ahmed.getByRole("link", { name: "Endre forslaget" }).count()).toBe(0);
    expect(await ahmed.getByRole("link", { name: "Behandle forslaget" }).count()).toBe(0);
    await ahmed.getByLabel("Hva kan du bidra med? (valgfritt)").fill("Vi har testet sensorer i Drammen.");
    await ahmed.getByRole("button", { name: "Be om å bli medskaper" }).click();
    await ahmed.waitForURL((url) => url.searchParams.get("medskaper") === "bedt");
    await expect.poll(() => ahmed.getByTestId("cocreator-notice").textContent()).toBe("Forespørselen er sendt. Innsenderen får beskjed.");
    expect(await section(ahmed, "Medskapere").textContent()).toContain("Innsenderen har ikke svart ennå.");
    await expectAccessible(ahmed, "after asking to co-create");

    const kari = await signInAs("Kari Nordby");
    await kari.goto(app.url(path));
    const requests = kari.getByTestId("cocreator-requests");
    expect(await requests.textContent()).toContain("Vi har testet sensorer i Drammen.");
    await expectAccessible(kari, "submitter sees a co-creation request");
    await requests.getByRole("button", { name: "Godta Ahmed Rahimi" }).click();
    await kari.waitForURL((url) => url.searchParams.get("medskaper") === "godtatt");
    await expect.poll(() => kari.getByTestId("cocreator-list").textContent()).toContain("Ahmed Rahimi, Drammen kommune");
    await expectAccessible(kari, "after accepting a co-creator");

    await ahmed.goto(app.url(path));
    expect(await section(ahmed, "Medskapere").textContent()).toContain("Du er medskaper og kan endre forslaget");
    await ahmed.getByRole("link", { name: "Endre forslaget" }).click();
    await ahmed.waitForURL((url) => url.pathname === `${path}/rediger`);
    // Visibility and the name setting are the submitter's: a co-creator is told so instead of given the fields.
    expect(await ahmed.getByTestId("submitter-only-settings").textContent()).toContain("Bare innsenderen kan endre hvem som kan se forslaget");
    expect(await ahmed.getByRole("radio").count()).toBe(0);
    expect(await ahmed.getByLabel("Skjul navnet mitt", { exact: false }).count()).toBe(0);
    await expectAccessible(ahmed, "co-creator editing");
    await ahmed.getByLabel("Tittel", { exact: true }).fill("Digitalt nattilsyn med sensor, prøvd i to kommuner");
    await ahmed.getByRole("button", { name: "Lagre endringene" }).click();
    await ahmed.waitForURL((url) => url.pathname === path && url.searchParams.has("endret"));
    await expect.poll(() => ahmed.getByRole("heading", { level: 1 }).textContent()).toBe("Digitalt nattilsyn med sensor, prøvd i to kommuner");
    expect(await section(ahmed, "Historikk").textContent()).toContain("Ahmed Rahimi ble medskaper");
    await expectAccessible(ahmed, "idea page after the co-creator's edit");
  });

  it("merging sends the merged idea's page to the other idea (302), which says what was merged into it", async () => {
    const lene = await signInAs("Lene Dahl");
    const targetPath = await openIdea(lene, TARGET);
    const targetId = targetPath.split("/").pop()!;

    const torArne = await signInAs("Tor Arne Myhre");
    const mergedPath = await openIdea(torArne, MERGED);
    await torArne.getByRole("link", { name: "Behandle forslaget" }).click();
    await torArne.waitForURL((url) => url.pathname === `${mergedPath}/behandle`);
    await torArne.getByLabel("Ny status").selectOption("merged");
    await torArne.getByLabel("Svar til innsenderen").fill("Vi samler dette med timebestillingen, som har samme løsning i bunnen.");
    await torArne.getByLabel("Slå sammen med forslag nummer").fill(targetId);
    await torArne.getByRole("button", { name: "Send svar" }).click();
    await expect.poll(() => torArne.getByText("Slått sammen").first().isVisible()).toBe(true);

    const response = await lene.request.get(app.url(mergedPath), { maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toBe(`${targetPath}?slatt-sammen=${mergedPath.split("/").pop()}`);

    await lene.goto(app.url(mergedPath));
    await lene.waitForURL((url) => url.pathname === targetPath);
    expect(await lene.getByTestId("merge-notice").textContent()).toContain(`«${MERGED}» er slått sammen med dette forslaget`);
    expect(await section(lene, "Historikk").textContent()).toContain(`${MERGED} ble slått sammen med dette forslaget`);
    await expectAccessible(lene, "idea that another idea was merged into");
  });
});
