import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/components/page-title";
import { StoryForm } from "~/components/stories/story-form";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser, type CurrentUser } from "~/modules/auth/current-user.server";
import { linkClass } from "~/modules/auth/form-feedback";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { parseRichTextState } from "~/modules/rich-text/rich-text-schema";
import { benefitNumberForInput } from "~/modules/stories/format-benefit-number";
import { getStory } from "~/modules/stories/get-story.server";
import { handleStoryFormPost } from "~/modules/stories/handle-story-form-post.server";
import { loadStoryFormOptions } from "~/modules/stories/load-story-form-options.server";
import type { StoryFormValues } from "~/modules/stories/story-form-values";
import { updateStory } from "~/modules/stories/update-story.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

/** Only the author's own story; anyone else gets the same 404 as for a story that does not exist. */
async function loadOwnStory(user: CurrentUser, slug: string | undefined, locale: Awaited<ReturnType<typeof resolveLocale>>) {
  const story = await getStory({ viewer: user, slug: slug ?? "", locale });
  if (!story || !story.isAuthor) throw new Response(null, { status: 404 });
  return story;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user);
  const story = await loadOwnStory(user, params.slug, locale);
  const t = await getTranslator(locale);
  const options = await loadStoryFormOptions({ user, locale });
  const body = parseRichTextState(JSON.stringify(story.bodyJson));
  const path = `/historier/${encodeURIComponent(story.slug)}`;
  const values: StoryFormValues = {
    ideaId: story.idea?.id ?? "",
    title: story.title,
    summary: story.summary,
    whatChanged: story.whatChanged,
    stoppedDoing: story.stoppedDoing ?? "",
    unplannedBenefits: story.unplannedBenefits ?? "",
    successFactors: story.successFactors ?? "",
    costs: story.costs ?? "",
    themeId: story.themeId,
    serviceAreaIds: story.serviceAreaIds,
    organisationIds: story.organisations.map((o) => o.id),
    visibility: story.visibility,
    contactEmail: story.contactEmail ?? "",
    benefits: story.benefits.map((b) => ({
      indicator: b.indicator,
      unit: b.unit,
      baseline: benefitNumberForInput(b.baseline, locale),
      after: benefitNumberForInput(b.after, locale),
      period: b.period ?? "",
      category: b.category,
    })),
    newImageAlts: [],
  };
  return {
    title: t("form.editTitle", { ns: "stories" }),
    slug: story.slug,
    storyTitle: story.title,
    editable: story.canEdit,
    values,
    body: body.ok ? body.state : null,
    options,
    ownOrganisationId: user.organisationId,
    idea: story.idea ? { publicId: story.idea.publicId, title: story.idea.title } : null,
    images: story.images.map((i) => ({ id: i.id, altText: i.altText, src: `${path}/bilder/${i.id}` })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user);
  const story = await loadOwnStory(user, params.slug, locale);
  return handleStoryFormPost(request, (input, body, images) => updateStory({ user, storyId: story.id, input, body, images }));
}

export default function EditStoryPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() ?? null;
  const { t } = useTranslation("stories");
  const path = `/historier/${encodeURIComponent(data.slug)}`;
  if (!data.editable) {
    return (
      <div className="max-w-3xl">
        <h1 className="text-3xl font-bold">{t("form.editTitle")}</h1>
        <p className="mt-4 text-lg">{t("form.notEditable")}</p>
        <p className="mt-4">
          <Link to={path} className={linkClass}>
            {t("form.backToStory")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">{t("form.editTitle")}</h1>
      <p className="mt-2 text-lg">{data.storyTitle}</p>
      <StoryForm
        action={`${path}/rediger`}
        mode="edit"
        values={actionData?.values ?? data.values}
        body={data.body}
        options={data.options}
        ownOrganisationId={data.ownOrganisationId}
        idea={data.idea}
        images={data.images}
        actionData={actionData}
      />
    </div>
  );
}
