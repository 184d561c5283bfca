import { withUser, type SessionUser } from "~/db/client.server";
import type { StoryStatus } from "~/db/schema";
import { AppError } from "~/utils/app-error";
import type { StoryStatusInput } from "./story-form-schema";
import { storyErrorFromDatabase } from "./write-story-content.server";

const target: Record<StoryStatusInput["intent"], StoryStatus> = {
  submit: "ready_for_review",
  withdraw: "draft",
  publish: "published",
  return: "returned",
  unpublish: "unpublished",
};

/**
 * Moves a story along its workflow. Who may do what (authors send for review and withdraw;
 * coordinators of the reviewing network publish, return with a comment and unpublish with a
 * reason) is enforced by the database; a refusal comes back as AppError('story_not_reviewer' …).
 * Notifications are written by the database in the same transaction.
 */
export async function changeStoryStatus(options: { user: SessionUser; storyId: string; change: StoryStatusInput }): Promise<{ slug: string; status: StoryStatus }> {
  const { user, storyId, change } = options;
  try {
    return await withUser(user, async (trx) => {
      const story = await trx.selectFrom("stories").select(["slug", "status"]).where("id", "=", storyId).executeTakeFirst();
      if (!story) throw new AppError("story_not_found");
      const status = target[change.intent];
      const updated = await trx
        .updateTable("stories")
        .set({
          status,
          ...(change.intent === "return" ? { review_comment: change.comment } : {}),
          ...(change.intent === "unpublish" ? { unpublished_reason: change.reason } : {}),
        })
        .where("id", "=", storyId)
        .returning(["slug", "status"])
        .executeTakeFirst();
      // Visible but not updatable under RLS: someone who may read the story but not decide on it.
      if (!updated) throw new AppError(change.intent === "submit" || change.intent === "withdraw" ? "story_not_author" : "story_not_reviewer");
      return updated;
    });
  } catch (error) {
    throw storyErrorFromDatabase(error) ?? error;
  }
}
