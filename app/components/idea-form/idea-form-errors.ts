import type { PrivacyFinding } from "~/modules/privacy/check-privacy";
import type { RichTextErrorCode } from "~/modules/rich-text/rich-text-schema";
import { encodeMessage } from "./form-messages";

export type FieldErrors = Record<string, string[]>;
export type MappedErrors = { fieldErrors: FieldErrors; formErrors: string[] };

function add(errors: FieldErrors, field: string, message: string) {
  (errors[field] ??= []).push(message);
}

export function privacyFindingErrors(findings: readonly Pick<PrivacyFinding, "field" | "masked">[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const finding of findings) add(errors, finding.field, encodeMessage("form.errors.privacyBlocked", { masked: finding.masked }));
  return errors;
}

export function richTextErrorMessage(code: RichTextErrorCode): string {
  return `editor:errors.${code}`;
}

/**
 * What the user can do about a domain error from submitIdea, as messages on the right field.
 * Returns null for errors the user cannot act on (the route logs those).
 */
export function appErrorToMessages(error: { code: string; details: Record<string, unknown> }): MappedErrors | null {
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  const text = (key: string) => String(error.details[key] ?? "");
  switch (error.code) {
    case "privacy_blocked":
      return { fieldErrors: privacyFindingErrors((error.details.findings as PrivacyFinding[] | undefined) ?? []), formErrors };
    case "attachment_too_many":
      add(fieldErrors, "attachments", encodeMessage("form.errors.attachmentTooMany", { max: Number(error.details.max ?? 5) }));
      break;
    case "attachment_empty":
      add(fieldErrors, "attachments", encodeMessage("form.errors.attachmentEmpty", { fileName: text("fileName") }));
      break;
    case "attachment_too_large":
      add(fieldErrors, "attachments", encodeMessage("form.errors.attachmentTooLarge", { fileName: text("fileName"), maxMb: Number(error.details.maxMb ?? 10) }));
      break;
    case "attachment_wrong_type":
      add(fieldErrors, "attachments", encodeMessage("form.errors.attachmentWrongType", { fileName: text("fileName") }));
      break;
    case "proposal_too_short":
      add(fieldErrors, "proposal", "form.errors.proposalTooShort");
      break;
    case "idea_unroutable":
      formErrors.push("form.errors.unroutable");
      break;
    default:
      return null;
  }
  return { fieldErrors, formErrors };
}

export function mergeFieldErrors(...all: (FieldErrors | null | undefined)[]): FieldErrors {
  const merged: FieldErrors = {};
  for (const errors of all) {
    for (const [field, messages] of Object.entries(errors ?? {})) {
      for (const message of messages) if (!merged[field]?.includes(message)) add(merged, field, message);
    }
  }
  return merged;
}
