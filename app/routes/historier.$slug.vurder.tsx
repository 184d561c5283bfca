import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/components/page-title";
import { StoryReviewPanel, type ReviewPanelFeedback } from "~/components/stories/story-review-panel";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { linkClass } from "~/modules/auth/form-feedback";
import { kickOutbox } from "~/modules/notifications/outbox-loop.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { changeStoryStatus } from "~/modules/stories/change-story-status.server";
import { getStory } from "~/modules/stories/get-story.server";
import { StoryStatusSchema } from "~/modules/stories/story-form-schema";
import { isAppError } from "~/utils/app-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

const flashFor = { submit: "submitted", withdraw: "withdrawn", publish: "published", return: "returned", unpublish: "unpublished" } as const;
const statusOfError: Record<string, number> = { story_not_reviewer: 403, story_not_author: 403, story_not_allowed: 403, story_not_found: 404 };

async function loadStory(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user);
  const story = await getStory({ viewer: user, slug: slug ?? "", locale });
  if (!story) throw new Response(null, { status: 404 });
  return { user, locale, story };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, story } = await loadStory(request, params.slug);
  const t = await getTranslator(locale);
  return {
    title: t("review.pageTitle", { ns: "stories", title: story.title }),
    story: { slug: story.slug, title: story.title, summary: story.summary, status: story.status, isAuthor: story.isAuthor, canReview: story.canReview, networkName: story.networkName },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, story } = await loadStory(request, params.slug);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: StoryStatusSchema });
  const values = { comment: String(formData.get("comment") ?? ""), reason: String(formData.get("reason") ?? "") };
  if (submission.status !== "success") {
    const errors = (submission.error ?? {}) as Record<string, string[]>;
    const feedback: ReviewPanelFeedback = {
      formErrors: errors.intent ? ["status.errors.unknownIntent"] : [],
      fieldErrors: { comment: errors.comment, reason: errors.reason },
      values,
    };
    return data({ feedback }, { status: 400 });
  }
  try {
    await changeStoryStatus({ user, storyId: story.id, change: submission.value });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const feedback: ReviewPanelFeedback = { formErrors: [`errors.${error.code}`], values };
    return data({ feedback }, { status: statusOfError[error.code] ?? 409 });
  }
  kickOutbox();
  throw redirect(`/historier/${encodeURIComponent(story.slug)}?melding=${flashFor[submission.value.intent]}`);
}

export default function StoryReviewPage() {
  const { story } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("stories");
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">{t("review.heading")}</h1>
      <p className="mt-2 text-xl">
        <Link to={`/historier/${encodeURIComponent(story.slug)}`} className={linkClass}>
          {story.title}
        </Link>
      </p>
      <p className="mt-2">{story.summary}</p>
      <p className="mt-2 text-slate-700">{t("review.network", { network: story.networkName })}</p>
      {story.isAuthor || story.canReview ? (
        <StoryReviewPanel story={story} feedback={actionData?.feedback} />
      ) : (
        <StoryReviewPanelDenied />
      )}
    </div>
  );
}

function StoryReviewPanelDenied() {
  const { t } = useTranslation("stories");
  const actionData = useActionData<typeof action>();
  return (
    <div className="mt-6">
      {actionData?.feedback ? (
        <div role="alert" className="mb-4 rounded-md border border-danger-700 bg-danger-50 p-3 font-medium text-danger-700">
          {(actionData.feedback.formErrors ?? []).map((key) => (
            <p key={key}>{t(key)}</p>
          ))}
        </div>
      ) : null}
      <p>{t("review.notAllowed")}</p>
    </div>
  );
}
