import { findNationalIdNumbers } from "./norwegian-national-id";
import { findPhoneNumbers } from "./norwegian-phone-numbers";
import { findPrivateEmailAddresses, type PrivateEmailOptions } from "./private-email-addresses";
import type { TextMatch } from "./text-match";

export type PrivacyFindingKind = "national-id" | "phone" | "private-email";

export type PrivacyFinding = {
  /** The key of the checked field, as given to checkPrivacy. */
  field: string;
  kind: PrivacyFindingKind;
  start: number;
  end: number;
  masked: string;
};

export type PrivacyCheckResult = {
  /** National id numbers: the idea must not be submitted while there are any. */
  blocking: PrivacyFinding[];
  /** Phone numbers and private e-mail addresses: the submitter is asked to look again. */
  warnings: PrivacyFinding[];
};

export type PrivacyCheckOptions = PrivateEmailOptions;

function toFindings(field: string, kind: PrivacyFindingKind, matches: readonly TextMatch[]): PrivacyFinding[] {
  return matches.map(({ start, end, masked }) => ({ field, kind, start, end, masked }));
}

/**
 * Checks every text field of an idea (pass the rich text as its plain text). Runs the same in the
 * browser, as the user types, and on the server, which has the final say.
 */
export function checkPrivacy(fields: Record<string, string>, options: PrivacyCheckOptions = {}): PrivacyCheckResult {
  const blocking: PrivacyFinding[] = [];
  const warnings: PrivacyFinding[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (typeof text !== "string" || text.length === 0) continue;
    blocking.push(...toFindings(field, "national-id", findNationalIdNumbers(text)));
    const fieldWarnings = [
      ...toFindings(field, "phone", findPhoneNumbers(text)),
      ...toFindings(field, "private-email", findPrivateEmailAddresses(text, options)),
    ].sort((a, b) => a.start - b.start);
    warnings.push(...fieldWarnings);
  }
  return { blocking, warnings };
}
