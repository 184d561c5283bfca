import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";
import type { RoutingExplanation } from "~/db/schema";
import type { RoutingRuleFields, SampleIdea } from "./admin-schemas";
import { mapAdminErrors } from "./admin-db-errors.server";
import { routingRuleValues } from "./routing-rule-values";

export type RoutingProblem = { rule_id: string; rule_name: string; earlier_rule_id: string; earlier_rule_name: string; kind: "duplicate" | "unreachable" };

/**
 * Where a sample idea would go, today and with the rule being edited saved, and what would be
 * wrong with the rule set then. The database computes both with the function route_idea() uses.
 */
export async function previewRouting(options: { user: SessionUser; sample: SampleIdea; rule?: RoutingRuleFields }) {
  const { sample } = options;
  const candidate = options.rule ? JSON.stringify({ ...routingRuleValues(options.rule), ...(options.rule.ruleId ? { id: options.rule.ruleId } : {}) }) : null;
  return mapAdminErrors(() =>
    withUser(options.user, async (trx) => {
      type Routed = { network_id: string; rule_id: string | null; explanation: RoutingExplanation; network_name: string; rule_name: string | null };
      const route = async (withCandidate: boolean) => {
        const { rows } = await sql<Routed>`
          select p.network_id, p.rule_id, p.explanation, n.name as network_name, r.name as rule_name
          from public.preview_route(${sample.sampleOrganisationId}::uuid, ${sample.sampleThemeId}::uuid,
            ${sql.val(sample.sampleServiceAreaIds)}::uuid[], ${sample.sampleSeveral},
            ${withCandidate ? candidate : null}::jsonb, null) p
          join public.networks n on n.id = p.network_id
          left join public.routing_rules r on r.id = p.rule_id`.execute(trx);
        const routed = rows[0];
        if (!routed) return null;
        // The candidate is not saved yet: name it from the form.
        const isCandidate = withCandidate && options.rule && (routed.rule_id === options.rule.ruleId || routed.rule_name === null) && routed.explanation.kind === "rule";
        return { ...routed, rule_name: isCandidate ? options.rule!.name : routed.rule_name, isCandidate: Boolean(isCandidate) };
      };
      const current = await route(false);
      const withRule = candidate ? await route(true) : null;
      const problems = candidate
        ? (await sql<RoutingProblem>`select * from public.preview_routing_problems(${candidate}::jsonb, null)`.execute(trx)).rows
        : [];
      return { current, withRule, problems };
    }),
  );
}
