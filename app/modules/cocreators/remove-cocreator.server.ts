import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";

/** Withdraw your own request, leave as a co-creator, or (the submitter) remove someone. */
export async function removeCocreator(options: { user: SessionUser; ideaId: string; cocreatorId: string }) {
  await withUser(options.user, async (trx) => {
    const deleted = await trx
      .deleteFrom("idea_cocreators")
      .where("id", "=", options.cocreatorId)
      .where("idea_id", "=", options.ideaId)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw new AppError("cocreator_not_found");
  });
}
