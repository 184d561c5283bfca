import { sql } from "kysely";
import { asService } from "~/db/client.server";
import type { Mailer } from "./mailer-port.server";

/** Stores mail in public.mailbox_messages instead of sending it; /dev/mailbox shows it. */
export function createMailboxMailer(): Mailer {
  return {
    async send(message) {
      // Like Resend: the same idempotency key is the same mail (a dispatcher that crashed after
      // sending and before recording it sends it again; the inbox must still get it once).
      const row = await asService("local mailbox: store outgoing mail", async (trx) => {
        if (message.idempotencyKey) {
          const earlier = await trx
            .selectFrom("mailbox_messages")
            .select("id")
            .where(sql`tags ->> 'idempotencyKey'`, "=", message.idempotencyKey)
            .executeTakeFirst();
          if (earlier) return earlier;
        }
        return trx
          .insertInto("mailbox_messages")
          .values({
            to_address: message.to.toLowerCase(),
            subject: message.subject,
            html: message.html,
            text: message.text,
            tags: JSON.stringify({ ...message.tags, ...(message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : {}) }),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
      });
      return { id: row.id };
    },
  };
}
