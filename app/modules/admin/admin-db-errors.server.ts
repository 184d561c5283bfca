import { AppError } from "~/utils/app-error";

export type AdminErrorCode =
  | "not_allowed"
  | "not_found"
  | "domain_taken"
  | "slug_taken"
  | "name_taken"
  | "position_taken"
  | "routing_rule_duplicate"
  | "routing_rule_unreachable"
  | "fallback_required"
  | "network_has_open_ideas"
  | "network_is_fallback"
  | "network_has_history"
  | "network_in_use"
  | "last_coordinator"
  | "last_admin"
  | "unknown_person"
  | "already_member"
  | "invalid_value";

const hints: Record<string, AdminErrorCode> = {
  routing_rule_duplicate: "routing_rule_duplicate",
  routing_rule_unreachable: "routing_rule_unreachable",
  fallback_required: "fallback_required",
  network_has_open_ideas: "network_has_open_ideas",
  network_is_fallback: "network_is_fallback",
  network_has_history: "network_has_history",
  last_coordinator: "last_coordinator",
  admin_only: "not_allowed",
};

const uniqueConstraints: Record<string, AdminErrorCode> = {
  organisation_domains_pkey: "domain_taken",
  organisations_slug_key: "slug_taken",
  networks_slug_key: "slug_taken",
  themes_slug_key: "slug_taken",
  service_areas_slug_key: "slug_taken",
  units_organisation_id_name_key: "name_taken",
  routing_rules_position_key: "position_taken",
  network_members_pkey: "already_member",
};

function parseDetail(detail: unknown): Record<string, unknown> {
  if (typeof detail !== "string") return {};
  try {
    const parsed: unknown = JSON.parse(detail);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Turns the database's refusals (guards, constraints, RLS) into AppErrors a form can explain. */
export function toAdminError(error: unknown): unknown {
  if (!error || typeof error !== "object" || error instanceof AppError) return error;
  const { code, hint, constraint, detail } = error as { code?: string; hint?: string; constraint?: string; detail?: string };
  if (hint && hints[hint]) return new AppError(hints[hint], parseDetail(detail));
  if (code === "23505" && constraint && uniqueConstraints[constraint]) return new AppError(uniqueConstraints[constraint]);
  if (code === "42501") return new AppError("not_allowed");
  if (code === "23503") return new AppError("network_in_use");
  if (code === "23514" || code === "22P02" || code === "23502") return new AppError("invalid_value");
  return error;
}

export async function mapAdminErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAdminError(error);
  }
}

export function adminErrorStatus(code: string) {
  if (code === "not_allowed") return 403;
  if (code === "not_found") return 404;
  return 409;
}
