import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";

/** What a draft keeps: the form's own field values, exactly as typed (strings or lists of strings). */
export type DraftValues = Record<string, string | string[]>;

const MAX_FIELD_LENGTH = 250_000;
const KEPT_FIELDS = new Set([
  "title",
  "problem",
  "proposal",
  "proposalText",
  "beneficiaries",
  "serviceAreaIds",
  "themeId",
  "needContexts",
  "expectedBenefits",
  "stopDoing",
  "relevantForSeveral",
  "visibility",
  "hideName",
  "onBehalf",
  "onBehalfName",
  "onBehalfEmail",
]);

/** Keeps only known fields, as strings, within size limits — a draft never fails for bad content. */
export function draftValuesFromForm(formData: FormData): DraftValues {
  const values: DraftValues = {};
  for (const key of KEPT_FIELDS) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string").map((v) => v.slice(0, MAX_FIELD_LENGTH));
    if (all.length === 0) continue;
    values[key] = all.length === 1 && !["beneficiaries", "serviceAreaIds", "needContexts", "expectedBenefits"].includes(key) ? all[0] : all;
  }
  return values;
}

/**
 * The database keeps a draft under 400 000 bytes (idea_drafts.form_data); JSON text is a little
 * larger than the stored form, so this errs on the side of refusing in time.
 */
const MAX_DRAFT_BYTES = 390_000;

/** Too large to keep as a draft (several fields near their limit): say so instead of failing. */
export function isDraftTooLarge(values: DraftValues): boolean {
  return Buffer.byteLength(JSON.stringify(values)) > MAX_DRAFT_BYTES;
}

/** Creates or updates the user's draft; returns its id. */
export async function saveIdeaDraft(options: { user: SessionUser; draftId?: string; values: DraftValues }): Promise<string> {
  if (isDraftTooLarge(options.values)) throw new AppError("draft_too_large");
  const title = typeof options.values.title === "string" ? options.values.title.slice(0, 300) : "";
  const formData = JSON.stringify(options.values);
  return withUser(options.user, async (trx) => {
    if (options.draftId) {
      const updated = await trx
        .updateTable("idea_drafts")
        .set({ title, form_data: formData })
        .where("id", "=", options.draftId)
        .returning("id")
        .executeTakeFirst();
      if (updated) return updated.id;
    }
    const created = await trx
      .insertInto("idea_drafts")
      .values({ owner_id: options.user.id, title, form_data: formData })
      .returning("id")
      .executeTakeFirstOrThrow();
    return created.id;
  });
}

export async function getIdeaDraft(options: { user: SessionUser; draftId: string }) {
  const draft = await withUser(options.user, (trx) =>
    trx.selectFrom("idea_drafts").select(["id", "title", "form_data", "idempotency_key", "updated_at"]).where("id", "=", options.draftId).executeTakeFirst(),
  );
  if (!draft) throw new AppError("draft_not_found");
  return { id: draft.id, title: draft.title, values: draft.form_data as DraftValues, idempotencyKey: draft.idempotency_key, updatedAt: draft.updated_at };
}

export async function deleteIdeaDraft(options: { user: SessionUser; draftId: string }) {
  await withUser(options.user, (trx) => trx.deleteFrom("idea_drafts").where("id", "=", options.draftId).execute());
}
