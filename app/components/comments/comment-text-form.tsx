import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import type { ZodTypeAny } from "zod";
import { inputClass, primaryButtonClass } from "~/modules/auth/form-feedback";
import { describedBy, FieldMessages, FormMessages } from "./form-messages";

/**
 * One text field and a submit button, posted as a plain form (works without JavaScript). Used for
 * new comments, replies, edits and hiding; the typed text is kept when the server refuses it.
 */
export function CommentTextForm({
  formId,
  action,
  schema,
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
  schema: ZodTypeAny;
  hidden: Record<string, string>;
  fieldName: "body" | "reason" | "note" | "message";
  label: string;
  hint?: string;
  submitLabel: string;
  defaultValue?: string;
  lastResult?: SubmissionResult<string[]> | null;
  rows?: number;
}) {
  const [form, fields] = useForm<Record<string, string>>({
    id: formId,
    lastResult,
    defaultValue: { ...hidden, [fieldName]: defaultValue ?? "" },
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const field = fields[fieldName]!;
  const hintId = `${field.id}-hint`;
  return (
    <Form method="post" action={action} className="space-y-2" {...getFormProps(form)}>
      <FormMessages id={form.errorId} errors={form.errors} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={field.id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <textarea
        {...getTextareaProps(field, { ariaDescribedBy: describedBy(hint && hintId, Boolean(form.errors?.length) && form.errorId) })}
        key={field.key}
        rows={rows}
        // The server's own message (in the user's language) beats the browser's, also without JavaScript.
        required={undefined}
        maxLength={undefined}
        className={inputClass}
      />
      <FieldMessages id={field.errorId} errors={field.errors} />
      <button type="submit" className={primaryButtonClass}>
        {submitLabel}
      </button>
    </Form>
  );
}
