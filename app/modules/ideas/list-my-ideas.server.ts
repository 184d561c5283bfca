import { withUser, type SessionUser } from "~/db/client.server";
import type { IdeaStatus } from "~/db/schema";

export type MyIdea = {
  id: string;
  publicId: string;
  title: string;
  status: IdeaStatus;
  networkName: string;
  submittedAt: Date;
  firstAnswerDueAt: Date;
  updatedAt: Date;
  onBehalfOfName: string | null;
};
export type MyDraft = { id: string; title: string; updatedAt: Date };

/** "Mine forslag": the user's submitted ideas (newest first) and unfinished drafts. */
export async function listMyIdeas(options: { user: SessionUser }): Promise<{ ideas: MyIdea[]; drafts: MyDraft[] }> {
  return withUser(options.user, async (trx) => {
    const ideas = await trx
      .selectFrom("idea_submitters")
      .innerJoin("ideas", "ideas.id", "idea_submitters.idea_id")
      .innerJoin("networks", "networks.id", "ideas.network_id")
      .select([
        "ideas.id",
        "ideas.public_id",
        "ideas.title",
        "ideas.status",
        "networks.name as network_name",
        "ideas.submitted_at",
        "ideas.first_answer_due_at",
        "ideas.updated_at",
        "idea_submitters.on_behalf_of_name",
      ])
      .where("idea_submitters.submitter_id", "=", options.user.id)
      .orderBy("ideas.submitted_at", "desc")
      .execute();
    const drafts = await trx
      .selectFrom("idea_drafts")
      .select(["id", "title", "updated_at"])
      .where("owner_id", "=", options.user.id)
      .orderBy("updated_at", "desc")
      .execute();
    return {
      ideas: ideas.map((r) => ({
        id: r.id,
        publicId: r.public_id,
        title: r.title,
        status: r.status,
        networkName: r.network_name,
        submittedAt: r.submitted_at,
        firstAnswerDueAt: r.first_answer_due_at,
        updatedAt: r.updated_at,
        onBehalfOfName: r.on_behalf_of_name,
      })),
      drafts: drafts.map((d) => ({ id: d.id, title: d.title, updatedAt: d.updated_at })),
    };
  });
}
