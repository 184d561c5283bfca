import { withUser, type SessionUser } from "~/db/client.server";
import { mapTriageErrors } from "./triage-db-errors.server";

/** A note for the network only; the submitter and other employees never see it. */
export async function addInternalNote(options: { user: SessionUser; ideaId: string; body: string }) {
  return mapTriageErrors(() =>
    withUser(options.user, (trx) =>
      trx.insertInto("idea_internal_notes").values({ idea_id: options.ideaId, author_id: options.user.id, body: options.body }).returning("id").executeTakeFirstOrThrow(),
    ),
  );
}
