import { useTranslation } from "react-i18next";

/** Field messages arrive as keys in my-ideas.json ("edit.errors.titleRequired") or as "ns:key". */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation("my-ideas");
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-danger-700">
      <span aria-hidden="true">⚠ </span>
      {errors.map((key) => t(key)).join(" ")}
    </p>
  );
}

/** Errors about the whole form, announced to screen readers. */
export function FormErrors({ id, errors, children }: { id: string; errors?: string[]; children?: React.ReactNode }) {
  const { t } = useTranslation("my-ideas");
  const has = Boolean(errors?.length) || Boolean(children);
  return (
    <div id={id} role="alert" aria-live="assertive">
      {has ? (
        <div className="mb-4 rounded-md border border-danger-700 bg-danger-50 p-3 text-danger-700">
          {errors?.map((key) => (
            <p key={key} className="font-medium">
              {t(key)}
            </p>
          ))}
          {children}
        </div>
      ) : null}
    </div>
  );
}

export function describedBy(...ids: (string | false | null | undefined)[]) {
  return ids.filter(Boolean).join(" ") || undefined;
}

export const dangerButtonClass =
  "inline-flex items-center justify-center rounded-md bg-danger-700 px-4 py-2 font-semibold text-white hover:bg-red-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-danger-700";
