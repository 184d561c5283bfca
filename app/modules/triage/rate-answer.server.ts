import { withUser, type SessionUser } from "~/db/client.server";
import { mapAnswerFeedbackErrors } from "./answer-feedback-errors.server";

/**
 * The submitter says whether an answer was clear, once per answer. The database checks who may
 * rate and tells the network about an unclear answer in the same transaction.
 */
export async function rateAnswer(options: { user: SessionUser; answerId: string; clear: boolean; comment?: string | null }) {
  return mapAnswerFeedbackErrors(() =>
    withUser(options.user, (trx) =>
      trx
        .insertInto("idea_answer_feedback")
        .values({ answer_id: options.answerId, clear: options.clear, comment: options.comment?.trim() || null })
        .returning(["id"])
        .executeTakeFirstOrThrow(),
    ),
  );
}
