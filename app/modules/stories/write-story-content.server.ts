import crypto from "node:crypto";
import type { SessionUser, Trx } from "~/db/client.server";
import { checkPrivacy } from "~/modules/privacy/check-privacy";
import { loadWorkEmailDomains } from "~/modules/ideas/submit-idea.server";
import { richTextToPlainText } from "~/modules/rich-text/plain-text";
import { renderRichTextToHtml } from "~/modules/rich-text/render-rich-text.server";
import type { RichTextState } from "~/modules/rich-text/rich-text-schema";
import type { FileStorage } from "~/modules/storage/file-storage-port.server";
import { AppError } from "~/utils/app-error";
import type { StoryFormInput } from "./story-form-schema";
import { MAX_STORY_IMAGES } from "./story-vocabulary";
import type { ValidStoryImage } from "./validate-story-images.server";

/** The text fields and columns a story form writes, checked for personal data first. */
export async function storyColumns(trx: Trx, input: StoryFormInput, body: RichTextState) {
  const bodyText = richTextToPlainText(body);
  const privacy = checkPrivacy(
    {
      title: input.title,
      summary: input.summary,
      body: bodyText,
      whatChanged: input.whatChanged,
      stoppedDoing: input.stoppedDoing ?? "",
      unplannedBenefits: input.unplannedBenefits ?? "",
      successFactors: input.successFactors ?? "",
      costs: input.costs ?? "",
    },
    { organisationDomains: await loadWorkEmailDomains(trx) },
  );
  if (privacy.blocking.length > 0) throw new AppError("privacy_blocked", { findings: privacy.blocking });
  const contact = await trx.selectFrom("profiles").select("id").where("email", "=", input.contactEmail).executeTakeFirst();
  if (!contact) throw new AppError("story_contact_unknown");
  return {
    title: input.title,
    summary: input.summary,
    body_json: JSON.stringify(body),
    body_html: renderRichTextToHtml(body),
    body_text: bodyText,
    what_changed: input.whatChanged,
    stopped_doing: input.stoppedDoing ?? null,
    unplanned_benefits: input.unplannedBenefits ?? null,
    success_factors: input.successFactors ?? null,
    costs: input.costs ?? null,
    theme_id: input.themeId,
    service_area_ids: input.serviceAreaIds,
    visibility: input.visibility,
    contact_profile_id: contact.id,
  };
}

/**
 * Replaces the benefit rows and involved organisations, removes and adds images. Files are put in
 * storage before the rows that name them; `storedKeys` lets the caller delete them again if the
 * transaction does not commit, and `removedKeys` are deleted only after it does.
 */
export async function writeStoryChildren(
  trx: Trx,
  options: {
    user: SessionUser & { organisationId: string };
    storyId: string;
    input: StoryFormInput;
    images: ValidStoryImage[];
    storage: FileStorage;
    storedKeys: string[];
    removedKeys: string[];
  },
) {
  const { storyId, input } = options;
  await trx.deleteFrom("story_benefits").where("story_id", "=", storyId).execute();
  if (input.benefits.length > 0) {
    await trx
      .insertInto("story_benefits")
      .values(input.benefits.map((row, position) => ({ story_id: storyId, position, ...row })))
      .execute();
  }

  const wanted = [...new Set([options.user.organisationId, ...input.organisationIds])];
  await trx.deleteFrom("story_organisations").where("story_id", "=", storyId).where("organisation_id", "not in", wanted).execute();
  await trx
    .insertInto("story_organisations")
    .values(wanted.map((organisation_id) => ({ story_id: storyId, organisation_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();

  if (input.removeImageIds.length > 0) {
    const removed = await trx
      .deleteFrom("story_images")
      .where("story_id", "=", storyId)
      .where("id", "in", input.removeImageIds)
      .returning("storage_key")
      .execute();
    options.removedKeys.push(...removed.map((r) => r.storage_key));
  }
  const existing = await trx.selectFrom("story_images").select(["position"]).where("story_id", "=", storyId).orderBy("position").execute();
  if (existing.length + options.images.length > MAX_STORY_IMAGES) throw new AppError("story_image_too_many", { max: MAX_STORY_IMAGES });
  const free = [0, 1, 2, 3, 4, 5].filter((p) => !existing.some((e) => e.position === p));
  for (const [index, image] of options.images.entries()) {
    const key = `stories/${storyId}/${crypto.randomUUID()}`;
    await options.storage.put(key, image.bytes, image.contentType);
    options.storedKeys.push(key);
    await trx
      .insertInto("story_images")
      .values({ story_id: storyId, position: free[index]!, alt_text: image.altText, content_type: image.contentType, size_bytes: image.bytes.byteLength, storage_key: key })
      .execute();
  }
}

type PgError = { code?: string; hint?: string; constraint?: string };
const isPgError = (error: unknown): error is PgError => typeof error === "object" && error !== null && "code" in error;

/** Database refusals that the story operations turn into messages the user can act on. */
export function storyErrorFromDatabase(error: unknown): AppError | null {
  if (!isPgError(error)) return null;
  const hints: Record<string, string> = {
    story_unroutable: "story_unroutable",
    story_idea_not_allowed: "story_idea_not_allowed",
    story_needs_benefit: "story_needs_benefit",
    story_not_reviewer: "story_not_reviewer",
    story_not_author: "story_not_author",
    story_not_editable: "story_not_editable",
    story_transition_not_allowed: "story_transition_not_allowed",
    story_comment_required: "story_comment_required",
    story_reason_required: "story_reason_required",
    story_contact_unknown: "story_contact_unknown",
  };
  if (error.hint && hints[error.hint]) return new AppError(hints[error.hint]!);
  if (error.code === "42501") return new AppError("story_not_allowed");
  if (error.code === "23514" && error.constraint?.startsWith("story_benefits")) return new AppError("story_benefit_invalid");
  if (error.code === "23503") return new AppError("story_reference_unknown");
  return null;
}
