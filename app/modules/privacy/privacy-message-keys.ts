import type { PrivacyFindingKind } from "./check-privacy";

/** Keys in the "privacy" namespace (app/locales/<lng>/privacy.json). */
export const privacyMessageKeys = {
  finding: {
    "national-id": "finding.nationalId",
    phone: "finding.phone",
    "private-email": "finding.privateEmail",
  },
  /** Interpolates {{masked}} and {{field}} (the field's translated label). */
  foundIn: "foundIn",
  /** Plural, interpolates {{count}}. */
  blockingSummary: "summary.blocking",
  /** Plural, interpolates {{count}}. */
  warningSummary: "summary.warnings",
  warningsMaySubmit: "summary.warningsMaySubmit",
  hint: "hint",
  confirmationLabel: "confirmation.label",
  confirmationRequired: "confirmation.required",
  avvikNotice: "avvik.notice",
  avvikLink: "avvik.link",
  avvikNoLink: "avvik.noLink",
} as const;

export function privacyFindingMessageKey(kind: PrivacyFindingKind): string {
  return privacyMessageKeys.finding[kind];
}
