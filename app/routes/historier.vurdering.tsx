import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { displayDate } from "~/components/idea/idea-dates";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { linkClass } from "~/modules/auth/form-feedback";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { listReviewQueue } from "~/modules/stories/list-review-queue.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const queue = await listReviewQueue({ user });
  return {
    title: t("queue.title", { ns: "stories" }),
    isReviewer: user.platformRole === "admin" || user.networks.some((n) => n.role === "coordinator"),
    queue: queue.map((s) => ({ ...s, submitted: s.submittedAt ? displayDate(s.submittedAt, locale) : null })),
  };
}

export default function StoryReviewQueuePage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("stories");
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">{t("queue.title")}</h1>
      <p className="mt-2 text-lg">{data.isReviewer ? t("queue.intro") : t("queue.notReviewer")}</p>
      {data.isReviewer && data.queue.length === 0 ? <p className="mt-6">{t("queue.empty")}</p> : null}
      {data.queue.length > 0 ? (
        <ul className="mt-6 space-y-4">
          {data.queue.map((story) => (
            <li key={story.slug} className="rounded-lg border border-slate-300 p-4">
              <Link to={`/historier/${story.slug}/vurder`} className={`${linkClass} text-lg font-semibold`}>
                {story.title}
              </Link>
              <p className="text-slate-700">
                {story.organisationName} · {story.networkName}
                {story.submitted ? (
                  <>
                    {" · "}
                    <time dateTime={story.submitted.iso}>{t("queue.submitted", { date: story.submitted.text })}</time>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
