import type { EvaluationCriterion, IdeaStatus } from "~/db/schema";

/** KS Veikart for tjenesteinnovasjon, in order; any step forward or back is allowed. */
export const KS_PHASES = [
  "received",
  "under_review",
  "anchoring",
  "insight",
  "service_development",
  "piloting",
  "transition_to_operation",
  "new_practice",
] as const satisfies readonly IdeaStatus[];

/** Side exits a network may choose; "withdrawn" belongs to the submitter. */
export const SIDE_EXITS = ["not_prioritised", "merged"] as const satisfies readonly IdeaStatus[];

export const TRIAGE_TARGET_STATUSES = [...KS_PHASES, ...SIDE_EXITS] as const;
export type TriageTargetStatus = (typeof TRIAGE_TARGET_STATUSES)[number];

export const EVALUATION_CRITERIA = [
  "new",
  "useful",
  "used",
  "benefit_users",
  "benefit_staff",
  "benefit_municipality",
  "feasibility",
  "cost",
  "risk_privacy_ethics",
  "strategic_fit",
] as const satisfies readonly EvaluationCriterion[];

/** Which statuses the network may move an idea to from `from`. A withdrawn idea stays withdrawn. */
export function allowedTargets(from: IdeaStatus): TriageTargetStatus[] {
  if (from === "withdrawn") return [];
  return [...TRIAGE_TARGET_STATUSES];
}

export function isAllowedTransition(from: IdeaStatus, to: IdeaStatus): boolean {
  return (allowedTargets(from) as IdeaStatus[]).includes(to);
}
