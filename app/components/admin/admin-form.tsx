import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { describedBy } from "~/components/idea/form-feedback";
import { inputClass, primaryButtonClass } from "~/modules/auth/form-feedback";

/** What every admin action answers with when it does not redirect. */
export type AdminActionData = { formId: string; result: SubmissionResult<string[]> };

const KEY = /^[a-z-]+:[A-Za-z0-9_.]+$/;

/** Messages are translation keys ("admin:errors.required") or text the server already translated. */
function useMessage() {
  const { t } = useTranslation("admin");
  return (message: string) => (KEY.test(message) ? t(message) : message);
}

export function AdminFieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const message = useMessage();
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-danger-700">
      <span aria-hidden="true">⚠ </span>
      {errors.map(message).join(" ")}
    </p>
  );
}

export function AdminFormErrors({ id, errors }: { id: string; errors?: string[] }) {
  const message = useMessage();
  return (
    <div id={id} role="alert" aria-live="assertive">
      {errors?.length ? (
        <div className="mb-3 rounded-md border border-danger-700 bg-danger-50 p-3 font-medium text-danger-700">
          {errors.map((e) => (
            <p key={e}>{message(e)}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** Conform form state for one of several forms on a page (told apart by a hidden formId). */
export function useAdminForm(formId: string, defaultValue?: Record<string, unknown>) {
  const actionData = useActionData<AdminActionData>();
  return useForm<Record<string, unknown>>({
    id: formId,
    lastResult: actionData?.formId === formId ? actionData.result : undefined,
    // Lists (checkbox groups) are fine at run time; Conform's type for a loose record only names strings.
    defaultValue: defaultValue as Record<string, string> | undefined,
    shouldValidate: "onSubmit",
  });
}

type Fields = ReturnType<typeof useAdminForm>[1];

/** A plain HTML form (works without JavaScript) with its errors, intent and formId. */
export function AdminForm({
  formId,
  intent,
  form,
  children,
  submitLabel,
  submitClass = primaryButtonClass,
  extraButtons,
  hidden = {},
  className = "space-y-3",
}: {
  formId: string;
  intent: string;
  form: ReturnType<typeof useAdminForm>[0];
  children?: ReactNode;
  submitLabel: string;
  submitClass?: string;
  extraButtons?: ReactNode;
  hidden?: Record<string, string>;
  className?: string;
}) {
  return (
    <Form method="post" className={className} {...getFormProps(form)}>
      <AdminFormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="formId" value={formId} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className="flex flex-wrap gap-3">
        {extraButtons}
        <button type="submit" name="intent" value={intent} className={submitClass}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

function initial(field: FieldMetadata<unknown>): string {
  const v = field.initialValue;
  return typeof v === "string" ? v : "";
}

export function TextField({
  fields,
  name,
  label,
  hint,
  type = "text",
  inputMode,
}: {
  fields: Fields;
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "number" | "url" | "email";
  inputMode?: "numeric";
}) {
  const field = fields[name]!;
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={field.id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <input
        id={field.id}
        name={field.name}
        type={type}
        inputMode={inputMode}
        defaultValue={initial(field)}
        key={field.key}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={describedBy(hintId, field.errors && field.errorId)}
        className={inputClass}
      />
      <AdminFieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({
  fields,
  name,
  label,
  options,
  emptyLabel,
  hint,
}: {
  fields: Fields;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  emptyLabel?: string;
  hint?: string;
}) {
  const field = fields[name]!;
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={field.id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <select
        id={field.id}
        name={field.name}
        defaultValue={initial(field)}
        key={field.key}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={describedBy(hintId, field.errors && field.errorId)}
        className={inputClass}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <AdminFieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** A group of checkboxes (several values under one name), or a single one when `options` has one entry. */
export function CheckboxGroup({
  fields,
  name,
  legend,
  options,
  hint,
}: {
  fields: Fields;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  hint?: string;
}) {
  const field = fields[name]!;
  const chosen = new Set(([] as unknown[]).concat(field.initialValue ?? []).filter((v): v is string => typeof v === "string"));
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <fieldset aria-describedby={describedBy(hintId, field.errors && field.errorId)} className="rounded-md border border-gray-300 p-3">
      <legend className="px-1 font-semibold">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <div className="mt-1 grid gap-1 sm:grid-cols-2" key={field.key}>
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2">
            <input type="checkbox" name={field.name} value={o.value} defaultChecked={chosen.has(o.value)} className="mt-1 h-4 w-4" />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <AdminFieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

export function CheckboxField({ fields, name, label }: { fields: Fields; name: string; label: string }) {
  const field = fields[name]!;
  return (
    <div>
      <label className="flex items-center gap-2">
        <input type="checkbox" id={field.id} name={field.name} key={field.key} defaultChecked={field.initialValue === "on"} className="h-4 w-4" />
        <span className="font-semibold">{label}</span>
      </label>
      <AdminFieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}
