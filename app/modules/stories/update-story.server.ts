import { withUser, type SessionUser } from "~/db/client.server";
import type { RichTextState } from "~/modules/rich-text/rich-text-schema";
import { AppError } from "~/utils/app-error";
import { withStoryFiles } from "./save-story-files.server";
import type { StoryFormInput } from "./story-form-schema";
import { EDITABLE_STORY_STATUSES } from "./story-vocabulary";
import { validateStoryImages, type NewStoryImage } from "./validate-story-images.server";
import { storyColumns, writeStoryChildren } from "./write-story-content.server";

export type UpdateStoryOptions = {
  user: SessionUser & { organisationId: string };
  storyId: string;
  input: StoryFormInput;
  body: RichTextState;
  images?: NewStoryImage[];
};

/** Saves the author's changes (and sends the story for review when `input.intent` is "submit"). */
export async function updateStory({ user, storyId, input, body, images = [] }: UpdateStoryOptions): Promise<{ slug: string }> {
  const validImages = validateStoryImages(images);
  return withStoryFiles((files) =>
    withUser(user, async (trx) => {
      const story = await trx.selectFrom("stories").select(["id", "slug", "status", "author_id"]).where("id", "=", storyId).forUpdate().executeTakeFirst();
      if (!story) throw new AppError("story_not_found");
      if (story.author_id !== user.id) throw new AppError("story_not_author");
      if (!EDITABLE_STORY_STATUSES.includes(story.status)) throw new AppError("story_not_editable");
      const columns = await storyColumns(trx, input, body);
      await trx.updateTable("stories").set(columns).where("id", "=", storyId).execute();
      await writeStoryChildren(trx, { user, storyId, input, images: validImages, ...files });
      if (input.intent === "submit" && story.status !== "ready_for_review") {
        await trx.updateTable("stories").set({ status: "ready_for_review" }).where("id", "=", storyId).execute();
      }
      return { slug: story.slug };
    }),
  );
}
