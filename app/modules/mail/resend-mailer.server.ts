import { Resend } from "resend";
import { MailDeliveryError, type Mailer } from "./mailer-port.server";

type ResendMailerOptions = { apiKey: string; from: string; baseUrl?: string };

/** Resend tag names and values allow only ASCII letters, digits, "_" and "-". */
function toResendTags(tags: Record<string, string> | undefined) {
  if (!tags) return undefined;
  const clean = (value: string) => value.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 256);
  return Object.entries(tags).map(([name, value]) => ({ name: clean(name), value: clean(value) }));
}

export function createResendMailer({ apiKey, from, baseUrl }: ResendMailerOptions): Mailer {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    async send(message) {
      const { data, error } = await resend.emails.send(
        {
          from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          tags: toResendTags(message.tags),
        },
        message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : undefined,
      );
      if (error || !data) {
        const status = error && "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : null;
        const name = error?.name ?? "unknown_error";
        const retryable = status === null || status === 429 || status >= 500;
        const what = status === 429 ? "rate limited by Resend" : `Resend refused the mail`;
        throw new MailDeliveryError(
          `${what} (status ${status ?? "none"}, ${name}): ${error?.message ?? "no response body"}`,
          status,
          retryable,
        );
      }
      return { id: data.id };
    },
  };
}
