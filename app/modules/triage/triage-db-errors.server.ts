import { AppError } from "~/utils/app-error";

export type TriageErrorCode =
  | "idea_not_found"
  | "not_network_member"
  | "idea_stale"
  | "bulk_stale"
  | "transition_not_allowed"
  | "answer_required"
  | "merge_target_missing"
  | "merge_target_merged"
  | "merge_into_itself"
  | "owner_not_member"
  | "same_network"
  | "network_not_found"
  | "template_not_found";

const hintToCode: Record<string, TriageErrorCode> = {
  idea_stale: "idea_stale",
  transition_not_allowed: "transition_not_allowed",
  answer_required: "answer_required",
  merge_target_missing: "merge_target_missing",
  merge_target_merged: "merge_target_merged",
  owner_not_member: "owner_not_member",
  transfer_required: "answer_required",
};

/** Turns the database's refusals (triggers, RLS) into AppErrors the routes can explain. */
export function toTriageError(error: unknown): unknown {
  if (!error || typeof error !== "object") return error;
  const { code, hint, constraint } = error as { code?: string; hint?: string; constraint?: string };
  if (hint && hintToCode[hint]) return new AppError(hintToCode[hint]);
  if (code === "40001") return new AppError("idea_stale");
  if (code === "42501") return new AppError("not_network_member");
  if (constraint === "idea_answers_not_merged_into_itself" || constraint === "ideas_not_merged_into_itself") return new AppError("merge_into_itself");
  if (constraint === "idea_transfers_other_network") return new AppError("same_network");
  return error;
}

export async function mapTriageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toTriageError(error);
  }
}

/** The HTTP status a refused triage form answers with (the page is shown again with the message). */
export function triageErrorStatus(code: string): number {
  if (code === "not_network_member" || code === "templates_coordinator_only") return 403;
  if (code === "idea_not_found" || code === "template_not_found" || code === "network_not_found") return 404;
  return 409;
}
