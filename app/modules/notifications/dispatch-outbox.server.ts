import crypto from "node:crypto";
import { sql } from "kysely";
import { asService, getDatabase, type Db } from "~/db/client.server";
import { getMailer, MailDeliveryError, type MailMessage, type Mailer } from "~/modules/mail/mailer.server";
import { defaultBackoffPolicy, retryDelayMs, type BackoffPolicy } from "./outbox-backoff";
import type { OutboxMessage, RenderedMail } from "./outbox-message";
import { outboxRenderers, type OutboxRenderer } from "./outbox-renderers.server";

export type DispatchOutboxOptions = {
  /** The clock; tests move it forward to make retries due. */
  now?: Date;
  /** How many due messages one call claims (Resend takes at most 100 in a batch). */
  batchSize?: number;
  mailer?: Mailer;
  policy?: BackoffPolicy;
  /** How long a claim keeps other dispatchers away; a crashed dispatcher's rows come back after it. */
  lockMs?: number;
  /** Wait after a 429 that came without a Retry-After header. */
  defaultRateLimitMs?: number;
  random?: () => number;
  renderers?: Record<string, OutboxRenderer>;
  db?: Db;
};

export type DispatchOutboxResult = {
  claimed: number;
  sent: number;
  /** Failed this time, scheduled again with backoff. */
  retried: number;
  /** Given up: max attempts reached, nothing left to send, or refused for good. */
  failed: number;
  /** Not tried because the provider asked us to slow down (429); the attempt is not counted. */
  deferred: number;
  /** After a 429: do not dispatch again before this. */
  rateLimitedUntil: Date | null;
};

type Outcome =
  | { kind: "sent"; providerMessageId: string }
  | { kind: "retry"; error: string }
  | { kind: "failed"; error: string }
  | { kind: "deferred"; until: Date; error: string };

type Prepared = { row: OutboxMessage; mail: MailMessage };

const SERVICE_REASON = "outbox dispatcher: deliver queued mail";
const MAX_RESEND_BATCH = 100;

/**
 * Delivers due outbox messages once: claims them (FOR UPDATE SKIP LOCKED, so several instances
 * share the work), commits the claim, renders and sends them outside any transaction, then records
 * each outcome. Sending uses the row's idempotency key, so a message claimed again after a crash
 * between sending and recording is not delivered twice.
 */
export async function dispatchOutbox(options: DispatchOutboxOptions = {}): Promise<DispatchOutboxResult> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? defaultBackoffPolicy;
  const renderers = options.renderers ?? outboxRenderers;
  const db = options.db ?? getDatabase().db;
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 50, MAX_RESEND_BATCH));
  const result: DispatchOutboxResult = { claimed: 0, sent: 0, retried: 0, failed: 0, deferred: 0, rateLimitedUntil: null };

  const claimed = await claimDueMessages(db, { now, batchSize, kinds: Object.keys(renderers), lockMs: options.lockMs ?? 5 * 60_000 });
  result.claimed = claimed.length;
  if (claimed.length === 0) return result;
  const mailer = options.mailer ?? getMailer();

  const record = async (rows: OutboxMessage[], outcome: Outcome) => {
    await recordOutcome(db, rows, outcome, { now, policy, random: options.random ?? Math.random });
    for (const row of rows) {
      if (outcome.kind === "sent") result.sent += 1;
      else if (outcome.kind === "deferred") result.deferred += 1;
      else if (outcome.kind === "failed" || row.attempts >= policy.maxAttempts) result.failed += 1;
      else result.retried += 1;
    }
  };

  const prepared: Prepared[] = [];
  for (const row of claimed) {
    const renderer = renderers[row.kind];
    let rendered: RenderedMail | null;
    try {
      rendered = await asService("outbox dispatcher: read what a message needs", (trx) => renderer(trx, row), db);
    } catch (error) {
      await record([row], { kind: "retry", error: `could not render: ${safeErrorText(error)}` });
      continue;
    }
    if (!rendered) {
      await record([row], { kind: "failed", error: "nothing to send: the subject of the message no longer exists" });
      continue;
    }
    prepared.push({ row, mail: { ...rendered, to: row.recipient_email, idempotencyKey: providerIdempotencyKey(row.idempotency_key) } });
  }

  // First attempts go out together when the provider has a batch endpoint. A retry goes alone with its
  // own key: whatever happened to the batch it was in, only its own key can safely be repeated.
  const firstTries = prepared.filter((p) => p.row.attempts === 1);
  const useBatch = Boolean(mailer.sendBatch) && firstTries.length > 1;
  const deliveries: Prepared[][] = useBatch
    ? [firstTries, ...prepared.filter((p) => p.row.attempts !== 1).map((p) => [p])]
    : prepared.map((p) => [p]);

  for (let index = 0; index < deliveries.length; index += 1) {
    const group = deliveries[index];
    const rows = group.map((p) => p.row);
    try {
      if (group.length > 1 && mailer.sendBatch) {
        const { ids } = await mailer.sendBatch(
          group.map((p) => p.mail),
          { idempotencyKey: batchIdempotencyKey(rows) },
        );
        for (let i = 0; i < group.length; i += 1) await record([rows[i]], { kind: "sent", providerMessageId: ids[i] });
      } else {
        const { id } = await mailer.send(group[0].mail);
        await record(rows, { kind: "sent", providerMessageId: id });
      }
    } catch (error) {
      if (error instanceof MailDeliveryError && error.status === 429) {
        const waitMs = error.retryAfterSeconds !== null ? error.retryAfterSeconds * 1000 : (options.defaultRateLimitMs ?? 60_000);
        const until = new Date(now.getTime() + Math.max(1000, waitMs));
        result.rateLimitedUntil = until;
        // Respect the provider: this message and everything after it wait, and the batch stops here.
        const rest = deliveries.slice(index).flat().map((p) => p.row);
        await record(rest, { kind: "deferred", until, error: safeErrorText(error) });
        break;
      }
      const refusedForGood = error instanceof MailDeliveryError && error.status === 422 && group.length === 1;
      await record(rows, { kind: refusedForGood ? "failed" : "retry", error: safeErrorText(error) });
    }
  }
  return result;
}

