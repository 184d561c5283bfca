import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { mapAdminErrors } from "./admin-db-errors.server";

/**
 * The answer promise: working days to the first answer and days between later updates. New
 * ideas get the new deadline; ideas already received keep the one they were promised.
 */
export async function updateNetworkSla(options: { user: SessionUser; networkId: string; firstAnswerDays: number; updateIntervalDays: number }) {
  if (!(options.firstAnswerDays >= 1) || !(options.updateIntervalDays >= 1)) throw new AppError("invalid_value");
  return mapAdminErrors(() =>
    withUser(options.user, async (trx) => {
      const row = await trx
        .updateTable("networks")
        .set({ sla_first_answer_working_days: options.firstAnswerDays, sla_update_interval_days: options.updateIntervalDays })
        .where("id", "=", options.networkId)
        .returning("id")
        .executeTakeFirst();
      if (!row) throw new AppError("not_allowed");
    }),
  );
}
