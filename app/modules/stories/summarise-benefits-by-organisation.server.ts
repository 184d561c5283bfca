import { asViewer, type StoryViewer } from "./story-viewer";
import { benefitTotalColumns, categoryTotals, indicatorKey, storiesCounted, type BenefitCategoryTotals } from "./summarise-benefits.server";

export type OrganisationBenefits = { slug: string; name: string; stories: number; categories: BenefitCategoryTotals[] };

/**
 * The benefit overview per organisation involved in published stories the viewer may see: each
 * organisation's totals are those of its stories (what the gallery's organisation filter sums).
 * Two statements, whatever the number of organisations.
 */
export async function summariseBenefitsByOrganisation(options: { viewer: StoryViewer; organisation?: string | null }): Promise<OrganisationBenefits[]> {
  return asViewer(options.viewer, async (trx) => {
    let organisations = trx
      .selectFrom("story_organisations")
      .innerJoin("stories", "stories.id", "story_organisations.story_id")
      .innerJoin("organisations", "organisations.id", "story_organisations.organisation_id")
      .select((eb) => ["organisations.slug", "organisations.name", eb.fn.count<number>("stories.id").distinct().as("stories")])
      .where("stories.status", "=", "published")
      .groupBy(["organisations.slug", "organisations.name"])
      .orderBy("organisations.name");
    let totals = trx
      .selectFrom("story_benefits")
      .innerJoin("stories", "stories.id", "story_benefits.story_id")
      .innerJoin("story_organisations", "story_organisations.story_id", "stories.id")
      .innerJoin("organisations", "organisations.id", "story_organisations.organisation_id")
      .where("stories.status", "=", "published")
      .select((eb) => ["organisations.slug as organisation", ...benefitTotalColumns(eb)])
      .groupBy(["organisations.slug", "story_benefits.category", "story_benefits.unit", indicatorKey])
      .orderBy("organisations.slug")
      .orderBy("story_benefits.category")
      .orderBy(storiesCounted, "desc")
      .orderBy(indicatorKey);
    if (options.organisation) {
      organisations = organisations.where("organisations.slug", "=", options.organisation);
      totals = totals.where("organisations.slug", "=", options.organisation);
    }
    const totalRows = await totals.execute();
    return (await organisations.execute()).map((organisation) => ({
      slug: organisation.slug,
      name: organisation.name,
      stories: Number(organisation.stories),
      categories: categoryTotals(totalRows.filter((row) => row.organisation === organisation.slug)),
    }));
  });
}
