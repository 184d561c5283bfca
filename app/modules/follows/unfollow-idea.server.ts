import { withUser, type SessionUser } from "~/db/client.server";

/** Stop following; also for submitters and commenters, who follow by default. Harmless when not following. */
export async function unfollowIdea(options: { user: SessionUser; ideaId: string }) {
  await withUser(options.user, (trx) =>
    trx.deleteFrom("idea_follows").where("idea_id", "=", options.ideaId).where("profile_id", "=", options.user.id).execute(),
  );
}
