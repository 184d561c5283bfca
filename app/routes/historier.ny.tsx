import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/components/page-title";
import { StoryForm } from "~/components/stories/story-form";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { parseRichTextState } from "~/modules/rich-text/rich-text-schema";
import { createStory } from "~/modules/stories/create-story.server";
import { handleStoryFormPost } from "~/modules/stories/handle-story-form-post.server";
import { loadIdeaForStory } from "~/modules/stories/load-idea-for-story.server";
import { loadStoryFormOptions } from "~/modules/stories/load-story-form-options.server";
import type { StoryFormValues } from "~/modules/stories/story-form-values";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const options = await loadStoryFormOptions({ user, locale });
  const ideaParam = new URL(request.url).searchParams.get("ide");
  const idea = ideaParam && /^[A-Z0-9-]{3,40}$/.test(ideaParam) ? await loadIdeaForStory({ user, publicId: ideaParam }) : null;
  const proposal = idea ? parseRichTextState(idea.proposal_json) : null;
  // A story about an idea starts from what the idea said.
  const values: StoryFormValues = {
    ideaId: idea?.id ?? "",
    title: idea?.title ?? "",
    summary: idea?.problem.slice(0, 600) ?? "",
    whatChanged: "",
    stoppedDoing: idea?.stop_doing ?? "",
    unplannedBenefits: "",
    successFactors: "",
    costs: "",
    themeId: idea?.theme_id ?? "",
    serviceAreaIds: idea?.service_area_ids ?? [],
    organisationIds: [user.organisationId],
    visibility: "partners",
    contactEmail: user.email,
    benefits: [],
    newImageAlts: [],
  };
  return {
    title: t("form.newTitle", { ns: "stories" }),
    values,
    body: proposal?.ok ? proposal.state : null,
    options,
    ownOrganisationId: user.organisationId,
    idea: idea ? { publicId: idea.public_id, title: idea.title } : null,
    ideaNotAllowed: Boolean(ideaParam) && !idea,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleStoryFormPost(request, (input, body, images) => createStory({ user, input, body, images }));
}

export default function NewStoryPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() ?? null;
  const { t } = useTranslation("stories");
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">{t("form.newTitle")}</h1>
      <p className="mt-2 text-lg">{t("form.intro")}</p>
      {data.ideaNotAllowed ? (
        <p role="status" className="mt-4 rounded-md border-l-4 border-amber-700 bg-amber-50 p-3 text-amber-950">
          {t("form.ideaNotAllowed")}
        </p>
      ) : null}
      <StoryForm
        action="/historier/ny"
        mode="new"
        values={actionData?.values ?? data.values}
        body={data.body}
        options={data.options}
        ownOrganisationId={data.ownOrganisationId}
        idea={data.idea}
        images={[]}
        actionData={actionData}
      />
    </div>
  );
}
