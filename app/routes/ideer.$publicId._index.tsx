import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadCocreation } from "~/components/comments/cocreation-data.server";
import { CocreationSections } from "~/components/comments/cocreation-sections";
import { readPageHandle } from "~/components/hydration";
import { ContestSection, RateAnswerForm } from "~/components/idea/answer-feedback";
import { DueDateNotice } from "~/components/idea/due-date-notice";
import { CocreatorsSection } from "~/components/idea/cocreators-section";
import { FlashMessage } from "~/components/idea/flash-message";
import { IdeaAnswers, SimilarIdeas, SupportByOrganisation } from "~/components/idea/idea-answers";
import { IdeaAttachments } from "~/components/idea/idea-attachments";
import { IdeaFacts } from "~/components/idea/idea-facts";
import { loadIdeaPage } from "~/components/idea/idea-page-data.server";
import { IdeaStatusBadge } from "~/components/idea/idea-status-badge";
import { IdeaStoriesSection, InspiredByStory } from "~/components/idea/idea-stories-section";
import { IdeaTimeline } from "~/components/idea/idea-timeline";
import { RoutingExplanation } from "~/components/idea/routing-explanation";
import { SupportForm } from "~/components/idea/support-form";
import { pageTitle } from "~/components/page-title";
import { RichTextContent } from "~/components/rich-text-editor/rich-text-content";
import { requireUser } from "~/modules/auth/current-user.server";
import { primaryButtonClass, secondaryButtonClass } from "~/modules/auth/form-feedback";
import { findMergedFrom, findMergeTarget } from "~/modules/merge/find-merge-target.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { loadAnswerFeedbackView } from "~/modules/triage/answer-feedback-view.server";

export const handle = readPageHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.idea.title);

const flashes: Record<string, string> = {
  endret: "flash.edited",
  kontakt: "cocreation:flash.contactTakenOver",
  vurdert: "triage:feedback.flashRated",
  bestridt: "triage:feedback.flashContested",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user);
  const publicId = params.publicId ?? "";
  const search = new URL(request.url).searchParams;
  // A merged idea lives on in the idea it was merged into (when the reader may see that one).
  const target = await findMergeTarget({ user, publicId });
  if (target) {
    const next = new URLSearchParams({ "slatt-sammen": publicId });
    if (search.get("stotte") === "stengt") next.set("stotte", "stengt");
    throw redirect(`/ideer/${encodeURIComponent(target.publicId)}?${next}`, { status: 302 });
  }
  const idea = await loadIdeaPage({ user, publicId, locale });
  // The same 404 whether the idea does not exist or the reader may not see it.
  if (!idea) throw new Response(null, { status: 404 });
  const flashKey = Object.keys(flashes).find((name) => search.has(name));
  const cocreation = await loadCocreation({ user, publicId: idea.publicId, locale });
  const fromPublicId = search.get("slatt-sammen");
  const mergedFrom = fromPublicId ? await findMergedFrom({ user, fromPublicId: fromPublicId.slice(0, 40), intoIdeaId: idea.id }) : null;
  const supportClosed = search.get("stotte") === "stengt";
  // The submitter's "was this clear?" and "contest the decision" forms.
  const feedback = idea.isMine ? await loadAnswerFeedbackView({ user, idea, locale }) : null;
  return { idea, flash: flashKey ? flashes[flashKey] : null, cocreation, mergedFrom, supportClosed, feedback };
}

