import { withUser, type SessionUser } from "~/db/client.server";

/** Users matching a name or e-mail fragment (platform admins see everyone). */
export async function listUsers(options: { user: SessionUser; query: string; limit?: number }) {
  const q = options.query.trim().toLowerCase();
  return withUser(options.user, (trx) => {
    let query = trx
      .selectFrom("profiles as p")
      .innerJoin("organisations as o", "o.id", "p.organisation_id")
      .select(["p.id", "p.full_name", "p.email", "p.platform_role", "o.name as organisation_name"])
      .orderBy("p.full_name")
      .limit(options.limit ?? 50);
    if (q) {
      const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([eb("p.email", "like", pattern), eb(eb.fn("lower", ["p.full_name"]), "like", pattern)]));
    } else {
      query = query.where("p.platform_role", "<>", "employee");
    }
    return query.execute();
  });
}
