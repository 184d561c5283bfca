import { withUser, type SessionUser } from "~/db/client.server";
import { mapAnswerFeedbackErrors } from "./answer-feedback-errors.server";

/**
 * The submitter contests a decision not to prioritise the idea, once. The database reopens the
 * idea, restarts the answer clock, records the timeline and notifies the network in the same
 * transaction.
 */
export async function contestDecision(options: { user: SessionUser; ideaId: string; body: string }) {
  return mapAnswerFeedbackErrors(() =>
    withUser(options.user, (trx) =>
      trx.insertInto("idea_contests").values({ idea_id: options.ideaId, body: options.body }).returning(["id"]).executeTakeFirstOrThrow(),
    ),
  );
}