async function claimDueMessages(db: Db, { now, batchSize, kinds, lockMs }: { now: Date; batchSize: number; kinds: string[]; lockMs: number }) {
  if (kinds.length === 0) return [];
  const lockedUntil = new Date(now.getTime() + lockMs);
  const rows = await asService(
    SERVICE_REASON,
    async (trx) =>
      (
        await sql<OutboxMessage>`
          with due as (
            select id from public.outbox_messages
            where status = 'pending'
              and next_attempt_at <= ${now}
              and (locked_until is null or locked_until <= ${now})
              and kind = any(${sql.val(kinds)}::text[])
            order by next_attempt_at, created_at
            limit ${batchSize}
            for update skip locked
          )
          update public.outbox_messages m
          set locked_until = ${lockedUntil}, attempts = m.attempts + 1
          from due
          where m.id = due.id
          returning m.*`.execute(trx)
      ).rows,
    db,
  );
  return rows.sort((a, b) => a.next_attempt_at.getTime() - b.next_attempt_at.getTime() || a.created_at.getTime() - b.created_at.getTime());
}

async function recordOutcome(
  db: Db,
  rows: OutboxMessage[],
  outcome: Outcome,
  { now, policy, random }: { now: Date; policy: BackoffPolicy; random: () => number },
) {
  if (rows.length === 0) return;
  await asService(
    SERVICE_REASON,
    async (trx) => {
      for (const row of rows) {
        const update = trx.updateTable("outbox_messages").where("id", "=", row.id).where("status", "=", "pending");
        if (outcome.kind === "sent") {
          await update
            .set({ status: "sent", sent_at: now, provider_message_id: outcome.providerMessageId, locked_until: null, last_error: null })
            .execute();
        } else if (outcome.kind === "deferred") {
          await update
            .set((eb) => ({
              attempts: eb("attempts", "-", 1),
              next_attempt_at: outcome.until,
              locked_until: null,
              last_error: outcome.error,
            }))
            .execute();
        } else if (outcome.kind === "failed" || row.attempts >= policy.maxAttempts) {
          await update.set({ status: "failed", locked_until: null, last_error: outcome.error }).execute();
        } else {
          const nextAttemptAt = new Date(now.getTime() + retryDelayMs(row.attempts, policy, random));
          await update.set({ next_attempt_at: nextAttemptAt, locked_until: null, last_error: outcome.error }).execute();
        }
      }
    },
    db,
  );
}

/** Resend accepts keys of up to 256 characters; longer ones (a long e-mail address in the key) are hashed. */
export function providerIdempotencyKey(key: string) {
  return key.length <= 256 ? key : `outbox:${crypto.createHash("sha256").update(key).digest("hex")}`;
}

/** The same set of messages gives the same batch key, so a repeated batch is not sent twice. */
function batchIdempotencyKey(rows: OutboxMessage[]) {
  const keys = rows.map((r) => r.idempotency_key).sort();
  return `outbox-batch:${crypto.createHash("sha256").update(keys.join("\n")).digest("hex")}`;
}

/** An error as stored in last_error: short, and without anything that looks like a credential. */
export function safeErrorText(error: unknown): string {
  const text = error instanceof MailDeliveryError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text
    .replace(/\bre_[A-Za-z0-9_]+/g, "re_…")
    .replace(/\b(Bearer|Basic)\s+\S+/gi, "$1 …")
    .replace(/\b(postgres(?:ql)?:\/\/)[^\s@/]+@/gi, "$1…@")
    .slice(0, 500);
}
