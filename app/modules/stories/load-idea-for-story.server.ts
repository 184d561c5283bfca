import { withUser, type SessionUser } from "~/db/client.server";

/**
 * The idea a new story is about, when the writer may write it (the idea is in Ny praksis and they
 * submitted it, work in its organisation or belong to its network); null otherwise.
 */
export async function loadIdeaForStory(options: { user: SessionUser; publicId: string }) {
  return withUser(options.user, async (trx) => {
    const idea = await trx
      .selectFrom("ideas")
      .select((eb) => [
        "ideas.id",
        "ideas.public_id",
        "ideas.title",
        "ideas.problem",
        "ideas.proposal_json",
        "ideas.stop_doing",
        "ideas.theme_id",
        "ideas.service_area_ids",
        eb.fn<boolean>("app_private.can_write_story_about_idea", ["ideas.id"]).as("allowed"),
      ])
      .where("ideas.public_id", "=", options.publicId)
      .executeTakeFirst();
    if (!idea || !idea.allowed) return null;
    return idea;
  });
}
