import { withUser, type SessionUser, type Trx } from "~/db/client.server";

export type StoryForReview = { slug: string; title: string; organisationName: string; networkName: string; submittedAt: Date | null };
type Reviewer = SessionUser & { platformRole: string; networks: { id: string; role: string }[] };

/** Stories waiting for a decision in the networks where the user is a coordinator (all, for admins). */
export async function listReviewQueue(options: { user: Reviewer }): Promise<StoryForReview[]> {
  const { user } = options;
  if (!reviewsStories(user)) return [];
  return withUser(user, (trx) => readReviewQueue(trx, user));
}

function coordinatedNetworkIds(user: Reviewer): string[] {
  return user.networks.filter((n) => n.role === "coordinator").map((n) => n.id);
}

function reviewsStories(user: Reviewer): boolean {
  return user.platformRole === "admin" || coordinatedNetworkIds(user).length > 0;
}

/** listReviewQueue on the caller's transaction (as that user); nothing is read for someone who reviews nothing. */
export async function readReviewQueue(trx: Trx, user: Reviewer): Promise<StoryForReview[]> {
  if (!reviewsStories(user)) return [];
  let query = trx
    .selectFrom("stories")
    .innerJoin("organisations", "organisations.id", "stories.organisation_id")
    .innerJoin("networks", "networks.id", "stories.network_id")
    .select(["stories.slug", "stories.title", "organisations.name as organisation_name", "networks.name as network_name", "stories.submitted_at"])
    .where("stories.status", "=", "ready_for_review");
  if (user.platformRole !== "admin") query = query.where("stories.network_id", "in", coordinatedNetworkIds(user));
  const rows = await query.orderBy("stories.submitted_at").limit(100).execute();
  return rows.map((r) => ({ slug: r.slug, title: r.title, organisationName: r.organisation_name, networkName: r.network_name, submittedAt: r.submitted_at }));
}
