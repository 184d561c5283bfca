import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";

/** Follow an idea you can see; following twice is harmless. */
export async function followIdea(options: { user: SessionUser; ideaId: string }) {
  return withUser(options.user, async (trx) => {
    const idea = await trx.selectFrom("ideas").select(["id", "public_id"]).where("id", "=", options.ideaId).executeTakeFirst();
    if (!idea) throw new AppError("idea_not_found");
    await trx
      .insertInto("idea_follows")
      .values({ idea_id: idea.id, profile_id: options.user.id })
      .onConflict((oc) => oc.columns(["idea_id", "profile_id"]).doNothing())
      .execute();
    return { publicId: idea.public_id };
  });
}
