import { asService } from "~/db/client.server";
import type { Mailer } from "./mailer-port.server";

/** Stores mail in public.mailbox_messages instead of sending it; /dev/mailbox shows it. */
export function createMailboxMailer(): Mailer {
  return {
    async send(message) {
      const row = await asService("local mailbox: store outgoing mail", (trx) =>
        trx
          .insertInto("mailbox_messages")
          .values({
            to_address: message.to.toLowerCase(),
            subject: message.subject,
            html: message.html,
            text: message.text,
            tags: JSON.stringify({ ...message.tags, ...(message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : {}) }),
          })
          .returning("id")
          .executeTakeFirstOrThrow(),
      );
      return { id: row.id };
    },
  };
}
