import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Database } from "~/db/schema";
import { searchWords } from "~/modules/search/search-query-schema";
import type { StorySearchQuery } from "./story-search-schema";

/** Published stories matching the gallery's search and filters (RLS adds who may see them). */
export function publishedStoryFilter(eb: ExpressionBuilder<Database, "stories">, query: Omit<StorySearchQuery, "page">) {
  const conditions: Expression<SqlBool>[] = [eb("stories.status", "=", "published")];
  const words = searchWords(query.text);
  if (words.length > 0) {
    // Only letters and digits reach to_tsquery (searchWords), so the only syntax is what we add.
    const tsquery = words.map((w) => `${w}:*`).join(" & ");
    conditions.push(sql<boolean>`stories.search_vector @@ to_tsquery('norwegian', ${tsquery})`);
  }
  if (query.theme) {
    conditions.push(eb("stories.theme_id", "=", eb.selectFrom("themes").select("themes.id").where("themes.slug", "=", query.theme)));
  }
  if (query.serviceArea) {
    conditions.push(sql<boolean>`stories.service_area_ids && array(select a.id from public.service_areas a where a.slug = ${query.serviceArea})`);
  }
  if (query.organisation) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom("story_organisations as so")
          .innerJoin("organisations as o", "o.id", "so.organisation_id")
          .select(sql`1`.as("one"))
          .whereRef("so.story_id", "=", "stories.id")
          .where("o.slug", "=", query.organisation),
      ),
    );
  }
  if (query.region) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom("story_organisations as so")
          .innerJoin("organisation_group_members as gm", "gm.organisation_id", "so.organisation_id")
          .innerJoin("organisation_groups as g", "g.id", "gm.group_id")
          .select(sql`1`.as("one"))
          .whereRef("so.story_id", "=", "stories.id")
          .where("g.slug", "=", query.region),
      ),
    );
  }
  if (query.benefitCategory) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom("story_benefits as b")
          .select(sql`1`.as("one"))
          .whereRef("b.story_id", "=", "stories.id")
          .where("b.category", "=", query.benefitCategory),
      ),
    );
  }
  return eb.and(conditions);
}
