import { Resend } from "resend";
import { MailDeliveryError, type Mailer } from "./mailer-port.server";

type ResendMailerOptions = { apiKey: string; from: string; baseUrl?: string };

/** Resend tag names and values allow only ASCII letters, digits, "_" and "-". */
function toResendTags(tags: Record<string, string> | undefined) {
  if (!tags) return undefined;
  const clean = (value: string) => value.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 256);
  return Object.entries(tags).map(([name, value]) => ({ name: clean(name), value: clean(value) }));
}

type ResendError = { statusCode?: number | null; name?: string; message?: string } | null;

/** Seconds from a Retry-After header (seconds or an HTTP date); null when absent or unreadable. */
function parseRetryAfter(headers: Record<string, string> | null | undefined): number | null {
  const raw = headers?.["retry-after"];
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function deliveryError(error: ResendError, headers: Record<string, string> | null | undefined) {
  const status = error && typeof error.statusCode === "number" ? error.statusCode : null;
  const name = error?.name ?? "unknown_error";
  const retryable = status === null || status === 429 || status >= 500;
  const what = status === 429 ? "rate limited by Resend" : `Resend refused the mail`;
  return new MailDeliveryError(
    `${what} (status ${status ?? "none"}, ${name}): ${error?.message ?? "no response body"}`,
    status,
    retryable,
    status === 429 ? parseRetryAfter(headers) : null,
    error?.name ?? null,
  );
}

export function createResendMailer({ apiKey, from, baseUrl }: ResendMailerOptions): Mailer {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    async sendBatch(messages, options) {
      const { data, error, headers } = await resend.batch.send(
        messages.map((message) => ({
          from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          tags: toResendTags(message.tags),
        })),
        options?.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : undefined,
      );
      if (error || !data) throw deliveryError(error, headers);
      const ids = data.data.map((sent) => sent.id);
      if (ids.length !== messages.length) {
        throw new MailDeliveryError(`Resend accepted ${ids.length} of ${messages.length} mails in a batch`, null, true);
      }
      return { ids };
    },
    async send(message) {
      const { data, error, headers } = await resend.emails.send(
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
      if (error || !data) throw deliveryError(error, headers);
      return { id: data.id };
    },
  };
}
