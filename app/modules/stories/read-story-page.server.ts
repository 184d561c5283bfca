import type { Trx } from "~/db/client.server";
import type { Locale } from "~/db/schema";
import { publishedStoryFilter } from "./story-filter.server";
import { STORY_PAGE_SIZE, type StorySearchQuery } from "./story-search-schema";

export type StoryCard = {
  slug: string;
  title: string;
  summary: string;
  organisationName: string;
  themeName: string;
  visibility: "organisation" | "partners" | "public";
  publishedAt: Date | null;
  imageId: string | null;
  imageAlt: string | null;
  benefitCategories: string[];
};

const nameColumn = { nb: "name_nb", nn: "name_nn", en: "name_en" } as const;

export type StoryPage = { total: number; page: number; pageCount: number; hits: StoryCard[] };

/** The gallery's page: published stories the viewer may see (RLS), matching the search, newest first. */
export async function readStoryPage(trx: Trx, options: { query: StorySearchQuery; locale: Locale }): Promise<StoryPage> {
  const { query, locale } = options;
  const { total } = await trx
    .selectFrom("stories")
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .where((eb) => publishedStoryFilter(eb, query))
    .executeTakeFirstOrThrow();
  const pageCount = Math.max(1, Math.ceil(Number(total) / STORY_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  // The page's stories first, then the first image of those twelve only (as a select-list subquery
  // the image was looked up for every visible story before the sort cut them to a page).
  const pageOfStories = trx
    .selectFrom("stories")
    .innerJoin("organisations", "organisations.id", "stories.organisation_id")
    .innerJoin("themes", "themes.id", "stories.theme_id")
    .select([
      "stories.id",
      "stories.slug",
      "stories.title",
      "stories.summary",
      "stories.visibility",
      "stories.published_at",
      "organisations.name as organisation_name",
      `themes.${nameColumn[locale]} as theme_name`,
    ])
    .where((eb) => publishedStoryFilter(eb, query))
    .orderBy("stories.published_at", "desc")
    .orderBy("stories.id")
    .limit(STORY_PAGE_SIZE)
    .offset((page - 1) * STORY_PAGE_SIZE);
  const rows = await trx
    .selectFrom(pageOfStories.as("s"))
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("story_images")
          .select(["story_images.id", "story_images.alt_text"])
          .whereRef("story_images.story_id", "=", "s.id")
          .orderBy("story_images.position")
          .limit(1)
          .as("image"),
      (join) => join.onTrue(),
    )
    .selectAll("s")
    .select(["image.id as image_id", "image.alt_text as image_alt"])
    .orderBy("s.published_at", "desc")
    .orderBy("s.id")
    .execute();
  const categories =
    rows.length === 0
      ? []
      : await trx
          .selectFrom("story_benefits")
          .select(["story_id", "category"])
          .distinct()
          .where(
            "story_id",
            "in",
            rows.map((r) => r.id),
          )
          .execute();
  const hits: StoryCard[] = rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    organisationName: r.organisation_name,
    themeName: r.theme_name,
    visibility: r.visibility,
    publishedAt: r.published_at,
    imageId: r.image_id,
    imageAlt: r.image_alt,
    benefitCategories: categories.filter((c) => c.story_id === r.id).map((c) => c.category),
  }));
  return { total: Number(total), page, pageCount, hits };
}
