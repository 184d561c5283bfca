import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv, setEnv } from "~/utils/env.server";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/test-database";
import { getMailboxMessage, listMailboxMessages } from "./mailbox-messages.server";
import { getMailer } from "./mailer.server";
import { renderSignInEmail } from "./render-sign-in-email.server";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
  setEnv(parseEnv({ APP_ENV: "test" }));
});
afterAll(async () => {
  await testDb.close();
});

describe("local mailbox adapter", () => {
  it("is the default and stores mail, newest first, readable one by one", async () => {
    const first = await getMailer().send({ to: "Ola@Drammen.example.no", subject: "Første", html: "<p>1</p>", text: "1", tags: { kind: "test" } });
    const second = await getMailer().send({ to: "kari@asker.example.no", subject: "Andre", html: "<p>2</p>", text: "2", idempotencyKey: "k-2" });
    const list = await listMailboxMessages();
    expect(list.map((m) => m.id).slice(0, 2).sort()).toEqual([first.id, second.id].sort());
    const stored = await getMailboxMessage(first.id);
    expect(stored).toMatchObject({ to_address: "ola@drammen.example.no", subject: "Første", html: "<p>1</p>", text: "1", tags: { kind: "test" } });
    expect((await getMailboxMessage(second.id))?.tags).toEqual({ idempotencyKey: "k-2" });
    expect(await getMailboxMessage("not-a-uuid")).toBeNull();
  });
});

describe("sign-in mail template", () => {
  it("renders subject, HTML and text in the recipient's language", async () => {
    const options = { email: "kari@asker.example.no", code: "042917", link: "http://idehub.test/logg-inn/lenke?token=abc", validMinutes: 15 };
    const nb = await renderSignInEmail({ ...options, locale: "nb" });
    const nn = await renderSignInEmail({ ...options, locale: "nn" });
    const en = await renderSignInEmail({ ...options, locale: "en" });
    expect(nb.subject).toBe("Innloggingskode til HelseHub Idéhub: 042917");
    expect(nn.text).toContain("Koden og lenkja gjeld i 15 minutt");
    expect(en.text).toContain("valid for 15 minutes");
    for (const mail of [nb, nn, en]) {
      expect(mail.text).toContain("042917");
      expect(mail.text).toContain(options.link);
      expect(mail.html).toContain("042917");
      expect(mail.html).toContain(`href="${options.link}"`);
    }
    expect(nb.html).toContain('lang="nb"');
    expect(en.html).toContain("Sign in to HelseHub Idea Hub");
  });
});
