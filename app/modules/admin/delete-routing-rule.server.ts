import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { mapAdminErrors } from "./admin-db-errors.server";

/** Ideas the rule would have caught go to later rules or the organisation's fallback network. */
export async function deleteRoutingRule(options: { user: SessionUser; ruleId: string }) {
  return mapAdminErrors(() =>
    withUser(options.user, async (trx) => {
      const result = await trx.deleteFrom("routing_rules").where("id", "=", options.ruleId).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new AppError("not_allowed");
    }),
  );
}
