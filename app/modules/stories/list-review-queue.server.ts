import { withUser, type SessionUser } from "~/db/client.server";

export type StoryForReview = { slug: string; title: string; organisationName: string; networkName: string; submittedAt: Date | null };

/** Stories waiting for a decision in the networks where the user is a coordinator (all, for admins). */
export async function listReviewQueue(options: { user: SessionUser & { platformRole: string; networks: { id: string; role: string }[] } }): Promise<StoryForReview[]> {
  const { user } = options;
  const networkIds = user.networks.filter((n) => n.role === "coordinator").map((n) => n.id);
  if (user.platformRole !== "admin" && networkIds.length === 0) return [];
  return withUser(user, async (trx) => {
    let query = trx
      .selectFrom("stories")
      .innerJoin("organisations", "organisations.id", "stories.organisation_id")
      .innerJoin("networks", "networks.id", "stories.network_id")
      .select(["stories.slug", "stories.title", "organisations.name as organisation_name", "networks.name as network_name", "stories.submitted_at"])
      .where("stories.status", "=", "ready_for_review");
    if (user.platformRole !== "admin") query = query.where("stories.network_id", "in", networkIds);
    const rows = await query.orderBy("stories.submitted_at").limit(100).execute();
    return rows.map((r) => ({ slug: r.slug, title: r.title, organisationName: r.organisation_name, networkName: r.network_name, submittedAt: r.submitted_at }));
  });
}
