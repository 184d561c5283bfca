import { asService } from "~/db/client.server";

/** The local mailbox, newest first (demo mode only; the routes check that). */
export async function listMailboxMessages(limit = 100) {
  return asService("demo mailbox: list stored mail", (trx) =>
    trx
      .selectFrom("mailbox_messages")
      .select(["id", "to_address", "subject", "created_at"])
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute(),
  );
}

export async function getMailboxMessage(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const row = await asService("demo mailbox: show one stored mail", (trx) =>
    trx.selectFrom("mailbox_messages").selectAll().where("id", "=", id).executeTakeFirst(),
  );
  return row ?? null;
}
