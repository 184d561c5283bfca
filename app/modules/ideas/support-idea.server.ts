import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";

/** "Jeg støtter dette": once per person; supporting twice is harmless. */
export async function supportIdea(options: { user: SessionUser; ideaId: string }) {
  return withUser(options.user, async (trx) => {
    const idea = await trx.selectFrom("ideas").select(["id", "status", "public_id"]).where("id", "=", options.ideaId).executeTakeFirst();
    if (!idea) throw new AppError("idea_not_found");
    if (idea.status === "merged" || idea.status === "withdrawn") throw new AppError("idea_closed_for_support");
    await trx
      .insertInto("idea_supports")
      .values({ idea_id: idea.id, profile_id: options.user.id })
      .onConflict((oc) => oc.columns(["idea_id", "profile_id"]).doNothing())
      .execute();
    return { publicId: idea.public_id };
  });
}

export async function withdrawSupport(options: { user: SessionUser; ideaId: string }) {
  await withUser(options.user, (trx) =>
    trx.deleteFrom("idea_supports").where("idea_id", "=", options.ideaId).where("profile_id", "=", options.user.id).execute(),
  );
}
