import { withAnon } from "~/db/client.server";

export type PublicStory = { slug: string; title: string; summary: string; organisationName: string; publishedAt: Date; updatedAt: Date };

/** The newest public, published stories, read as an anonymous visitor (for the Atom feed). */
export async function listPublicStories(options: { limit?: number } = {}): Promise<PublicStory[]> {
  return withAnon(async (trx) => {
    const rows = await trx
      .selectFrom("stories")
      .innerJoin("organisations", "organisations.id", "stories.organisation_id")
      .select(["stories.slug", "stories.title", "stories.summary", "organisations.name as organisation_name", "stories.published_at", "stories.updated_at"])
      .where("stories.status", "=", "published")
      .where("stories.visibility", "=", "public")
      .orderBy("stories.published_at", "desc")
      .limit(options.limit ?? 50)
      .execute();
    return rows.map((r) => ({
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      organisationName: r.organisation_name,
      publishedAt: r.published_at ?? r.updated_at,
      updatedAt: r.updated_at,
    }));
  });
}
