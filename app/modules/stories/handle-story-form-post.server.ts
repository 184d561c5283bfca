import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import type { PrivacyFinding } from "~/modules/privacy/check-privacy";
import { readRichTextFromForm } from "~/modules/rich-text/read-rich-text-from-form.server";
import type { RichTextState } from "~/modules/rich-text/rich-text-schema";
import { isAppError } from "~/utils/app-error";
import { readStoryFormRequest } from "./read-story-form-request.server";
import { StoryFormSchema, type StoryFormInput } from "./story-form-schema";
import { storyFormValuesFrom, type StoryFormValues } from "./story-form-values";
import { MAX_STORY_IMAGE_BYTES } from "./story-vocabulary";
import type { NewStoryImage } from "./validate-story-images.server";

export type StoryFormActionData = {
  result: SubmissionResult<string[]>;
  values: StoryFormValues;
  body: RichTextState | string;
  filesNotKept: boolean;
  privacyFindings: Pick<PrivacyFinding, "field" | "kind" | "masked">[];
};

type Save = (input: StoryFormInput, body: RichTextState, images: NewStoryImage[]) => Promise<{ slug: string }>;

const fieldOfAppError: Record<string, string> = {
  story_contact_unknown: "contactEmail",
  story_image_too_large: "images",
  story_image_wrong_type: "images",
  story_image_empty: "images",
  story_image_alt_required: "images",
  story_image_too_many: "images",
};
const statusOfAppError: Record<string, number> = { story_not_author: 403, story_not_allowed: 403, story_idea_not_allowed: 403, story_not_found: 404 };

/**
 * The story form's post, for writing and editing: read → validate → save → redirect to the story.
 * A refusal returns every message at once, with the text as typed (and says that files must be
 * chosen again); nothing is saved unless everything is.
 */
export async function handleStoryFormPost(request: Request, save: Save) {
  const parsed = await readStoryFormRequest(request);
  const { formData } = parsed;
  const submission = parseWithZod(formData, { schema: StoryFormSchema });
  const body = readRichTextFromForm(formData, "body");
  const bodyValue: RichTextState | string = body.ok && body.source === "editor" ? body.state : String(formData.get("bodyText") ?? "");
  const values = storyFormValuesFrom(formData);

  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  if (!body.ok) fieldErrors.body = [`editor:errors.${body.code}`];
  else if (body.plainText.trim().length < 20) fieldErrors.body = ["form.errors.bodyTooShort"];
  for (const { slot, fileName } of parsed.oversized) {
    fieldErrors[`newImage${slot}`] = [`form.errors.imageTooLarge|${JSON.stringify({ fileName, maxMb: MAX_STORY_IMAGE_BYTES / 1024 / 1024 })}`];
  }
  if (parsed.textTooLarge) formErrors.push("form.errors.requestTooLarge");

  const fail = (status: number, more: { fieldErrors?: Record<string, string[]>; formErrors?: string[]; findings?: PrivacyFinding[] } = {}) => {
    const schemaErrors = submission.status === "success" ? {} : ((submission.error ?? {}) as Record<string, string[]>);
    const allFormErrors = [...formErrors, ...(more.formErrors ?? [])];
    if (parsed.hadFiles) allFormErrors.push("form.errors.filesNotKept");
    return data<StoryFormActionData>(
      {
        result: submission.reply({ formErrors: allFormErrors, fieldErrors: { ...schemaErrors, ...fieldErrors, ...(more.fieldErrors ?? {}) } }),
        values,
        body: bodyValue,
        filesNotKept: parsed.hadFiles,
        privacyFindings: (more.findings ?? []).map(({ field, kind, masked }) => ({ field, kind, masked })),
      },
      { status },
    );
  };

  if (submission.status !== "success" || !body.ok || Object.keys(fieldErrors).length > 0 || formErrors.length > 0) return fail(400);

  let saved: { slug: string };
  try {
    saved = await save(submission.value, body.state, parsed.images);
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "privacy_blocked") {
      return fail(400, { formErrors: ["form.errors.privacyBlocked"], findings: (error.details.findings ?? []) as PrivacyFinding[] });
    }
    const field = fieldOfAppError[error.code];
    const message = `errors.${error.code}|${JSON.stringify(error.details)}`;
    return fail(statusOfAppError[error.code] ?? 400, field ? { fieldErrors: { [field]: [message] } } : { formErrors: [message] });
  }
  const flash = submission.value.intent === "submit" ? "submitted" : "saved";
  throw redirect(`/historier/${encodeURIComponent(saved.slug)}?melding=${flash}`);
}
