import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import type { RoutingRuleFields } from "./admin-schemas";
import { mapAdminErrors } from "./admin-db-errors.server";
import { routingRuleValues } from "./routing-rule-values";

/** Creates or edits a rule. The database refuses duplicates, unreachable rules and taken positions. */
export async function saveRoutingRule(options: { user: SessionUser; rule: RoutingRuleFields }) {
  const values = routingRuleValues(options.rule);
  return mapAdminErrors(() =>
    withUser(options.user, async (trx) => {
      if (options.rule.ruleId) {
        const row = await trx.updateTable("routing_rules").set(values).where("id", "=", options.rule.ruleId).returning("id").executeTakeFirst();
        if (!row) throw new AppError("not_allowed");
        return row;
      }
      return trx.insertInto("routing_rules").values(values).returning("id").executeTakeFirstOrThrow();
    }),
  );
}
