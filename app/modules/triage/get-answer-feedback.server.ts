import { withUser, type SessionUser } from "~/db/client.server";

export type AnswerRating = { answerId: string; clear: boolean; comment: string | null };
export type IdeaContest = { body: string; createdAt: Date };

/** Ratings of an idea's answers and its contest, as far as the reader may see them (RLS). */
export async function getAnswerFeedback(options: { user: SessionUser; ideaId: string }) {
  return withUser(options.user, async (trx) => {
    const ratings = await trx
      .selectFrom("idea_answer_feedback")
      .select(["answer_id", "clear", "comment"])
      .where("idea_id", "=", options.ideaId)
      .execute();
    const contest = await trx.selectFrom("idea_contests").select(["body", "created_at"]).where("idea_id", "=", options.ideaId).executeTakeFirst();
    return {
      ratings: ratings.map((r): AnswerRating => ({ answerId: r.answer_id, clear: r.clear, comment: r.comment })),
      contest: contest ? ({ body: contest.body, createdAt: contest.created_at } satisfies IdeaContest) : null,
    };
  });
}
