import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { mapTriageErrors } from "./triage-db-errors.server";

/**
 * Sets the idea's owner (ansvarlig), or clears it with null. The database checks membership and
 * records the change and the e-mail to the new owner (outbox kind 'idea_assigned').
 */
export async function assignIdeaOwner(options: { user: SessionUser; ideaId: string; ownerId: string | null }) {
  return mapTriageErrors(() =>
    withUser(options.user, async (trx) => {
      const idea = await trx.selectFrom("ideas").select(["id", "network_id", "owner_id"]).where("id", "=", options.ideaId).executeTakeFirst();
      if (!idea) throw new AppError("idea_not_found");
      if (options.ownerId) {
        const member = await trx
          .selectFrom("network_members")
          .select("profile_id")
          .where("network_id", "=", idea.network_id)
          .where("profile_id", "=", options.ownerId)
          .executeTakeFirst();
        if (!member) throw new AppError("owner_not_member");
      }
      const updated = await trx.updateTable("ideas").set({ owner_id: options.ownerId }).where("id", "=", idea.id).executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError("not_network_member");
      return { ownerId: options.ownerId };
    }),
  );
}
