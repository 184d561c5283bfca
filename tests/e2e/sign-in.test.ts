import { afterEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { openPage, type TrackedPage } from "./support/browser";
import { useE2eHarness } from "./support/harness";
import { readSignInMail } from "./support/mailbox";

const app = useE2eHarness();

// A new person at a seeded organisation's domain (asker.example.no), so onboarding runs.
const EMAIL = "e2e.tester@asker.example.no";
const FULL_NAME = "Eli Testesen";

const opened: TrackedPage[] = [];
async function newPage() {
  const tracked = await openPage(app.browser);
  opened.push(tracked);
  return tracked;
}
afterEach(async () => {
  const errors = opened.flatMap((t) => t.browserErrors);
  await Promise.all(opened.splice(0).map((t) => t.context.close()));
  expect(errors, "errors in the browser").toEqual([]);
});

async function htmlLang(page: Page) {
  return page.evaluate(() => document.documentElement.lang);
}

async function requestCode(page: Page, emailLabel: string, submit: string) {
  await page.getByLabel(emailLabel, { exact: true }).fill(EMAIL);
  await page.getByRole("button", { name: submit }).click();
  await page.waitForURL((url) => url.pathname === "/logg-inn/kode");
  await expectAccessible(page, "code page");
}

describe("signing in through the mailbox", () => {
  it("signs in with the code, onboards, switches language, signs out, then signs in with the magic link", async () => {
    const { page, context } = await newPage();

    await page.goto(app.url("/"));
    await expectAccessible(page, "home page, signed out");
    await page.getByRole("banner").getByRole("link", { name: "Logg inn" }).click();
    await page.waitForURL(app.url("/logg-inn"));
    await expectAccessible(page, "sign-in page");
    await requestCode(page, "E-postadresse på jobb", "Send meg kode");

    // One tab throughout: read the mail, then come back to the code form.
    const codePage = page.url();
    const mail = await readSignInMail(page, app.server.baseUrl, EMAIL);
    await page.goto(codePage);

    await page.getByLabel("Kode fra e-posten", { exact: true }).fill(mail.code);
    await page.getByRole("main").getByRole("button", { name: "Logg inn" }).click();

    // First sign-in: who are you and where do you work?
    await page.waitForURL((url) => url.pathname === "/velkommen");
    await expectAccessible(page, "onboarding page");
    await page.getByLabel("Fullt navn", { exact: true }).fill(FULL_NAME);
    const unit = page.getByLabel("Virksomhet", { exact: true });
    const firstUnit = await unit.locator("option:not([value=''])").first().getAttribute("value");
    expect(firstUnit).toBeTruthy();
    await unit.selectOption(firstUnit!);
    await page.getByLabel("Stilling", { exact: true }).fill("Sykepleier");
    await page.getByRole("button", { name: "Lagre og fortsett" }).click();

    await page.waitForURL((url) => url.pathname === "/");
    const banner = page.getByRole("banner");
    await expect.poll(() => banner.getByText(FULL_NAME).isVisible()).toBe(true);
    expect(await banner.getByText("Asker kommune").isVisible()).toBe(true);
    expect(await banner.getByRole("link", { name: "Logg inn" }).count()).toBe(0);
    expect(await page.getByTestId("home-greeting").textContent()).toContain(`Hei, ${FULL_NAME}!`);
    await expectAccessible(page, "home page, signed in");

    // The choice is stored on the profile, not only in this browser's cookie.
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => htmlLang(page)).toBe("en");
    expect(await page.getByTestId("home-greeting").textContent()).toContain(`Hi, ${FULL_NAME}!`);
    await expectAccessible(page, "home page in English, signed in");
    await context.clearCookies({ name: "lng" });
    await page.reload();
    expect(await htmlLang(page)).toBe("en");
    expect(await banner.getByRole("button", { name: "Sign out" }).isVisible()).toBe(true);

    await banner.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(() => banner.getByRole("link", { name: /^(Logg inn|Sign in)$/ }).count()).toBe(1);
    expect(await banner.getByText(FULL_NAME).count()).toBe(0);
    await expectAccessible(page, "home page after signing out");
    // Signing out really ended the session: a page that needs a user sends us to sign in.
    await page.goto(app.url("/velkommen"));
    await page.waitForURL((url) => url.pathname === "/logg-inn");

    // A different browser (no language cookie) signing in with the link from the mail.
    const second = await newPage();
    await second.page.goto(app.url("/logg-inn"));
    expect(await htmlLang(second.page)).toBe("nb");
    await expectAccessible(second.page, "sign-in page in a new browser");
    await requestCode(second.page, "E-postadresse på jobb", "Send meg kode");
    const secondMail = await readSignInMail(second.page, app.server.baseUrl, EMAIL);
    expect(secondMail.code).not.toBe(mail.code);
    await second.page.goto(app.url(secondMail.linkPath));
    await second.page.waitForURL((url) => url.pathname === "/");
    // Already onboarded, and the profile's language follows the user to the new browser.
    expect(await htmlLang(second.page)).toBe("en");
    expect(await second.page.getByRole("banner").getByText(FULL_NAME).isVisible()).toBe(true);
    await expectAccessible(second.page, "home page after the magic link");

    // The link is single-use.
    const reused = await newPage();
    await reused.page.goto(app.url(secondMail.linkPath));
    expect(await reused.page.getByRole("banner").getByText(FULL_NAME).count()).toBe(0);
    expect(await reused.page.getByRole("alert").isVisible()).toBe(true);
    await expectAccessible(reused.page, "used sign-in link");
  }, 180_000);
});
