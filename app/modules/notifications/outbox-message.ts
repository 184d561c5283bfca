import type { Selectable } from "kysely";
import type { OutboxMessagesTable, RenderedMailColumn } from "~/db/schema";

export type OutboxMessage = Selectable<OutboxMessagesTable>;

/** What a renderer makes of an outbox row; the dispatcher adds recipient and idempotency key. */
export type RenderedMail = RenderedMailColumn;
