import { sql, type ExpressionBuilder } from "kysely";
import type { Trx } from "~/db/client.server";
import type { Database, StoryBenefitUnit } from "~/db/schema";
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

/** Same indicator: the same words, whatever the case and spacing. */
export const indicatorKey = sql<string>`lower(regexp_replace(btrim(story_benefits.indicator), '\\s+', ' ', 'g'))`;
export const storiesCounted = sql<number>`count(distinct story_benefits.story_id)`;

/**
 * Totals per benefit category across the published stories the viewer may see (and that match the
 * filters). Rows are only added up when they measure the same indicator in the same unit: 420 km
 * and 35 hours are never one number, and "Kjørte km per uke" in km and in hours are two lines.
 */
export async function summariseBenefits(options: { viewer: StoryViewer; query?: Omit<StorySearchQuery, "page"> }): Promise<BenefitCategoryTotals[]> {
  return asViewer(options.viewer, (trx) => readBenefitTotals(trx, options.query ?? noFilter));
}

/** summariseBenefits on the caller's transaction (as the viewer). */
export async function readBenefitTotals(trx: Trx, query: Omit<StorySearchQuery, "page">): Promise<BenefitCategoryTotals[]> {
  const rows = await trx
    .selectFrom("story_benefits")
    .innerJoin("stories", "stories.id", "story_benefits.story_id")
    .where((eb) => publishedStoryFilter(eb, query))
    .select(benefitTotalColumns)
    .groupBy(["story_benefits.category", "story_benefits.unit", indicatorKey])
    .orderBy("story_benefits.category")
    .orderBy(storiesCounted, "desc")
    .orderBy(indicatorKey)
    .execute();
  return categoryTotals(rows);
}

/** The aggregate columns of a benefit total, for a query over story_benefits grouped by category, unit and indicatorKey. */
export function benefitTotalColumns(eb: ExpressionBuilder<Database, "story_benefits">) {
  return [
    eb.ref("story_benefits.category").as("category"),
    eb.ref("story_benefits.unit").as("unit"),
    sql<string>`min(btrim(story_benefits.indicator))`.as("indicator"),
    eb.fn.sum<string>("story_benefits.baseline").as("baseline"),
    eb.fn.sum<string>("story_benefits.after").as("after"),
    storiesCounted.as("stories"),
  ];
}

type TotalRow = { category: string; unit: StoryBenefitUnit; indicator: string; baseline: string; after: string; stories: number | string };

/** Rows in the order read, grouped by category. */
export function categoryTotals(rows: TotalRow[]): BenefitCategoryTotals[] {
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
}
