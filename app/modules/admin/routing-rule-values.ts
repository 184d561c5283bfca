import type { RoutingRuleFields } from "./admin-schemas";

/** A rule as the routing_rules table (and the preview's candidate) spells it. */
export function routingRuleValues(rule: RoutingRuleFields) {
  const list = (ids: string[]) => (ids.length > 0 ? ids : null);
  return {
    position: rule.position,
    name: rule.name,
    network_id: rule.networkId,
    match_organisation_ids: list(rule.organisationIds),
    match_group_ids: list(rule.groupIds),
    match_theme_ids: list(rule.themeIds),
    match_service_area_ids: list(rule.serviceAreaIds),
    match_several_municipalities: rule.several === "any" ? null : rule.several === "yes",
    active: rule.active,
  };
}