export default function IdeaPage() {
  const { idea, flash, cocreation, mergedFrom, supportClosed, feedback } = useLoaderData<typeof loader>();
  const { t } = useTranslation("my-ideas");
  const { t: tc } = useTranslation("cocreation");
  const ideaPath = `/ideer/${encodeURIComponent(idea.publicId)}`;
  return (
    <article className="max-w-3xl" aria-labelledby="idea-title">
      <FlashMessage messageKey={flash} />
      {mergedFrom || supportClosed ? (
        <div className="mb-6 rounded-md border-l-4 border-brand-700 bg-brand-50 p-4 font-medium" data-testid="merge-notice">
          {mergedFrom ? <p>{tc("merge.redirected", { publicId: mergedFrom.publicId, title: mergedFrom.title })}</p> : null}
          {supportClosed ? (
            <p>{mergedFrom ? tc("merge.supportHere") : idea.status === "withdrawn" ? tc("support.closedWithdrawn") : tc("support.closedMerged")}</p>
          ) : null}
        </div>
      ) : null}
      <p className="text-sm font-semibold text-slate-700">
        <span className="sr-only">{t("page.number")} </span>
        {idea.publicId}
      </p>
      <h1 id="idea-title" className="mt-1 text-3xl font-bold break-words">
        {idea.title}
      </h1>
      <InspiredByStory story={idea.inspiredBy} />

      <section aria-labelledby="status-heading" className="mt-4 rounded-lg border border-slate-300 p-4">
        <h2 id="status-heading" className="sr-only">
          {t("page.statusHeading")}
        </h2>
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-semibold">{t("page.status")}</span>
          <IdeaStatusBadge status={idea.status} />
        </p>
        {idea.due ? <DueDateNotice due={idea.due} className="mt-2 text-lg" /> : null}
        {idea.nextDue ? (
          <p className={`mt-2 text-lg ${idea.nextDue.overdue ? "font-semibold text-danger-700" : ""}`} data-testid="next-due">
            {idea.nextDue.overdue ? <span aria-hidden="true">⚠ </span> : null}
            {idea.nextDue.overdue ? tc("due.nextOverdue") : tc("due.next")} <time dateTime={idea.nextDue.date.iso}>{idea.nextDue.date.text}</time>
          </p>
        ) : null}
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
        {idea.canTriage ? (
          <p className="mt-4">
            <Link to={`${ideaPath}/behandle`} className={`${secondaryButtonClass} no-underline`}>
              {tc("triageLink")}
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="answers-heading" className="mt-8">
        <h2 id="answers-heading" className="text-2xl font-bold">
          {tc("answers.heading")}
        </h2>
        <div className="mt-3">
          <IdeaAnswers
            answers={idea.answers}
            extra={
              feedback ? (answerId) => <RateAnswerForm publicId={idea.publicId} answerId={answerId} rating={feedback.ratings[answerId] ?? null} /> : undefined
            }
          />
        </div>
        {feedback ? <ContestSection publicId={idea.publicId} contest={feedback.contest} canContest={feedback.canContest} /> : null}
      </section>

      <IdeaStoriesSection publicId={idea.publicId} stories={idea.stories} canWriteStory={idea.canWriteStory} />

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
          {idea.contactVacant ? tc("contact.formerEmployee") : idea.submitter ? idea.submitter.displayName : <em>{t("page.nameHidden")}</em>}
          {idea.submitter?.onBehalfOfName ? ` ${t("page.onBehalfOf", { name: idea.submitter.onBehalfOfName })}` : null}
        </p>
        <p>{idea.organisationName}</p>
        {idea.isMine && idea.hideName ? <p className="mt-1 text-sm text-slate-700">{t("page.nameHiddenForOthers")}</p> : null}
        {idea.contactVacant ? <p className="mt-2">{tc("contact.vacant")}</p> : null}
        {idea.canTakeOver ? (
          <Form method="post" action={`${ideaPath}/overta`} className="mt-2">
            <button type="submit" className={primaryButtonClass}>
              {tc("contact.takeOver")}
            </button>
          </Form>
        ) : null}
      </section>

      <CocreatorsSection idea={idea} />

      <section aria-labelledby="attachments-heading" className="mt-8">
        <h2 id="attachments-heading" className="text-2xl font-bold">
          {t("page.attachments")}
        </h2>
        <div className="mt-2">
          <IdeaAttachments publicId={idea.publicId} attachments={idea.attachments} />
        </div>
        {idea.canEdit ? (
          <p className="mt-2">
            <Link to={`/ideer/${encodeURIComponent(idea.publicId)}/vedlegg`}>{t("manageAttachments.manageLink")}</Link>
          </p>
        ) : null}
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
        <SupportByOrganisation rows={idea.supportByOrganisation} />
      </section>

      {cocreation ? <CocreationSections data={cocreation} /> : null}

      <section aria-labelledby="similar-heading" className="mt-8">
        <h2 id="similar-heading" className="text-2xl font-bold">
          {tc("similar.heading")}
        </h2>
        <div className="mt-2">
          <SimilarIdeas ideas={idea.similar} />
        </div>
      </section>

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
