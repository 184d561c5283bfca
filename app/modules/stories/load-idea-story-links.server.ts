import type { Trx } from "~/db/client.server";

export type IdeaStoryLinks = {
  /** Published stories about the idea that the reader may see (RLS), newest first. */
  stories: { slug: string; title: string; organisationName: string; publishedAt: Date | null }[];
  /** The story this idea was created from with "Vi vil prøve dette", when the reader may see it. */
  inspiredBy: { slug: string; title: string } | null;
};

/** Runs inside the reader's withUser transaction: what the reader may not see is simply not found. */
export async function loadIdeaStoryLinks(trx: Trx, ideaId: string): Promise<IdeaStoryLinks> {
  const stories = await trx
    .selectFrom("stories")
    .innerJoin("organisations", "organisations.id", "stories.organisation_id")
    .select(["stories.slug", "stories.title", "organisations.name as organisation_name", "stories.published_at"])
    .where("stories.idea_id", "=", ideaId)
    .where("stories.status", "=", "published")
    .orderBy("stories.published_at", "desc")
    .orderBy("stories.slug")
    .execute();
  const inspiredBy = await trx
    .selectFrom("story_trials")
    .innerJoin("stories", "stories.id", "story_trials.story_id")
    .select(["stories.slug", "stories.title"])
    .where("story_trials.idea_id", "=", ideaId)
    .where("stories.status", "=", "published")
    .executeTakeFirst();
  return {
    stories: stories.map((s) => ({ slug: s.slug, title: s.title, organisationName: s.organisation_name, publishedAt: s.published_at })),
    inspiredBy: inspiredBy ?? null,
  };
}
