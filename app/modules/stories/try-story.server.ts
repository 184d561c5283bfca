import { withUser, type SessionUser } from "~/db/client.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { AppError } from "~/utils/app-error";
import type { TryStoryInput } from "./try-story-schema";

type Beneficiary = "users_and_relatives" | "staff_and_leaders" | "municipality";
const beneficiaryOf: Record<string, Beneficiary> = {
  patient_safety: "users_and_relatives",
  quality: "users_and_relatives",
  independence: "users_and_relatives",
  relatives_safety: "users_and_relatives",
  health: "users_and_relatives",
  fewer_falls: "users_and_relatives",
  time_saved: "staff_and_leaders",
  staff_wellbeing: "staff_and_leaders",
  less_driving: "staff_and_leaders",
  economy: "municipality",
};

/** What the "Vi vil prøve dette" page starts from, or why the reader cannot use it. */
export async function loadStoryToTry(options: { user: SessionUser & { organisationId: string }; slug: string }) {
  return withUser(options.user, async (trx) => {
    const story = await trx
      .selectFrom("stories")
      .innerJoin("organisations", "organisations.id", "stories.organisation_id")
      .select([
        "stories.id",
        "stories.slug",
        "stories.title",
        "stories.summary",
        "stories.status",
        "stories.organisation_id",
        "stories.theme_id",
        "stories.service_area_ids",
        "organisations.name as organisation_name",
      ])
      .where("stories.slug", "=", options.slug)
      .executeTakeFirst();
    if (!story || story.status !== "published") return null;
    const trial = await trx
      .selectFrom("story_trials")
      .leftJoin("ideas", "ideas.id", "story_trials.idea_id")
      .select("ideas.public_id")
      .where("story_trials.story_id", "=", story.id)
      .where("story_trials.organisation_id", "=", options.user.organisationId)
      .executeTakeFirst();
    const categories = await trx.selectFrom("story_benefits").select("category").distinct().where("story_id", "=", story.id).execute();
    return {
      ...story,
      benefitCategories: categories.map((c) => c.category),
      ownOrganisation: story.organisation_id === options.user.organisationId,
      existingTrial: trial ? { ideaPublicId: trial.public_id } : null,
    };
  });
}

/**
 * "Vi vil prøve dette": submits an idea in the reader's own organisation through the normal idea
 * submission (privacy check, routing rules, numbering, deadline, receipt) and records the trial on
 * the story in the same transaction. The story's contact person is told by the database.
 */
export async function tryStory(options: {
  user: SessionUser & { fullName: string; organisationId: string; unitId: string | null };
  slug: string;
  input: TryStoryInput;
}): Promise<{ ideaId: string; publicId: string; alreadySubmitted: boolean }> {
  const { user, input } = options;
  const story = await loadStoryToTry({ user, slug: options.slug });
  if (!story) throw new AppError("story_not_found");
  if (story.ownOrganisation) throw new AppError("story_own_organisation");
  if (story.existingTrial) throw new AppError("story_already_trying", { publicId: story.existingTrial.ideaPublicId });
  const beneficiaries = [...new Set(story.benefitCategories.map((c) => beneficiaryOf[c]).filter(Boolean))];
  const ideaInput = IdeaFormSchema.parse({
    idempotencyKey: input.idempotencyKey,
    title: input.title,
    problem: input.problem,
    beneficiaries: beneficiaries.length > 0 ? beneficiaries : ["users_and_relatives"],
    serviceAreaIds: story.service_area_ids,
    themeId: story.theme_id,
    expectedBenefits: story.benefitCategories,
    visibility: "partners",
    privacyConfirmed: "on",
  });
  try {
    return await submitIdea({
      user,
      input: ideaInput,
      proposal: plainTextToRichTextState(input.proposal),
      alsoInTransaction: async (trx, idea) => {
        await trx
          .insertInto("story_trials")
          .values({ story_id: story.id, organisation_id: user.organisationId, idea_id: idea.ideaId, profile_id: user.id })
          .execute();
      },
    });
  } catch (error) {
    const pg = error as { code?: string; constraint?: string };
    if (pg?.code === "23505" && pg.constraint === "story_trials_story_id_organisation_id_key") {
      throw new AppError("story_already_trying", { publicId: null });
    }
    throw error;
  }
}
