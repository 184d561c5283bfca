import type { Trx } from "~/db/client.server";
import type { StoryStatus } from "~/db/schema";

export type MyStory = { slug: string; title: string; status: StoryStatus; updatedAt: Date; reviewComment: string | null };

/** The author's own stories that are not (or no longer) published: drafts, under review, returned (as that user). */
export async function readMyStories(trx: Trx, authorId: string): Promise<MyStory[]> {
  const rows = await trx
    .selectFrom("stories")
    .select(["slug", "title", "status", "updated_at", "review_comment"])
    .where("author_id", "=", authorId)
    .where("status", "!=", "published")
    .orderBy("updated_at", "desc")
    .limit(50)
    .execute();
  return rows.map((r) => ({ slug: r.slug, title: r.title, status: r.status, updatedAt: r.updated_at, reviewComment: r.review_comment }));
}
