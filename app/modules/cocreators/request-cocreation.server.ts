import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { cocreatorDbError } from "./cocreator-db-errors.server";

/**
 * "Be om å bli medskaper": the submitter is told (in-app and by e-mail) and answers. Asking again
 * while a request or invitation exists changes nothing (`created` is false).
 */
export async function requestCocreation(options: { user: SessionUser; ideaId: string; message?: string | null }) {
  const message = options.message?.trim() || null;
  if (message && message.length > 500) throw new AppError("message_too_long");
  try {
    return await withUser(options.user, async (trx) => {
      const inserted = await trx
        .insertInto("idea_cocreators")
        .values({ idea_id: options.ideaId, profile_id: options.user.id, kind: "request", message })
        .onConflict((oc) => oc.columns(["idea_id", "profile_id"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      return { created: inserted !== undefined };
    });
  } catch (error) {
    throw cocreatorDbError(error);
  }
}
