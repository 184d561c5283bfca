import { useTranslation } from "react-i18next";

/** Messages arrive as keys in auth.json ("errors.codeInvalid") and are shown in the user's language. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation("auth");
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-danger-700">
      {errors.map((key) => t(key)).join(" ")}
    </p>
  );
}

/** Errors about the whole form (wrong code, unknown domain …), announced to screen readers. */
export function FormErrors({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation("auth");
  return (
    <div id={id} role="alert" aria-live="assertive">
      {errors?.length ? (
        <div className="mb-4 rounded-md border border-danger-700 bg-danger-50 p-3 text-danger-700">
          {errors.map((key) => (
            <p key={key}>{t(key)}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}

export const inputClass =
  "mt-1 block w-full rounded-md border border-gray-500 px-3 py-2 text-base text-gray-900 focus:outline-none focus:ring-2 focus:ring-brand-700 aria-[invalid=true]:border-danger-700";
export const primaryButtonClass =
  "inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";
export const secondaryButtonClass =
  "inline-flex items-center justify-center rounded-md border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";
export const linkClass = "text-brand-700 underline hover:text-brand-900";
