import { sql } from "kysely";
import type { Locale, StoryBenefitUnit, StoryStatus, StoryVisibility } from "~/db/schema";
import { EDITABLE_STORY_STATUSES } from "./story-vocabulary";
import { asViewer, canReviewIn, type StoryViewer } from "./story-viewer";

const nameColumn = { nb: "name_nb", nn: "name_nn", en: "name_en" } as const;

export type StoryDetails = {
  id: string;
  slug: string;
  status: StoryStatus;
  visibility: StoryVisibility;
  networkId: string;
  networkName: string;
  organisationId: string;
  organisationName: string;
  title: string;
  summary: string;
  bodyJson: unknown;
  bodyHtml: string;
  whatChanged: string;
  stoppedDoing: string | null;
  unplannedBenefits: string | null;
  successFactors: string | null;
  costs: string | null;
  themeId: string;
  themeName: string;
  serviceAreaIds: string[];
  serviceAreaNames: string[];
  /** Null once the contact person has deleted their account. */
  contactName: string | null;
  contactEmail: string | null;
  reviewComment: string | null;
  unpublishedReason: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  idea: { id: string; publicId: string; title: string } | null;
  organisations: { id: string; name: string }[];
  benefits: { indicator: string; unit: StoryBenefitUnit; baseline: number; after: number; period: string | null; category: string }[];
  images: { id: string; altText: string }[];
  trials: { organisationId: string; organisationName: string }[];
  credits: { name: string; role: string }[];
  /** The viewer's own organisation's trial, with its idea when they may see it. */
  ownTrial: { ideaPublicId: string | null } | null;
  isAuthor: boolean;
  canEdit: boolean;
  canReview: boolean;
  canTry: boolean;
};

/** A story as the viewer may see it (RLS decides), or null: missing and hidden look the same. */
export async function getStory(options: { viewer: StoryViewer; slug: string; locale: Locale }): Promise<StoryDetails | null> {
  const { viewer, slug, locale } = options;
  const name = nameColumn[locale];
  return asViewer(viewer, async (trx) => {
    const story = await trx
      .selectFrom("stories")
      .innerJoin("organisations", "organisations.id", "stories.organisation_id")
      .innerJoin("networks", "networks.id", "stories.network_id")
      .innerJoin("themes", "themes.id", "stories.theme_id")
      .select([
        "stories.id",
        "stories.slug",
        "stories.status",
        "stories.visibility",
        "stories.network_id",
        "networks.name as network_name",
        "stories.organisation_id",
        "organisations.name as organisation_name",
        "stories.title",
        "stories.summary",
        "stories.body_json",
        "stories.body_html",
        "stories.what_changed",
        "stories.stopped_doing",
        "stories.unplanned_benefits",
        "stories.success_factors",
        "stories.costs",
        "stories.theme_id",
        `themes.${name} as theme_name`,
        "stories.service_area_ids",
        "stories.contact_name",
        "stories.contact_email",
        "stories.review_comment",
        "stories.unpublished_reason",
        "stories.published_at",
        "stories.updated_at",
        "stories.idea_id",
        "stories.author_id",
      ])
      .where("stories.slug", "=", slug)
      .executeTakeFirst();
    if (!story) return null;

    const [areas, organisations, benefits, images, trials, credits, idea] = await Promise.all([
      trx.selectFrom("service_areas").select(["id", `${name} as name`]).where("id", "in", story.service_area_ids).orderBy("sort_order").execute(),
      trx
        .selectFrom("story_organisations")
        .innerJoin("organisations", "organisations.id", "story_organisations.organisation_id")
        .select(["organisations.id", "organisations.name"])
        .where("story_organisations.story_id", "=", story.id)
        .orderBy("organisations.name")
        .execute(),
      trx
        .selectFrom("story_benefits")
        .select(["indicator", "unit", "baseline", "after", "period", "category"])
        .where("story_id", "=", story.id)
        .orderBy("position")
        .execute(),
      trx.selectFrom("story_images").select(["id", "alt_text"]).where("story_id", "=", story.id).orderBy("position").execute(),
      trx
        .selectFrom("story_trials")
        .innerJoin("organisations", "organisations.id", "story_trials.organisation_id")
        .select(["story_trials.organisation_id", "organisations.name"])
        .where("story_trials.story_id", "=", story.id)
        .orderBy("story_trials.created_at")
        .execute(),
      sql<{ name: string; role: string }>`select name, role from public.story_credits(${story.id}::uuid)`.execute(trx),
      story.idea_id
        ? trx.selectFrom("ideas").select(["id", "public_id", "title"]).where("id", "=", story.idea_id).executeTakeFirst()
        : Promise.resolve(undefined),
    ]);

    let ownTrial: StoryDetails["ownTrial"] = null;
    if (viewer && trials.some((t) => t.organisation_id === viewer.organisationId)) {
      const row = await trx
        .selectFrom("story_trials")
        .leftJoin("ideas", "ideas.id", "story_trials.idea_id")
        .select("ideas.public_id")
        .where("story_trials.story_id", "=", story.id)
        .where("story_trials.organisation_id", "=", viewer.organisationId)
        .executeTakeFirst();
      ownTrial = { ideaPublicId: row?.public_id ?? null };
    }

    const isAuthor = viewer !== null && story.author_id === viewer.id;
    return {
      id: story.id,
      slug: story.slug,
      status: story.status,
      visibility: story.visibility,
      networkId: story.network_id,
      networkName: story.network_name,
      organisationId: story.organisation_id,
      organisationName: story.organisation_name,
      title: story.title,
      summary: story.summary,
      bodyJson: story.body_json,
      bodyHtml: story.body_html,
      whatChanged: story.what_changed,
      stoppedDoing: story.stopped_doing,
      unplannedBenefits: story.unplanned_benefits,
      successFactors: story.success_factors,
      costs: story.costs,
      themeId: story.theme_id,
      themeName: story.theme_name,
      serviceAreaIds: story.service_area_ids,
      serviceAreaNames: areas.map((a) => a.name),
      contactName: story.contact_name,
      contactEmail: story.contact_email,
      reviewComment: story.review_comment,
      unpublishedReason: story.unpublished_reason,
      publishedAt: story.published_at,
      updatedAt: story.updated_at,
      idea: idea ? { id: idea.id, publicId: idea.public_id, title: idea.title } : null,
      organisations,
      benefits: benefits.map((b) => ({ ...b, baseline: Number(b.baseline), after: Number(b.after) })),
      images: images.map((i) => ({ id: i.id, altText: i.alt_text })),
      trials: trials.map((t) => ({ organisationId: t.organisation_id, organisationName: t.name })),
      credits: credits.rows,
      ownTrial,
      isAuthor,
      canEdit: isAuthor && EDITABLE_STORY_STATUSES.includes(story.status),
      canReview: canReviewIn(viewer, story.network_id),
      canTry: viewer !== null && story.status === "published" && story.organisation_id !== viewer.organisationId && ownTrial === null,
    };
  });
}
