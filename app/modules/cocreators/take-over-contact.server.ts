import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";
import { cocreatorDbError } from "./cocreator-db-errors.server";

/**
 * "Overta som kontaktperson": when the submitter's account is gone (idea_submitters.submitter_id
 * is null), a colleague in the idea's organisation becomes its contact person. The timeline
 * records it; answers go to them from now on.
 */
export async function takeOverIdeaContact(options: { user: SessionUser; ideaId: string }) {
  try {
    await withUser(options.user, (trx) => sql`select public.take_over_idea_contact(${options.ideaId})`.execute(trx));
  } catch (error) {
    throw cocreatorDbError(error);
  }
}
