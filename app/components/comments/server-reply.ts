import type { SubmissionResult } from "@conform-to/react";

/**
 * The idea page is a read page with a JavaScript budget, so its small forms skip Conform's client
 * validation (and with it zod and Conform in the browser bundle): the server validates with Zod and
 * its `submission.reply()` is shown here, the same with and without JavaScript. Ids follow Conform's
 * naming so labels, aria-describedby and tests stay as they were.
 */
export function serverReply(formId: string, lastResult: SubmissionResult<string[]> | null | undefined, fieldName: string) {
  const error = lastResult?.error ?? {};
  const value = lastResult?.initialValue?.[fieldName];
  const fieldErrors = error[fieldName] ?? undefined;
  return {
    formErrorId: `${formId}-form-error`,
    formErrors: error[""] ?? undefined,
    fieldId: `${formId}-${fieldName}`,
    fieldErrorId: `${formId}-${fieldName}-error`,
    fieldErrors: fieldErrors?.length ? fieldErrors : undefined,
    /** What the user had typed when the server refused it, if it sent that back. */
    value: typeof value === "string" ? value : undefined,
  };
}
