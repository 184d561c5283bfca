import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { inputClass, primaryButtonClass } from "~/modules/auth/form-feedback";
import { describedBy, FieldMessages, FormMessages } from "./form-messages";
import { serverReply } from "./server-reply";

/**
 * One text field and a submit button, posted as a plain form (works without JavaScript). Used for
 * new comments, replies, edits and hiding; the typed text is kept when the server refuses it.
 * Validation is the server's (Zod in the action); see server-reply.ts for why not in the browser.
 */
export function CommentTextForm({
  formId,
  action,
  hidden,
  fieldName,
  label,
  hint,
  submitLabel,
  defaultValue,
  lastResult,
  rows = 4,
}: {
  formId: string;
  action: string;
  hidden: Record<string, string>;
  fieldName: "body" | "reason" | "note" | "message";
  label: string;
  hint?: string;
  submitLabel: string;
  defaultValue?: string;
  lastResult?: SubmissionResult<string[]> | null;
  rows?: number;
}) {
  const reply = serverReply(formId, lastResult, fieldName);
  const hintId = `${reply.fieldId}-hint`;
  return (
    <Form method="post" action={action} id={formId} noValidate className="space-y-2">
      <FormMessages id={reply.formErrorId} errors={reply.formErrors} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={reply.fieldId} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <textarea
        id={reply.fieldId}
        name={fieldName}
        defaultValue={reply.value ?? defaultValue ?? ""}
        aria-invalid={reply.fieldErrors ? true : undefined}
        aria-describedby={describedBy(hint && hintId, reply.fieldErrors && reply.fieldErrorId, Boolean(reply.formErrors?.length) && reply.formErrorId)}
        rows={rows}
        className={inputClass}
      />
      <FieldMessages id={reply.fieldErrorId} errors={reply.fieldErrors} />
      <button type="submit" className={primaryButtonClass}>
        {submitLabel}
      </button>
    </Form>
  );
}
