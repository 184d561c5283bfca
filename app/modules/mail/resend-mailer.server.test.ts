import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseEnv, setEnv } from "~/utils/env.server";
import { createResendMock, resendRateLimited, resendServerError } from "../../../tests/mocks/resend";
import { getMailer, MailDeliveryError } from "./mailer.server";
import { createResendMailer } from "./resend-mailer.server";

const resend = createResendMock();
const server = setupServer(...resend.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  resend.sent.length = 0;
});
afterAll(() => server.close());

const message = {
  to: "kari.lunde@asker.example.no",
  subject: "Innloggingskode: 123456",
  html: "<p>Koden er 123456</p>",
  text: "Koden er 123456",
  tags: { kind: "sign-in", "idé": "æøå" },
};

describe("Resend adapter", () => {
  it("posts the mail with the API key, sender, text, HTML, cleaned tags and the idempotency key", async () => {
    const mailer = createResendMailer({ apiKey: "re_test_key", from: "HelseHub Idéhub <idehub@example.no>" });
    const { id } = await mailer.send({ ...message, idempotencyKey: "sign-in-42" });
    expect(resend.sent).toHaveLength(1);
    const [sent] = resend.sent;
    expect(sent.id).toBe(id);
    expect(sent.authorization).toBe("Bearer re_test_key");
    expect(sent.idempotencyKey).toBe("sign-in-42");
    expect(sent.body).toMatchObject({ from: "HelseHub Idéhub <idehub@example.no>", to: message.to, subject: message.subject, html: message.html, text: message.text });
    expect(sent.body.tags).toEqual([
      { name: "kind", value: "sign-in" },
      { name: "id_", value: "___" },
    ]);
  });

  it("sends a retried message with the same idempotency key only once", async () => {
    const mailer = createResendMailer({ apiKey: "re_test_key", from: "idehub@example.no" });
    const first = await mailer.send({ ...message, idempotencyKey: "outbox-7" });
    const retry = await mailer.send({ ...message, idempotencyKey: "outbox-7" });
    expect(retry.id).toBe(first.id);
    expect(resend.sent).toHaveLength(1);
  });

  it("turns a 429 into a clear, retryable error", async () => {
    server.use(resendRateLimited);
    const mailer = createResendMailer({ apiKey: "re_test_key", from: "idehub@example.no" });
    const failure = await mailer.send(message).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MailDeliveryError);
    expect(failure).toMatchObject({ status: 429, retryable: true });
    expect((failure as Error).message).toMatch(/rate limited by Resend \(status 429, rate_limit_exceeded\)/);
  });

  it("turns a 500 into a clear, retryable error", async () => {
    server.use(resendServerError);
    const mailer = createResendMailer({ apiKey: "re_test_key", from: "idehub@example.no" });
    await expect(mailer.send(message)).rejects.toMatchObject({
      name: "MailDeliveryError",
      status: 500,
      retryable: true,
      message: expect.stringContaining("Resend refused the mail (status 500"),
    });
  });

  it("reports a rejected request (bad key) as not retryable", async () => {
    const mailer = createResendMailer({ apiKey: "not-a-key", from: "idehub@example.no" });
    await expect(mailer.send(message)).rejects.toMatchObject({ status: 401, retryable: false });
  });

  it("is the adapter getMailer() picks when MAILER=resend", async () => {
    setEnv(parseEnv({ APP_ENV: "test", MAILER: "resend", RESEND_API_KEY: "re_from_env" }));
    await getMailer().send(message);
    expect(resend.sent[0].authorization).toBe("Bearer re_from_env");
  });
});
