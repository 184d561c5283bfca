import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadCocreation } from "~/components/comments/cocreation-data.server";
import { CocreationSections } from "~/components/comments/cocreation-sections";
import { DueDateNotice } from "~/components/idea/due-date-notice";
import { FlashMessage } from "~/components/idea/flash-message";
import { IdeaAttachments } from "~/components/idea/idea-attachments";
import { IdeaFacts } from "~/components/idea/idea-facts";
import { loadIdeaPage } from "~/components/idea/idea-page-data.server";
import { IdeaStatusBadge } from "~/components/idea/idea-status-badge";
import { IdeaTimeline } from "~/components/idea/idea-timeline";
import { RoutingExplanation } from "~/components/idea/routing-explanation";
import { SupportForm } from "~/components/idea/support-form";
import { pageTitle } from "~/components/page-title";
import { RichTextContent } from "~/components/rich-text-editor/rich-text-content";
import { requireUser } from "~/modules/auth/current-user.server";
import { primaryButtonClass, secondaryButtonClass } from "~/modules/auth/form-feedback";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.idea.title);

const flashes: Record<string, string> = { endret: "flash.edited" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user);
  const idea = await loadIdeaPage({ user, publicId: params.publicId ?? "", locale });
  // The same 404 whether the idea does not exist or the reader may not see it.
  if (!idea) throw new Response(null, { status: 404 });
  const search = new URL(request.url).searchParams;
  const flashKey = Object.keys(flashes).find((name) => search.has(name));
  const cocreation = await loadCocreation({ user, publicId: idea.publicId, locale });
  return { idea, flash: flashKey ? flashes[flashKey] : null, cocreation };
}

export default function IdeaPage() {
  const { idea, flash, cocreation } = useLoaderData<typeof loader>();
  const { t } = useTranslation("my-ideas");
  const ideaPath = `/ideer/${encodeURIComponent(idea.publicId)}`;
  return (
    <article className="max-w-3xl" aria-labelledby="idea-title">
      <FlashMessage messageKey={flash} />
      <p className="text-sm font-semibold text-slate-700">
        <span className="sr-only">{t("page.number")} </span>
        {idea.publicId}
      </p>
      <h1 id="idea-title" className="mt-1 text-3xl font-bold break-words">
        {idea.title}
      </h1>

      <section aria-labelledby="status-heading" className="mt-4 rounded-lg border border-slate-300 p-4">
        <h2 id="status-heading" className="sr-only">
          {t("page.statusHeading")}
        </h2>
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-semibold">{t("page.status")}</span>
          <IdeaStatusBadge status={idea.status} />
        </p>
        {idea.due ? <DueDateNotice due={idea.due} className="mt-2 text-lg" /> : null}
        <p className="mt-2 text-slate-700">
          {t("page.submittedOn")} <time dateTime={idea.submittedAt.iso}>{idea.submittedAt.text}</time>
        </p>
        {idea.status === "withdrawn" && idea.withdrawnReason ? (
          <p className="mt-2">
            <span className="font-semibold">{t("page.withdrawnReason")}</span> <span className="whitespace-pre-line">{idea.withdrawnReason}</span>
          </p>
        ) : null}
        {idea.canEdit || idea.canWithdraw ? (
          <div className="mt-4 flex flex-wrap gap-3">
            {idea.canEdit ? (
              <Link to={`${ideaPath}/rediger`} className={`${primaryButtonClass} no-underline hover:text-white`}>
                {t("page.edit")}
              </Link>
            ) : null}
            {idea.canWithdraw ? (
              <Link to={`${ideaPath}/trekk`} className={`${secondaryButtonClass} no-underline`}>
                {t("page.withdraw")}
              </Link>
            ) : null}
          </div>
        ) : null}
        {idea.isMine && !idea.canEdit && idea.canWithdraw ? <p className="mt-2 text-sm text-slate-700">{t("page.noLongerEditable")}</p> : null}
      </section>

      <div className="mt-6">
        <RoutingExplanation networkName={idea.routing.networkName} reasons={idea.routing.reasons} headingId="routing-heading" />
      </div>

      <section aria-labelledby="problem-heading" className="mt-8">
        <h2 id="problem-heading" className="text-2xl font-bold">
          {t("page.problem")}
        </h2>
        <p className="mt-2 whitespace-pre-line break-words">{idea.problem}</p>
      </section>

      <section aria-labelledby="proposal-heading" className="mt-8">
        <h2 id="proposal-heading" className="text-2xl font-bold">
          {t("page.proposal")}
        </h2>
        <RichTextContent html={idea.proposalHtml} className="mt-2 break-words" />
      </section>

      {idea.stopDoing ? (
        <section aria-labelledby="stop-heading" className="mt-8">
          <h2 id="stop-heading" className="text-2xl font-bold">
            {t("page.stopDoing")}
          </h2>
          <p className="mt-2 whitespace-pre-line break-words">{idea.stopDoing}</p>
        </section>
      ) : null}

      <section aria-labelledby="facts-heading" className="mt-8">
        <h2 id="facts-heading" className="text-2xl font-bold">
          {t("page.about")}
        </h2>
        <div className="mt-3">
          <IdeaFacts idea={idea} />
        </div>
      </section>

      <section aria-labelledby="submitter-heading" className="mt-8">
        <h2 id="submitter-heading" className="text-2xl font-bold">
          {t("page.submittedBy")}
        </h2>
        <p className="mt-2" data-testid="submitter-name">
          {idea.submitter ? idea.submitter.displayName : <em>{t("page.nameHidden")}</em>}
          {idea.submitter?.onBehalfOfName ? ` ${t("page.onBehalfOf", { name: idea.submitter.onBehalfOfName })}` : null}
        </p>
        <p>{idea.organisationName}</p>
        {idea.isMine && idea.hideName ? <p className="mt-1 text-sm text-slate-700">{t("page.nameHiddenForOthers")}</p> : null}
      </section>

      <section aria-labelledby="attachments-heading" className="mt-8">
        <h2 id="attachments-heading" className="text-2xl font-bold">
          {t("page.attachments")}
        </h2>
        <div className="mt-2">
          <IdeaAttachments publicId={idea.publicId} attachments={idea.attachments} />
        </div>
      </section>

      <section aria-labelledby="support-heading" className="mt-8">
        <h2 id="support-heading" className="text-2xl font-bold">
          {t("page.support")}
        </h2>
        <div className="mt-2">
          <SupportForm
            publicId={idea.publicId}
            supportCount={idea.supportCount}
            supportedByMe={idea.supportedByMe}
            canSupport={idea.canSupport}
            redirectTo={ideaPath}
          />
        </div>
      </section>

      {cocreation ? <CocreationSections data={cocreation} /> : null}

      <section aria-labelledby="timeline-heading" className="mt-8">
        <h2 id="timeline-heading" className="text-2xl font-bold">
          {t("page.timeline")}
        </h2>
        <div className="mt-3">
          <IdeaTimeline events={idea.events} />
        </div>
      </section>

      {idea.isMine ? (
        <p className="mt-10">
          <Link to="/mine-forslag">{t("page.backToMyIdeas")}</Link>
        </p>
      ) : null}
    </article>
  );
}
