import { asViewer, type StoryViewer } from "./story-viewer";
import { summariseBenefits, type BenefitCategoryTotals } from "./summarise-benefits.server";

export type OrganisationBenefits = { slug: string; name: string; stories: number; categories: BenefitCategoryTotals[] };

/** The benefit overview per organisation involved in published stories the viewer may see. */
export async function summariseBenefitsByOrganisation(options: { viewer: StoryViewer; organisation?: string | null }): Promise<OrganisationBenefits[]> {
  const organisations = await asViewer(options.viewer, async (trx) => {
    let query = trx
      .selectFrom("story_organisations")
      .innerJoin("stories", "stories.id", "story_organisations.story_id")
      .innerJoin("organisations", "organisations.id", "story_organisations.organisation_id")
      .select((eb) => ["organisations.slug", "organisations.name", eb.fn.count<number>("stories.id").distinct().as("stories")])
      .where("stories.status", "=", "published")
      .groupBy(["organisations.slug", "organisations.name"])
      .orderBy("organisations.name");
    if (options.organisation) query = query.where("organisations.slug", "=", options.organisation);
    return query.execute();
  });
  const result: OrganisationBenefits[] = [];
  for (const organisation of organisations) {
    const categories = await summariseBenefits({
      viewer: options.viewer,
      query: { text: "", theme: null, serviceArea: null, organisation: organisation.slug, region: null, benefitCategory: null },
    });
    result.push({ slug: organisation.slug, name: organisation.name, stories: Number(organisation.stories), categories });
  }
  return result;
}
