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
  /** providerMessageId null: the provider had it already (the same key, sent before) but did not say its id again. */
  | { kind: "sent"; providerMessageId: string | null; note?: string }
  /** dissolveBatch: the provider refused the batch outright (nothing sent), so its mails may go one by one. */
  | { kind: "retry"; error: string; dissolveBatch?: boolean }
  | { kind: "failed"; error: string }
  | { kind: "deferred"; until: Date; error: string };

type Prepared = { row: OutboxMessage; mail: MailMessage; rendered: RenderedMail };
/** One request to the provider: a batch under `batchKey` (all or none), or a single mail. */
type Delivery = { prepared: Prepared[]; batchKey: string | null };

const SERVICE_REASON = "outbox dispatcher: deliver queued mail";
const MAX_RESEND_BATCH = 100;

/**
 * Delivers due outbox messages once: claims them (FOR UPDATE SKIP LOCKED, so several instances
 * share the work), commits the claim, renders and sends them outside any transaction, then records
 * each outcome. Every request carries an idempotency key and is repeated exactly (same mails, same
 * members, same key) until it is answered, so a message claimed again after a lost answer or a crash
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
    let rendered: RenderedMail | null = row.sent_mail;
    if (!rendered) {
      try {
        rendered = await asService("outbox dispatcher: read what a message needs", (trx) => renderers[row.kind](trx, row), db);
      } catch (error) {
        await record([row], { kind: "retry", error: `could not render: ${safeErrorText(error)}` });
        continue;
      }
      if (!rendered) {
        await record([row], { kind: "failed", error: "nothing to send: the subject of the message no longer exists" });
        continue;
      }
    }
    prepared.push({ row, rendered, mail: { ...rendered, to: row.recipient_email, idempotencyKey: providerIdempotencyKey(row.idempotency_key) } });
  }

  const deliveries = planDeliveries(prepared, Boolean(mailer.sendBatch));
  // Written down before anything leaves: a dispatcher that dies while sending leaves the next one
  // the same mails, members and keys to repeat.
  await rememberWhatIsSent(db, deliveries);

  for (let index = 0; index < deliveries.length; index += 1) {
    const { prepared: group, batchKey } = deliveries[index];
    const rows = group.map((p) => p.row);
    try {
      if (batchKey && mailer.sendBatch) {
        const { ids } = await mailer.sendBatch(
          group.map((p) => p.mail),
          { idempotencyKey: batchKey },
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
        const rest = deliveries.slice(index).flatMap((d) => d.prepared.map((p) => p.row));
        await record(rest, { kind: "deferred", until, error: safeErrorText(error) });
        break;
      }
      if (error instanceof MailDeliveryError && error.status === 409 && error.code === "invalid_idempotent_request") {
        // The key was used before with other content: that earlier request reached the provider and
        // was sent. Happens when a batch lost a member since (its recipient deleted their account).
        await record(rows, { kind: "sent", providerMessageId: null, note: "sent earlier under the same idempotency key" });
        continue;
      }
      const refused = error instanceof MailDeliveryError && refusedUnsent(error.status);
      if (refused && !batchKey && error.status === 422) {
        await record(rows, { kind: "failed", error: safeErrorText(error) });
      } else {
        // Unknown outcome (no answer, 5xx): the same request again later. Refused (4xx): nothing
        // was sent, so a batch's mails may go one by one (one bad address does not hold the rest).
        await record(rows, { kind: "retry", error: safeErrorText(error), dissolveBatch: refused && batchKey !== null });
      }
    }
  }
  return result;
}

/**
 * A 4xx other than 409 (an idempotency conflict: the key is in use) and 429 (slow down) means the
 * provider refused the request: nothing of it was sent.
 */
function refusedUnsent(status: number | null) {
  return status !== null && status >= 400 && status < 500 && status !== 409 && status !== 429;
}

/**
 * Batches already sent once go again whole, under their key. Other first attempts go out together
 * when the provider has a batch endpoint; anything else goes alone with its own key.
 */
function planDeliveries(prepared: Prepared[], canBatch: boolean): Delivery[] {
  const earlierBatches = new Map<string, Prepared[]>();
  const firstTries: Prepared[] = [];
  const singles: Delivery[] = [];
  for (const p of prepared) {
    if (p.row.batch_key && canBatch) earlierBatches.set(p.row.batch_key, [...(earlierBatches.get(p.row.batch_key) ?? []), p]);
    else if (!p.row.batch_key && canBatch && p.row.sent_mail === null && p.row.attempts === 1) firstTries.push(p);
    else singles.push({ prepared: [p], batchKey: null });
  }
  // A repeat must be the same request, mails in the same order: ordered by their own unique key.
  const inKeyOrder = (group: Prepared[]) => group.sort((a, b) => (a.row.idempotency_key < b.row.idempotency_key ? -1 : 1));
  const deliveries: Delivery[] = [...earlierBatches].map(([batchKey, group]) => ({ prepared: inKeyOrder(group), batchKey }));
  inKeyOrder(firstTries);
  if (firstTries.length > 1) deliveries.push({ prepared: firstTries, batchKey: batchIdempotencyKey(firstTries.map((p) => p.row)) });
  else if (firstTries.length === 1) deliveries.push({ prepared: firstTries, batchKey: null });
  return [...deliveries, ...singles];
}

