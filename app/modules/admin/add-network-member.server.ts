import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";
import type { NetworkRole } from "~/db/schema";
import { AppError } from "~/utils/app-error";
import { mapAdminErrors } from "./admin-db-errors.server";

/** Adds a known user (by e-mail, any organisation) to the network (admins and its coordinators). */
export async function addNetworkMember(options: { user: SessionUser; networkId: string; email: string; role: NetworkRole }) {
  return mapAdminErrors(() =>
    withUser(options.user, async (trx) => {
      const { rows } = await sql<{ id: string | null; may: boolean }>`
        select public.find_profile_for_network(${options.networkId}::uuid, ${options.email}) as id,
          app_private.is_platform_admin() or app_private.is_network_coordinator(${options.networkId}::uuid) as may`.execute(trx);
      if (!rows[0]?.may) throw new AppError("not_allowed");
      const profileId = rows[0].id;
      if (!profileId) throw new AppError("unknown_person", { email: options.email });
      await trx.insertInto("network_members").values({ network_id: options.networkId, profile_id: profileId, role: options.role }).execute();
      return { profileId };
    }),
  );
}
