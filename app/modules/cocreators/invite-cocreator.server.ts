import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { cocreatorDbError } from "./cocreator-db-errors.server";

/** The submitter invites a known user by e-mail; the invitee is told and answers. */
export async function inviteCocreator(options: { user: SessionUser; ideaId: string; email: string }) {
  try {
    return await withUser(options.user, async (trx) => {
      const { rows } = await sql<{ id: string | null }>`select app_private.invitee_profile_id(${options.ideaId}, ${options.email}) as id`.execute(trx);
      const inviteeId = rows[0]?.id ?? null;
      if (!inviteeId) throw new AppError("cocreator_unknown_email", { email: options.email });
      if (inviteeId === options.user.id) throw new AppError("cocreator_is_submitter");
      const inserted = await trx
        .insertInto("idea_cocreators")
        .values({ idea_id: options.ideaId, profile_id: inviteeId, kind: "invitation" })
        .onConflict((oc) => oc.columns(["idea_id", "profile_id"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) throw new AppError("cocreator_exists");
      return { cocreatorId: inserted.id };
    });
  } catch (error) {
    throw cocreatorDbError(error);
  }
}
