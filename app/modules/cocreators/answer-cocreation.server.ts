import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { cocreatorDbError } from "./cocreator-db-errors.server";

/** A request is answered by the idea's submitter, an invitation by the invitee (the database checks who). */
export async function answerCocreation(options: { user: SessionUser; ideaId: string; cocreatorId: string; accept: boolean }) {
  try {
    await withUser(options.user, async (trx) => {
      const row = await trx
        .selectFrom("idea_cocreators")
        .select(["id", "status"])
        .where("id", "=", options.cocreatorId)
        .where("idea_id", "=", options.ideaId)
        .executeTakeFirst();
      if (!row) throw new AppError("cocreator_not_found");
      if (row.status !== "pending") throw new AppError("cocreator_already_answered");
      const updated = await trx
        .updateTable("idea_cocreators")
        .set({ status: options.accept ? "accepted" : "declined" })
        .where("id", "=", row.id)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new AppError("not_allowed");
    });
  } catch (error) {
    throw cocreatorDbError(error);
  }
}
