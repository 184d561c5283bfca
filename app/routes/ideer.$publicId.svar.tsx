import { parseWithZod } from "@conform-to/zod";
import { data as respond, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ContestSection, RateAnswerForm, type FeedbackReply } from "~/components/idea/answer-feedback";
import { IdeaAnswers } from "~/components/idea/idea-answers";
import { loadIdeaPage } from "~/components/idea/idea-page-data.server";
import { IdeaPageHeading } from "~/components/idea/idea-page-heading";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser, type CurrentUser } from "~/modules/auth/current-user.server";
import { getIdea } from "~/modules/ideas/get-idea.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { AnswerFeedbackSchema } from "~/modules/triage/answer-feedback-schemas";
import { loadAnswerFeedbackView } from "~/modules/triage/answer-feedback-view.server";
import { contestDecision } from "~/modules/triage/contest-decision.server";
import { rateAnswer } from "~/modules/triage/rate-answer.server";
import { isAppError } from "~/utils/app-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

/** Only the submitter's own idea; anyone else gets the same 404 as for an idea that does not exist. */
async function loadOwnIdea(user: CurrentUser, publicId: string | undefined) {
  const idea = await getIdea({ user, publicId: publicId ?? "" });
  if (!idea || !idea.isMine) throw new Response(null, { status: 404 });
  return idea;
}

/** The submitter's answers with their feedback forms; where a refused form is shown again, with what was typed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const own = await loadOwnIdea(user, params.publicId);
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const idea = await loadIdeaPage({ user, publicId: own.publicId, locale });
  if (!idea) throw new Response(null, { status: 404 });
  const feedback = await loadAnswerFeedbackView({ user, idea: own, locale });
  return { title: t("feedback.pageTitle", { ns: "triage" }), idea: { publicId: idea.publicId, title: idea.title, answers: idea.answers }, feedback };
}

const refusals = new Set(["already_rated", "already_contested", "not_contestable", "not_submitter", "answer_not_found"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const idea = await loadOwnIdea(user, params.publicId);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: AnswerFeedbackSchema });
  const intent = formData.get("intent");
  const formId = intent === "rate" ? `rate-${String(formData.get("answerId") ?? "")}` : "contest";
  const refuse = (status: number, formErrors?: string[]) =>
    respond({ formId, result: submission.reply(formErrors ? { formErrors } : undefined) } satisfies FeedbackReply, { status });
  if (submission.status !== "success") return refuse(400, intent === "rate" || intent === "contest" ? undefined : ["triage:feedback.errors.invalid"]);
  const ideaPath = `/ideer/${encodeURIComponent(idea.publicId)}`;
  try {
    if (submission.value.intent === "rate") {
      await rateAnswer({ user, answerId: submission.value.answerId, clear: submission.value.clear === "yes", comment: submission.value.comment ?? null });
      throw redirect(`${ideaPath}?vurdert=1#answers-heading`, { status: 303 });
    }
    await contestDecision({ user, ideaId: idea.id, body: submission.value.body });
    throw redirect(`${ideaPath}?bestridt=1`, { status: 303 });
  } catch (error) {
    if (isAppError(error) && refusals.has(error.code)) return refuse(409, [`triage:feedback.errors.${error.code}`]);
    throw error;
  }
}

export default function AnswerFeedbackPage() {
  const { title, idea, feedback } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation("triage");
  return (
    <div className="max-w-3xl">
      <IdeaPageHeading heading={title} publicId={idea.publicId} title={idea.title} />
      <div className="mt-6">
        <IdeaAnswers
          answers={idea.answers}
          extra={(answerId) => <RateAnswerForm publicId={idea.publicId} answerId={answerId} rating={feedback.ratings[answerId] ?? null} reply={reply} />}
        />
      </div>
      <ContestSection publicId={idea.publicId} contest={feedback.contest} canContest={feedback.canContest} reply={reply} />
      <p className="mt-8">
        <Link to={`/ideer/${encodeURIComponent(idea.publicId)}`}>{t("feedback.backToIdea")}</Link>
      </p>
    </div>
  );
}
