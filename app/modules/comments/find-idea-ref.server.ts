import { withUser, type SessionUser } from "~/db/client.server";

/** An idea's id by its public number, if the user can see it. */
export async function findIdeaRef(options: { user: SessionUser; publicId: string }) {
  return withUser(options.user, (trx) =>
    trx.selectFrom("ideas").select(["id", "public_id as publicId"]).where("public_id", "=", options.publicId).executeTakeFirst(),
  );
}
