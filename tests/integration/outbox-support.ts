import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { asService, type Db } from "~/db/client.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { createMailboxMailer } from "~/modules/mail/mailbox-mailer.server";
import { MailDeliveryError, type Mailer } from "~/modules/mail/mailer.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { createLocalFileStorage } from "~/modules/storage/local-file-storage.server";
import { setFileStorage } from "~/modules/storage/file-storage.server";
import { demoUser, loadReference } from "../support/demo-data";

export const PROBLEM_TEXT = "Nattevakten kjører langt for å se til brukere som sover, og vekker dem ofte.";

/** Attachments go to a temp dir; returns a clean-up function. */
export async function useTempFileStorage() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "idehub-outbox-"));
  setFileStorage(createLocalFileStorage(dir));
  return async () => {
    setFileStorage(undefined);
    await fs.rm(dir, { recursive: true, force: true });
  };
}

/** Submits an idea through the real operation, as a seeded demo user. */
export async function submitDemoIdea(
  db: Db,
  email: string,
  overrides: Partial<Record<string, unknown>> & { themeSlug?: string; areaSlugs?: string[] } = {},
) {
  const ref = await loadReference(db);
  const user = await demoUser(db, email);
  const { themeSlug = "trygghetsskapende-teknologi", areaSlugs = ["hjemmetjenester"], ...rest } = overrides;
  const input = IdeaFormSchema.parse({
    idempotencyKey: crypto.randomUUID(),
    title: "Digitalt tilsyn om natten i hjemmetjenesten",
    problem: PROBLEM_TEXT,
    beneficiaries: ["users_and_relatives", "staff_and_leaders"],
    serviceAreaIds: areaSlugs.map((slug) => ref.serviceArea(slug)),
    themeId: ref.theme(themeSlug),
    needContexts: ["home"],
    expectedBenefits: ["less_driving"],
    visibility: "partners",
    privacyConfirmed: "on",
    ...rest,
  });
  const proposal = plainTextToRichTextState("Vi prøver kamera med bevegelsessensor hos fem brukere i tre måneder.");
  const submitted = await submitIdea({ user, input, proposal });
  return { ...submitted, user };
}

export async function outboxRowsFor(db: Db, ideaId: string) {
  return asService(
    "test: read outbox",
    (trx) =>
      trx
        .selectFrom("outbox_messages")
        .selectAll()
        .where(sql`payload->>'ideaId'`, "=", ideaId)
        .orderBy("recipient_email")
        .execute(),
    db,
  );
}

/** Closes whatever an earlier test left pending, so each test dispatches only its own messages. */
export async function clearPendingOutbox(db: Db) {
  await asService(
    "test: isolate outbox",
    (trx) => trx.updateTable("outbox_messages").set({ status: "failed", last_error: "test: cleared" }).where("status", "=", "pending").execute(),
    db,
  );
}

export async function mailboxMessagesTo(db: Db, address: string) {
  return asService(
    "test: read mailbox",
    (trx) => trx.selectFrom("mailbox_messages").selectAll().where("to_address", "=", address.toLowerCase()).orderBy("created_at").execute(),
    db,
  );
}

/**
 * A mailer for the port that fails on the calls `failOn` selects (1-based), then delivers to the
 * real local mailbox. No sendBatch: one call per message.
 */
export function scriptedMailer(failOn: (call: number) => MailDeliveryError | null) {
  const mailbox = createMailboxMailer();
  const calls: string[] = [];
  const mailer: Mailer = {
    async send(message) {
      calls.push(message.to);
      const failure = failOn(calls.length);
      if (failure) throw failure;
      return mailbox.send(message);
    },
  };
  return { mailer, calls };
}

export const serverError = () => new MailDeliveryError("Resend refused the mail (status 500, internal_server_error): An unexpected error occurred.", 500, true);
export const rateLimited = (retryAfterSeconds: number | null) =>
  new MailDeliveryError("rate limited by Resend (status 429, rate_limit_exceeded): Too many requests.", 429, true, retryAfterSeconds);
