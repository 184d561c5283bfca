import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";
import { checkPrivacy } from "~/modules/privacy/check-privacy";
import { richTextToPlainText } from "~/modules/rich-text/plain-text";
import { renderRichTextToHtml } from "~/modules/rich-text/render-rich-text.server";
import type { RichTextState } from "~/modules/rich-text/rich-text-schema";
import { AppError } from "~/utils/app-error";
import type { IdeaFormInput } from "./idea-form-schema";
import { loadWorkEmailDomains, privacyFieldsOf } from "./submit-idea.server";

/** The parts a submitter may change before triage starts; routing fields stay as routed. */
export type IdeaEdit = Pick<
  IdeaFormInput,
  "title" | "problem" | "stopDoing" | "beneficiaries" | "needContexts" | "expectedBenefits" | "visibility" | "hideName"
>;

export async function updateIdea(options: { user: SessionUser; ideaId: string; edit: IdeaEdit; proposal: RichTextState }) {
  const { edit, proposal } = options;
  const proposalText = richTextToPlainText(proposal);
  if (proposalText.trim().length < 10) throw new AppError("proposal_too_short");
  return withUser(options.user, async (trx) => {
    const idea = await trx
      .selectFrom("ideas")
      .innerJoin("idea_submitters", "idea_submitters.idea_id", "ideas.id")
      .select(["ideas.id", "ideas.status", "ideas.public_id", "idea_submitters.submitter_id"])
      .select(sql<boolean>`app_private.is_idea_cocreator(ideas.id)`.as("is_cocreator"))
      .where("ideas.id", "=", options.ideaId)
      .executeTakeFirst();
    if (!idea || (idea.submitter_id !== options.user.id && !idea.is_cocreator)) throw new AppError("idea_not_found");
    if (idea.status !== "received") throw new AppError("idea_not_editable");
    const privacy = checkPrivacy(privacyFieldsOf(edit, proposalText), { organisationDomains: await loadWorkEmailDomains(trx) });
    if (privacy.blocking.length > 0) throw new AppError("privacy_blocked", { findings: privacy.blocking });
    await trx
      .updateTable("ideas")
      .set({
        title: edit.title,
        problem: edit.problem,
        stop_doing: edit.stopDoing ?? null,
        beneficiaries: edit.beneficiaries,
        need_contexts: edit.needContexts,
        expected_benefits: edit.expectedBenefits,
        // A co-creator edits the text; visibility and the name setting stay the submitter's.
        ...(idea.submitter_id === options.user.id ? { visibility: edit.visibility, hide_name: edit.hideName } : {}),
        proposal_json: JSON.stringify(proposal),
        proposal_html: renderRichTextToHtml(proposal),
        proposal_text: proposalText,
      })
      .where("id", "=", idea.id)
      .execute();
    await trx.insertInto("idea_events").values({ idea_id: idea.id, kind: "edited", actor_id: options.user.id }).execute();
    return { publicId: idea.public_id };
  });
}
