import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FlashMessage } from "~/components/idea/flash-message";
import { displayDate } from "~/components/idea/idea-dates";
import { firstAnswerDue } from "~/components/idea/idea-page-data.server";
import { MyDraftCard, MyIdeaCard } from "~/components/idea/my-idea-cards";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { primaryButtonClass } from "~/modules/auth/form-feedback";
import { listMyIdeas } from "~/modules/ideas/list-my-ideas.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

/** ?kladd=lagret, ?kladd=slettet, ?trukket=1: what the previous step did. */
function flashFor(search: URLSearchParams): string | null {
  const draft = search.get("kladd");
  if (draft === "lagret") return "flash.draftSaved";
  if (draft === "slettet") return "flash.draftDeleted";
  if (search.has("trukket")) return "flash.withdrawn";
  return null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const { ideas, drafts } = await listMyIdeas({ user });
  const now = new Date();
  return {
    title: t("list.title", { ns: "my-ideas" }),
    flash: flashFor(new URL(request.url).searchParams),
    ideas: ideas.map((idea) => ({
      publicId: idea.publicId,
      title: idea.title,
      status: idea.status,
      networkName: idea.networkName,
      submittedAt: displayDate(idea.submittedAt, locale),
      due: firstAnswerDue(idea.status, idea.firstAnswerDueAt, locale, now),
      onBehalfOfName: idea.onBehalfOfName,
    })),
    drafts: drafts.map((draft) => ({ id: draft.id, title: draft.title, updatedAt: displayDate(draft.updatedAt, locale, true) })),
  };
}

export default function MyIdeasPage() {
  const { ideas, drafts, flash } = useLoaderData<typeof loader>();
  const { t } = useTranslation("my-ideas");
  const empty = ideas.length === 0 && drafts.length === 0;
  return (
    <div className="max-w-3xl">
      <FlashMessage messageKey={flash} />
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t("list.title")}</h1>
        {empty ? null : (
          <Link to="/ideer/ny" className={`${primaryButtonClass} no-underline hover:text-white`}>
            {t("list.newIdea")}
          </Link>
        )}
      </div>
      <p className="mt-2 text-lg">{t("list.intro")}</p>

      {empty ? (
        <section aria-labelledby="empty-heading" className="mt-8 rounded-lg border-l-4 border-brand-700 bg-brand-50 p-5">
          <h2 id="empty-heading" className="text-xl font-bold text-brand-900">
            {t("list.emptyTitle")}
          </h2>
          <p className="mt-2">{t("list.emptyText")}</p>
          <p className="mt-4">
            <Link to="/ideer/ny" className={`${primaryButtonClass} no-underline hover:text-white`}>
              {t("list.newIdea")}
            </Link>
          </p>
        </section>
      ) : (
        <>
          <section aria-labelledby="ideas-heading" className="mt-8">
            <h2 id="ideas-heading" className="text-2xl font-bold">
              {t("list.submittedHeading", { count: ideas.length })}
            </h2>
            {ideas.length === 0 ? (
              <p className="mt-2">{t("list.noSubmitted")}</p>
            ) : (
              <ul className="mt-4 space-y-4" aria-labelledby="ideas-heading">
                {ideas.map((idea) => (
                  <li key={idea.publicId}>
                    <MyIdeaCard idea={idea} />
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="drafts-heading" className="mt-10">
            <h2 id="drafts-heading" className="text-2xl font-bold">
              {t("drafts.heading", { count: drafts.length })}
            </h2>
            {drafts.length === 0 ? (
              <p className="mt-2">{t("drafts.none")}</p>
            ) : (
              <>
                <p className="mt-2">{t("drafts.intro")}</p>
                <ul className="mt-4 space-y-4" aria-labelledby="drafts-heading">
                  {drafts.map((draft) => (
                    <li key={draft.id}>
                      <MyDraftCard draft={draft} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
