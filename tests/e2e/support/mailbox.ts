import type { Page } from "playwright-core";
import { expectAccessible } from "./axe";

export type SignInMail = { code: string; linkPath: string; text: string };

/**
 * Reads the newest sign-in mail for `to` from the dev mailbox (/dev/mailbox → message page),
 * scanning both pages with axe on the way.
 */
export async function readSignInMail(page: Page, baseUrl: string, to: string): Promise<SignInMail> {
  await page.goto(`${baseUrl}/dev/mailbox`);
  await expectAccessible(page, "dev mailbox");
  // Newest first: the first row addressed to `to`.
  const row = page.locator("tr", { has: page.getByRole("cell", { name: to, exact: true }) }).first();
  await row.getByRole("link").click();
  await page.waitForURL(/\/dev\/mailbox\/[^/]+$/);
  await page.locator("pre").first().waitFor();
  await expectAccessible(page, "dev mailbox message");
  const text = (await page.locator("pre").first().textContent()) ?? "";
  const code = /(?<!\d)(\d{6})(?!\d)/.exec(text)?.[1];
  const link = /https?:\/\/[^\s]+(\/logg-inn\/lenke\?token=[^\s]+)/.exec(text)?.[1];
  if (!code || !link) throw new Error(`No 6-digit code or sign-in link in the mail to ${to}:\n${text}`);
  return { code, linkPath: link, text };
}
