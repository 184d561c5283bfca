import { withUser, type SessionUser } from "~/db/client.server";
import type { RichTextState } from "~/modules/rich-text/rich-text-schema";
import { withStoryFiles } from "./save-story-files.server";
import type { StoryFormInput } from "./story-form-schema";
import { storySlug } from "./story-slug";
import { validateStoryImages, type NewStoryImage } from "./validate-story-images.server";
import { storyColumns, writeStoryChildren } from "./write-story-content.server";

export type CreateStoryOptions = {
  user: SessionUser & { organisationId: string };
  input: StoryFormInput;
  body: RichTextState;
  images?: NewStoryImage[];
};

/**
 * Writes a new story (a draft, or straight to review when `input.intent` is "submit") with its
 * benefit rows, organisations and images, in one transaction. The reviewing network is chosen by
 * the database: the idea's network, or the normal routing rules.
 */
export async function createStory({ user, input, body, images = [] }: CreateStoryOptions): Promise<{ storyId: string; slug: string }> {
  const validImages = validateStoryImages(images);
  return withStoryFiles((files) =>
    withUser(user, async (trx) => {
      const columns = await storyColumns(trx, input, body);
      const story = await trx
        .insertInto("stories")
        .values({ ...columns, slug: storySlug(input.title), organisation_id: user.organisationId, idea_id: input.ideaId ?? null })
        .returning(["id", "slug"])
        .executeTakeFirstOrThrow();
      await writeStoryChildren(trx, { user, storyId: story.id, input, images: validImages, ...files });
      if (input.intent === "submit") {
        await trx.updateTable("stories").set({ status: "ready_for_review" }).where("id", "=", story.id).execute();
      }
      return { storyId: story.id, slug: story.slug };
    }),
  );
}
