import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { CLOSED_STATUSES } from "./idea-vocabulary";

// The schema lives in a universal module so the form can use it in the browser too.
export { WithdrawIdeaSchema } from "./withdraw-idea-schema";

/** The submitter withdraws an open idea, with a reason the network sees; recorded on the timeline. */
export async function withdrawIdea(options: { user: SessionUser; ideaId: string; reason: string }) {
  return withUser(options.user, async (trx) => {
    const idea = await trx
      .selectFrom("ideas")
      .innerJoin("idea_submitters", "idea_submitters.idea_id", "ideas.id")
      .select(["ideas.id", "ideas.status", "ideas.public_id", "idea_submitters.submitter_id"])
      .where("ideas.id", "=", options.ideaId)
      .executeTakeFirst();
    if (!idea || idea.submitter_id !== options.user.id) throw new AppError("idea_not_found");
    if ((CLOSED_STATUSES as readonly string[]).includes(idea.status)) throw new AppError("idea_closed");
    await trx.updateTable("ideas").set({ status: "withdrawn", withdrawn_reason: options.reason }).where("id", "=", idea.id).execute();
    await trx
      .insertInto("idea_events")
      .values({ idea_id: idea.id, kind: "withdrawn", actor_id: options.user.id, data: JSON.stringify({ reason: options.reason }) })
      .execute();
    return { publicId: idea.public_id };
  });
}
