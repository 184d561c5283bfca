import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible, expectAccessibleAsServed } from "./support/axe";
import { useE2eHarness } from "./support/harness";
import { signInWithDemoButton, useTrackedPages } from "./support/pages";

const app = useE2eHarness();

// Lene (Drammen) has a seeded idea shared with partners; Kari (Asker) and Hilde (Asker) co-create on it.
const IDEA_TITLE = "Digital timebestilling på helsestasjonen";

const newPage = useTrackedPages(app);

const signInAsDemoUser = (page: Page, name: string) => signInWithDemoButton(app, page, name);

let ideaPath: string | undefined;
async function findIdeaPath() {
  if (ideaPath) return ideaPath;
  const { page } = await newPage();
  await signInAsDemoUser(page, "Lene Dahl");
  await page.goto(app.url("/mine-forslag"));
  await page.getByRole("link", { name: IDEA_TITLE }).click();
  await page.waitForURL((url) => /^\/ideer\/IDE-\d{4}-\d{4}$/.test(url.pathname));
  ideaPath = new URL(page.url()).pathname;
  return ideaPath;
}

const comments = (page: Page) => page.getByRole("region", { name: /^Kommentarer/ });

describe("co-creating on an idea", () => {
  it("marks the same need, follows, comments with a mention, replies and edits; axe on every step", async () => {
    const path = await findIdeaPath();
    const { page } = await newPage();
    await signInAsDemoUser(page, "Kari Nordby");
    await page.goto(app.url(path));
    await expectAccessible(page, "idea page with co-creation sections");

    // Vi har samme behov, with a note.
    await page.getByLabel("Kort om behovet hos dere (valgfritt)").fill("Vi har samme kø på telefonen.");
    await page.getByRole("button", { name: "Vi har samme behov" }).click();
    await page.waitForURL((url) => url.searchParams.get("samme-behov") === "registrert");
    await expect.poll(() => page.getByTestId("same-need-notice").textContent()).toBe("Registrert: Asker kommune har samme behov.");
    expect(await page.getByTestId("same-need-list").textContent()).toContain("Asker kommune");
    expect(await page.getByTestId("same-need-list").textContent()).toContain("Vi har samme kø på telefonen.");
    await expectAccessible(page, "after same need");

    // Følg / Slutt å følge.
    await page.getByRole("button", { name: "Følg", exact: true }).click();
    await expect.poll(() => page.getByRole("button", { name: "Slutt å følge" }).isVisible()).toBe(true);

    // An empty comment: a message, nothing saved. The idea page has no client-side validation (its
    // JavaScript budget), so the server's answer is shown on the comment page, as without JavaScript.
    await comments(page).getByRole("button", { name: "Publiser kommentar" }).click();
    await page.waitForURL((url) => url.pathname === `${path}/kommentarer`);
    await expect.poll(() => page.getByText("Skriv en kommentar før du publiserer.").isVisible()).toBe(true);
    const field = page.getByLabel("Skriv en kommentar");
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "comment form with an error");

    // An unknown mention: refused with the name, the text kept.
    await field.fill("Spør @ukjent.person om dette");
    await page.getByRole("button", { name: "Publiser kommentar" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("@ukjent.person");
    expect(await page.getByLabel("Skriv en kommentar").inputValue()).toBe("Spør @ukjent.person om dette");
    await expectAccessible(page, "refused comment");

    // A real mention, shown as the name.
    await page.getByLabel("Skriv en kommentar").fill("Spør @hilde.strand om dette <script>alert(1)</script>");
    await page.getByRole("button", { name: "Publiser kommentar" }).click();
    await page.waitForURL((url) => url.pathname === path && url.hash.startsWith("#comment-"));
    const first = comments(page).getByTestId("comment").first();
    await expect.poll(() => first.textContent()).toContain("@Hilde Strand");
    expect(await first.textContent()).toContain("<script>alert(1)</script>");

    // Reply (one level) and edit.
    await first.getByText("Svar", { exact: true }).click();
    await first.getByLabel("Ditt svar til Kari Nordby").fill("Jeg svarer meg selv");
    await first.getByRole("button", { name: "Publiser svar" }).click();
    await page.waitForURL((url) => url.hash.startsWith("#comment-"));
    await expect.poll(() => comments(page).getByRole("list", { name: "Svar på kommentaren fra Kari Nordby" }).textContent()).toContain("Jeg svarer meg selv");
    const reply = comments(page).getByRole("list", { name: "Svar på kommentaren fra Kari Nordby" }).getByTestId("comment");
    expect(await reply.getByText("Svar", { exact: true }).count()).toBe(0);
    await reply.getByText("Rediger", { exact: true }).click();
    await reply.getByLabel("Rediger kommentaren").fill("Jeg svarer meg selv, redigert");
    await reply.getByRole("button", { name: "Lagre endringer" }).click();
    await expect.poll(() => reply.textContent()).toContain("Jeg svarer meg selv, redigert");
    expect(await reply.textContent()).toContain("(redigert)");
    await expectAccessible(page, "idea page with comments");

    // A colleague from the same organisation: already recorded, no duplicate.
    const hilde = await newPage();
    await signInAsDemoUser(hilde.page, "Hilde Strand");
    await hilde.page.goto(app.url(path));
    expect(await hilde.page.getByRole("button", { name: "Vi har samme behov" }).count()).toBe(0);
    expect(await hilde.page.getByTestId("same-need-list").getByText("Asker kommune").count()).toBe(1);
  });

  it("works without JavaScript: comment, delete, follow", async () => {
    const path = await findIdeaPath();
    const { page } = await newPage({ javaScriptEnabled: false });
    await signInAsDemoUser(page, "Ahmed Rahimi");
    await page.goto(app.url(path));
    await page.getByLabel("Skriv en kommentar").fill("x".repeat(4001));
    await page.getByRole("button", { name: "Publiser kommentar" }).click();
    await page.waitForURL((url) => url.pathname === `${path}/kommentarer`);
    expect(await page.getByText("Kommentaren er for lang. Korte den ned til høyst 4000 tegn.").isVisible()).toBe(true);
    expect((await page.getByLabel("Skriv en kommentar").inputValue()).length).toBe(4001);
    await expectAccessibleAsServed(page, "too long without JavaScript");
    await page.getByLabel("Skriv en kommentar").fill("Uten JavaScript");
    await page.getByRole("button", { name: "Publiser kommentar" }).click();
    await page.waitForURL((url) => url.pathname === path);
    const mine = comments(page).getByTestId("comment").filter({ hasText: "Uten JavaScript" });
    expect(await mine.count()).toBe(1);
    await mine.getByRole("button", { name: "Slett kommentaren" }).click();
    await page.waitForURL((url) => url.pathname === path);
    expect(await comments(page).getByText("Uten JavaScript").count()).toBe(0);
    expect(await comments(page).getByText("Kommentaren er slettet").count()).toBeGreaterThan(0);
    // Commenting made him a follower; unfollow and follow again, both as plain posts.
    await page.getByRole("button", { name: "Slutt å følge" }).click();
    await page.waitForURL((url) => url.pathname === path);
    await page.getByRole("button", { name: "Følg", exact: true }).click();
    await page.waitForURL((url) => url.pathname === path);
    expect(await page.getByRole("button", { name: "Slutt å følge" }).isVisible()).toBe(true);
    await expectAccessibleAsServed(page, "idea page without JavaScript");
  });
});
