import { displayDate } from "~/components/idea/idea-dates";
import type { SessionUser } from "~/db/client.server";
import type { IdeaStatus, Locale } from "~/db/schema";
import { getAnswerFeedback } from "./get-answer-feedback.server";

/** What the submitter's feedback forms need: ratings by answer, the contest, and whether one is still possible. */
export async function loadAnswerFeedbackView(options: { user: SessionUser; idea: { id: string; status: IdeaStatus }; locale: Locale }) {
  const { ratings, contest } = await getAnswerFeedback({ user: options.user, ideaId: options.idea.id });
  return {
    ratings: Object.fromEntries(ratings.map((r) => [r.answerId, { clear: r.clear, comment: r.comment }])),
    contest: contest ? { body: contest.body, date: displayDate(contest.createdAt, options.locale) } : null,
    canContest: !contest && options.idea.status === "not_prioritised",
  };
}
