import { getFileStorage } from "~/modules/storage/file-storage.server";
import { asViewer, type StoryViewer } from "./story-viewer";

/** An image of a story the viewer may see (RLS decides), with its bytes; null otherwise. */
export async function getStoryImage(options: { viewer: StoryViewer; slug: string; imageId: string }) {
  const row = await asViewer(options.viewer, (trx) =>
    trx
      .selectFrom("story_images")
      .innerJoin("stories", "stories.id", "story_images.story_id")
      .select(["story_images.storage_key", "story_images.content_type", "stories.visibility", "stories.status"])
      .where("stories.slug", "=", options.slug)
      .where("story_images.id", "=", options.imageId)
      .executeTakeFirst(),
  );
  if (!row) return null;
  const file = await getFileStorage().get(row.storage_key);
  if (!file) return null;
  return { bytes: file.bytes, contentType: row.content_type, isPublic: row.status === "published" && row.visibility === "public" };
}
