import crypto from "node:crypto";
import { sql } from "kysely";
import type { SessionUser, Trx } from "~/db/client.server";
import { withUser } from "~/db/client.server";
import type { RoutingExplanation } from "~/db/schema";
import { checkPrivacy } from "~/modules/privacy/check-privacy";
import { richTextToPlainText } from "~/modules/rich-text/plain-text";
import { renderRichTextToHtml } from "~/modules/rich-text/render-rich-text.server";
import type { RichTextState } from "~/modules/rich-text/rich-text-schema";
import { addWorkingDays } from "~/modules/sla/working-days";
import { getFileStorage } from "~/modules/storage/file-storage.server";
import { AppError } from "~/utils/app-error";
import type { IdeaFormInput } from "./idea-form-schema";
import { validateAttachments, type UploadedFile } from "./validate-attachments.server";

export type SubmitIdeaOptions = {
  user: SessionUser & { fullName: string; organisationId: string; unitId: string | null };
  input: IdeaFormInput;
  proposal: RichTextState;
  attachments?: UploadedFile[];
  /** More work for the same transaction, after the idea is written (e.g. linking it to a story). */
  alsoInTransaction?: (trx: Trx, idea: { ideaId: string; publicId: string }) => Promise<void>;
};

export type SubmittedIdea = {
  ideaId: string;
  publicId: string;
  alreadySubmitted: boolean;
};

/** Lists the organisation domains a privacy check treats as work addresses. */
export async function loadWorkEmailDomains(trx: Trx): Promise<string[]> {
  const rows = await trx.selectFrom("organisation_domains").select("domain").execute();
  return rows.map((r) => r.domain);
}

export function privacyFieldsOf(input: Pick<IdeaFormInput, "title" | "problem" | "stopDoing">, proposalText: string) {
  return { title: input.title, problem: input.problem, proposal: proposalText, stopDoing: input.stopDoing ?? "" };
}

async function findByIdempotencyKey(trx: Trx, key: string) {
  return trx.selectFrom("ideas").select(["id", "public_id"]).where("idempotency_key", "=", key).executeTakeFirst();
}

/**
 * Submits an idea: privacy guard, routing, numbering, first-answer deadline, submitter row,
 * timeline event, attachments and (by trigger) the receipt in the outbox — all in one transaction.
 * A repeated submission with the same idempotency key returns the idea that already exists.
 */
export async function submitIdea({ user, input, proposal, attachments = [], alsoInTransaction }: SubmitIdeaOptions): Promise<SubmittedIdea> {
  const files = validateAttachments(attachments);
  const proposalText = richTextToPlainText(proposal);
  const proposalHtml = renderRichTextToHtml(proposal);
  if (proposalText.trim().length < 10) throw new AppError("proposal_too_short");

  const storage = getFileStorage();
  const storedKeys: string[] = [];
  try {
    const result = await withUser(user, async (trx) => {
      const existing = await findByIdempotencyKey(trx, input.idempotencyKey);
      if (existing) return { ideaId: existing.id, publicId: existing.public_id, alreadySubmitted: true };

      const privacy = checkPrivacy(privacyFieldsOf(input, proposalText), { organisationDomains: await loadWorkEmailDomains(trx) });
      if (privacy.blocking.length > 0) throw new AppError("privacy_blocked", { findings: privacy.blocking });

      const routed = (
        await sql<{ network_id: string; rule_id: string | null; explanation: RoutingExplanation }>`
          select * from public.route_idea(${user.organisationId}::uuid, ${input.themeId}::uuid,
            ${sql.val(input.serviceAreaIds)}::uuid[], ${input.relevantForSeveral})`.execute(trx)
      ).rows[0];
      if (!routed?.network_id) throw new AppError("idea_unroutable");
      const network = await trx
        .selectFrom("networks")
        .select(["sla_first_answer_working_days"])
        .where("id", "=", routed.network_id)
        .executeTakeFirstOrThrow();

      const idea = await trx
        .insertInto("ideas")
        .values({
          organisation_id: user.organisationId,
          unit_id: user.unitId,
          network_id: routed.network_id,
          title: input.title,
          problem: input.problem,
          proposal_json: JSON.stringify(proposal),
          proposal_html: proposalHtml,
          proposal_text: proposalText,
          stop_doing: input.stopDoing ?? null,
          beneficiaries: input.beneficiaries,
          need_contexts: input.needContexts,
          expected_benefits: input.expectedBenefits,
          theme_id: input.themeId,
          service_area_ids: input.serviceAreaIds,
          relevant_for_several: input.relevantForSeveral,
          visibility: input.visibility,
          hide_name: input.hideName,
          privacy_confirmed_at: new Date(),
          idempotency_key: input.idempotencyKey,
          first_answer_due_at: addWorkingDays(new Date(), network.sla_first_answer_working_days),
        })
        .returning(["id", "public_id"])
        .executeTakeFirstOrThrow();

      await trx
        .insertInto("idea_submitters")
        .values({
          idea_id: idea.id,
          submitter_id: user.id,
          display_name: user.fullName,
          on_behalf_of_name: input.onBehalf ? (input.onBehalfName ?? null) : null,
          on_behalf_of_email: input.onBehalf ? (input.onBehalfEmail ?? null) : null,
        })
        .execute();
      await trx
        .insertInto("idea_events")
        .values({ idea_id: idea.id, kind: "submitted", actor_id: user.id, data: JSON.stringify({ networkId: routed.network_id }) })
        .execute();

      for (const file of files) {
        const key = `ideas/${idea.id}/${crypto.randomUUID()}`;
        await storage.put(key, file.bytes, file.contentType);
        storedKeys.push(key);
        await trx
          .insertInto("idea_attachments")
          .values({ owner_id: user.id, idea_id: idea.id, file_name: file.fileName, content_type: file.contentType, size_bytes: file.bytes.byteLength, storage_key: key })
          .execute();
      }
      if (input.draftId) {
        await trx.deleteFrom("idea_drafts").where("id", "=", input.draftId).execute();
      }
      if (alsoInTransaction) await alsoInTransaction(trx, { ideaId: idea.id, publicId: idea.public_id });
      return { ideaId: idea.id, publicId: idea.public_id, alreadySubmitted: false };
    });
    return result;
  } catch (error) {
    // Nothing half-saved: files stored for a transaction that did not commit are removed again.
    await Promise.all(storedKeys.map((key) => storage.delete(key).catch(() => {})));
    if (isUniqueViolation(error, "ideas_idempotency_key_key")) {
      const existing = await withUser(user, (trx) => findByIdempotencyKey(trx, input.idempotencyKey));
      if (existing) return { ideaId: existing.id, publicId: existing.public_id, alreadySubmitted: true };
    }
    if (isPgError(error) && error.hint === "idea_unroutable") throw new AppError("idea_unroutable");
    throw error;
  }
}

type PgError = { code?: string; constraint?: string; hint?: string };
function isPgError(error: unknown): error is PgError {
  return typeof error === "object" && error !== null && "code" in error;
}
function isUniqueViolation(error: unknown, constraint: string) {
  return isPgError(error) && error.code === "23505" && error.constraint === constraint;
}
