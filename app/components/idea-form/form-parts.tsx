import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PrivacyCheckResult } from "~/modules/privacy/check-privacy";
import { privacyFindingMessageKey } from "~/modules/privacy/privacy-message-keys";
import { useFormMessage } from "./form-messages";

export const labelClass = "block font-semibold text-gray-900";
export const hintClass = "mt-1 text-sm text-gray-700";
export const choiceClass = "flex items-start gap-3 py-1.5";
export const choiceInputClass = "mt-1 h-5 w-5 shrink-0 accent-brand-700";

export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length > 0 ? list.join(" ") : undefined;
}

export function RequiredMark() {
  const { t } = useTranslation("idea-form");
  return <span className="font-normal text-gray-700"> {t("form.requiredMark")}</span>;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className={hintClass}>
      {children}
    </p>
  );
}

/** A field's errors, translated; linked from the control with aria-describedby. */
export function FieldErrorText({ id, errors }: { id: string; errors?: string[] }) {
  const message = useFormMessage();
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-danger-700">
      {errors.map((error) => message(error)).join(" ")}
    </p>
  );
}

/** What the live privacy check found in one field: blocking findings as errors, the rest as notices. */
export function PrivacyFindings({ id, result }: { id: string; result?: PrivacyCheckResult }) {
  const { t } = useTranslation("idea-form");
  if (!result || (result.blocking.length === 0 && result.warnings.length === 0)) return null;
  const findings = [
    ...result.blocking.map((finding) => ({ finding, blocking: true })),
    ...result.warnings.map((finding) => ({ finding, blocking: false })),
  ];
  return (
    <div id={id} className="mt-1 space-y-1" data-testid="privacy-findings">
      {findings.map(({ finding, blocking }) => (
        <p
          key={`${finding.kind}-${finding.start}`}
          className={
            blocking
              ? "rounded-md border border-danger-700 bg-danger-50 p-2 text-sm font-medium text-danger-700"
              : "rounded-md border border-warn-800 bg-warn-50 p-2 text-sm text-warn-800"
          }
        >
          {t(privacyFindingMessageKey(finding.kind), { ns: "privacy" })} {t("privacyCheck.found", { masked: finding.masked })}
        </p>
      ))}
    </div>
  );
}

export type ErrorSummaryItem = { href: string | null; label: string | null; message: string };

export function ErrorSummary({ items, summaryRef }: { items: ErrorSummaryItem[]; summaryRef: React.RefObject<HTMLDivElement> }) {
  const { t } = useTranslation("idea-form");
  if (items.length === 0) return null;
  return (
    <div
      ref={summaryRef}
      tabIndex={-1}
      role="alert"
      aria-labelledby="idea-form-error-summary-title"
      className="mb-6 rounded-md border-2 border-danger-700 bg-danger-50 p-4 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700"
      data-testid="error-summary"
    >
      <h2 id="idea-form-error-summary-title" className="text-lg font-bold text-danger-700">
        {t("form.errorSummary.title", { count: items.length })}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-danger-700">
        {items.map((item, index) => (
          <li key={`${item.href ?? "form"}-${index}`}>
            {item.href ? (
              <a href={item.href} className="text-danger-700 underline">
                {item.label ? `${item.label}: ` : ""}
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
