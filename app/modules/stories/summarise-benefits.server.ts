import { sql } from "kysely";
import type { StoryBenefitUnit } from "~/db/schema";
import { publishedStoryFilter } from "./story-filter.server";
import type { StorySearchQuery } from "./story-search-schema";
import { asViewer, type StoryViewer } from "./story-viewer";

export type BenefitTotal = {
  indicator: string;
  unit: StoryBenefitUnit;
  baseline: number;
  after: number;
  change: number;
  stories: number;
};
export type BenefitCategoryTotals = { category: string; totals: BenefitTotal[] };

const noFilter: Omit<StorySearchQuery, "page"> = { text: "", theme: null, serviceArea: null, organisation: null, region: null, benefitCategory: null };

/**
 * Totals per benefit category across the published stories the viewer may see (and that match the
 * filters). Rows are only added up when they measure the same indicator in the same unit: 420 km
 * and 35 hours are never one number, and "Kjørte km per uke" in km and in hours are two lines.
 */
export async function summariseBenefits(options: { viewer: StoryViewer; query?: Omit<StorySearchQuery, "page"> }): Promise<BenefitCategoryTotals[]> {
  const query = options.query ?? noFilter;
  return asViewer(options.viewer, async (trx) => {
    const key = sql<string>`lower(regexp_replace(btrim(story_benefits.indicator), '\\s+', ' ', 'g'))`;
    const rows = await trx
      .selectFrom("story_benefits")
      .innerJoin("stories", "stories.id", "story_benefits.story_id")
      .where((eb) => publishedStoryFilter(eb, query))
      .select((eb) => [
        "story_benefits.category",
        "story_benefits.unit",
        key.as("indicator_key"),
        sql<string>`min(btrim(story_benefits.indicator))`.as("indicator"),
        eb.fn.sum<string>("story_benefits.baseline").as("baseline"),
        eb.fn.sum<string>("story_benefits.after").as("after"),
        sql<number>`count(distinct story_benefits.story_id)`.as("stories"),
      ])
      .groupBy(["story_benefits.category", "story_benefits.unit", key])
      .orderBy("story_benefits.category")
      .orderBy(sql`count(distinct story_benefits.story_id)`, "desc")
      .orderBy(key)
      .execute();
    const byCategory = new Map<string, BenefitTotal[]>();
    for (const row of rows) {
      const baseline = Number(row.baseline);
      const after = Number(row.after);
      const list = byCategory.get(row.category) ?? [];
      list.push({
        indicator: row.indicator,
        unit: row.unit,
        baseline,
        after,
        change: Math.round((after - baseline) * 100) / 100,
        stories: Number(row.stories),
      });
      byCategory.set(row.category, list);
    }
    return [...byCategory.entries()].map(([category, totals]) => ({ category, totals }));
  });
}
