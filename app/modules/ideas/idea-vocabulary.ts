/** Fixed code lists used by the idea form; labels live in app/locales/<lng>/ideas.json. */
export const BENEFICIARIES = ["users_and_relatives", "staff_and_leaders", "municipality"] as const;
export const NEED_CONTEXTS = ["home", "institution", "outdoors", "response", "control"] as const;
export const BENEFIT_CATEGORIES = [
  "patient_safety",
  "time_saved",
  "quality",
  "independence",
  "relatives_safety",
  "staff_wellbeing",
  "economy",
  "health",
  "fewer_falls",
  "less_driving",
] as const;
export const IDEA_VISIBILITIES = ["partners", "organisation"] as const;

export const IDEA_STATUSES = [
  "received",
  "under_review",
  "anchoring",
  "insight",
  "service_development",
  "piloting",
  "transition_to_operation",
  "new_practice",
  "not_prioritised",
  "merged",
  "withdrawn",
] as const;

/** Until triage starts the submitter may still edit the idea. */
export const EDITABLE_STATUSES = ["received"] as const;
/** Closed ideas can no longer be withdrawn. */
export const CLOSED_STATUSES = ["new_practice", "not_prioritised", "merged", "withdrawn"] as const;

export const ATTACHMENT_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"] as const;
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const TITLE_MIN = 5;
export const TITLE_MAX = 140;
export const PROBLEM_MIN = 10;
export const PROBLEM_MAX = 4000;
export const STOP_DOING_MAX = 2000;
