import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { mapTriageErrors } from "./triage-db-errors.server";

/**
 * Moves an idea to another network with a reason both networks and the submitter can read. The
 * deadline keeps running; the owner is cleared; the submitter is told (outbox 'idea_transferred').
 */
export async function transferIdea(options: { user: SessionUser; ideaId: string; fromNetworkId?: string; toNetworkId: string; reason: string }) {
  return mapTriageErrors(() =>
    withUser(options.user, async (trx) => {
      const idea = await trx.selectFrom("ideas").select(["id", "network_id"]).where("id", "=", options.ideaId).executeTakeFirst();
      if (!idea) throw new AppError("idea_not_found");
      if (options.fromNetworkId && options.fromNetworkId !== idea.network_id) throw new AppError("idea_stale");
      if (options.toNetworkId === idea.network_id) throw new AppError("same_network");
      const target = await trx.selectFrom("networks").select("id").where("id", "=", options.toNetworkId).executeTakeFirst();
      if (!target) throw new AppError("network_not_found");
      return trx
        .insertInto("idea_transfers")
        .values({ idea_id: idea.id, from_network_id: idea.network_id, to_network_id: target.id, reason: options.reason, transferred_by: options.user.id })
        .returning("id")
        .executeTakeFirstOrThrow();
    }),
  );
}
