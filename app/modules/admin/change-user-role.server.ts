import { withUser, type SessionUser } from "~/db/client.server";
import type { PlatformRole } from "~/db/schema";
import { AppError } from "~/utils/app-error";
import { mapAdminErrors } from "./admin-db-errors.server";

/** Platform admins only. The portal always keeps one admin. */
export async function changeUserRole(options: { user: SessionUser; profileId: string; role: PlatformRole }) {
  return mapAdminErrors(() =>
    withUser(options.user, async (trx) => {
      const row = await trx
        .updateTable("profiles")
        .set({ platform_role: options.role })
        .where("id", "=", options.profileId)
        .returning("id")
        .executeTakeFirst();
      if (!row) throw new AppError("not_allowed");
      if (options.role !== "admin") {
        const admins = await trx.selectFrom("profiles").select((eb) => eb.fn.countAll<number>().as("n")).where("platform_role", "=", "admin").executeTakeFirstOrThrow();
        if (Number(admins.n) === 0) throw new AppError("last_admin");
      }
    }),
  );
}