/** Keeps each mail as it is about to be sent, and the batch it goes in, on its outbox row. */
async function rememberWhatIsSent(db: Db, deliveries: Delivery[]) {
  const fresh = deliveries.flatMap(({ prepared, batchKey }) =>
    prepared.filter((p) => p.row.sent_mail === null || p.row.batch_key !== batchKey).map((p) => ({ id: p.row.id, mail: p.rendered, batch_key: batchKey })),
  );
  if (fresh.length === 0) return;
  await asService(
    SERVICE_REASON,
    (trx) => sql`
      update public.outbox_messages m
      set sent_mail = x.mail, batch_key = x.batch_key
      from jsonb_to_recordset(${JSON.stringify(fresh)}::jsonb) as x(id uuid, mail jsonb, batch_key text)
      where m.id = x.id and m.status = 'pending'`.execute(trx),
    db,
  );
  for (const { prepared, batchKey } of deliveries) {
    for (const p of prepared) {
      p.row.sent_mail = p.rendered;
      p.row.batch_key = batchKey;
    }
  }
}

/**
 * Claims due messages, and with any of them that was sent in a batch, the rest of that batch (it can
 * only be repeated whole). A batch part of which another dispatcher holds is left for later.
 */
async function claimDueMessages(db: Db, { now, batchSize, kinds, lockMs }: { now: Date; batchSize: number; kinds: string[]; lockMs: number }) {
  if (kinds.length === 0) return [];
  const lockedUntil = new Date(now.getTime() + lockMs);
  const rows = await asService(
    SERVICE_REASON,
    async (trx) => {
      const { rows: candidates } = await sql<{ id: string; batch_key: string | null }>`
        with due as (
          select id, batch_key from public.outbox_messages
          where status = 'pending'
            and next_attempt_at <= ${now}
            and (locked_until is null or locked_until <= ${now})
            and kind = any(${sql.val(kinds)}::text[])
          order by next_attempt_at, created_at
          limit ${batchSize}
          for update skip locked
        ),
        batch_mates as (
          select m.id, m.batch_key from public.outbox_messages m
          where m.status = 'pending'
            and m.batch_key in (select d.batch_key from due d where d.batch_key is not null)
            and m.id not in (select d.id from due d)
            and (m.locked_until is null or m.locked_until <= ${now})
          for update skip locked
        )
        select id, batch_key from due
        union all
        select id, batch_key from batch_mates`.execute(trx);
      const ids = candidates.map((c) => c.id);
      const batchKeys = [...new Set(candidates.flatMap((c) => (c.batch_key ? [c.batch_key] : [])))];
      const { rows: incomplete } =
        batchKeys.length === 0
          ? { rows: [] }
          : await sql<{ batch_key: string }>`
              select batch_key from public.outbox_messages
              where status = 'pending' and batch_key = any(${sql.val(batchKeys)}::text[])
              group by batch_key
              having count(*) > count(*) filter (where id = any(${sql.val(ids)}::uuid[]))`.execute(trx);
      const held = new Set(incomplete.map((r) => r.batch_key));
      const claim = candidates.filter((c) => !c.batch_key || !held.has(c.batch_key)).map((c) => c.id);
      if (claim.length === 0) return [];
      return (
        await sql<OutboxMessage>`
          update public.outbox_messages m
          set locked_until = ${lockedUntil}, attempts = m.attempts + 1
          where m.id = any(${sql.val(claim)}::uuid[])
          returning m.*`.execute(trx)
      ).rows;
    },
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
  // One time for all: a batch's messages must come due together to go again as that batch.
  const retryAt = new Date(now.getTime() + retryDelayMs(Math.max(...rows.map((r) => r.attempts)), policy, random));
  await asService(
    SERVICE_REASON,
    async (trx) => {
      for (const row of rows) {
        const update = trx.updateTable("outbox_messages").where("id", "=", row.id).where("status", "=", "pending");
        if (outcome.kind === "sent") {
          await update
            .set({ status: "sent", sent_at: now, provider_message_id: outcome.providerMessageId, locked_until: null, last_error: outcome.note ?? null, sent_mail: null })
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
          await update.set({ status: "failed", locked_until: null, last_error: outcome.error, sent_mail: null }).execute();
        } else {
          await update
            .set({
              next_attempt_at: retryAt,
              locked_until: null,
              last_error: outcome.error,
              ...(outcome.dissolveBatch ? { batch_key: null } : {}),
            })
            .execute();
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

/** The batch's key: the same set of messages gives the same key. */
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
