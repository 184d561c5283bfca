import { withUser, type SessionUser } from "~/db/client.server";
import type { Locale } from "~/db/schema";
import { describeRouting, type RoutingDescription } from "./describe-routing.server";

/** "Sendt til … fordi …" for an idea the user may see; null if they may not. */
export async function describeIdeaRouting(options: { user: SessionUser; ideaId: string; locale: Locale }): Promise<RoutingDescription | null> {
  return withUser(options.user, async (trx) => {
    const idea = await trx
      .selectFrom("ideas")
      .select(["network_id", "organisation_id", "routing_explanation"])
      .where("id", "=", options.ideaId)
      .executeTakeFirst();
    if (!idea) return null;
    return describeRouting(trx, {
      networkId: idea.network_id,
      organisationId: idea.organisation_id,
      explanation: idea.routing_explanation,
      locale: options.locale,
    });
  });
}
