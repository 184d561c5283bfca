import { withUser, type SessionUser } from "~/db/client.server";

/**
 * Where a merged idea now lives, if the reader may see it: the idea page redirects there. Null when
 * the idea is not merged or the reader cannot see the idea it was merged into.
 */
export async function findMergeTarget(options: { user: SessionUser; publicId: string }): Promise<{ publicId: string } | null> {
  return withUser(options.user, async (trx) => {
    const row = await trx
      .selectFrom("ideas as a")
      .innerJoin("ideas as b", "b.id", "a.merged_into_id")
      .select("b.public_id")
      .where("a.public_id", "=", options.publicId)
      .where("a.status", "=", "merged")
      .executeTakeFirst();
    return row ? { publicId: row.public_id } : null;
  });
}

/** The idea the reader came from, if it really was merged into this one and they may see it. */
export async function findMergedFrom(options: {
  user: SessionUser;
  fromPublicId: string;
  intoIdeaId: string;
}): Promise<{ publicId: string; title: string } | null> {
  return withUser(options.user, async (trx) => {
    const row = await trx
      .selectFrom("ideas")
      .select(["public_id", "title"])
      .where("public_id", "=", options.fromPublicId)
      .where("merged_into_id", "=", options.intoIdeaId)
      .executeTakeFirst();
    return row ? { publicId: row.public_id, title: row.title } : null;
  });
}
