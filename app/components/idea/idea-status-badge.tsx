import { useTranslation } from "react-i18next";
import type { IdeaStatus } from "~/db/schema";

const tone: Record<IdeaStatus, string> = {
  received: "border-brand-700 bg-brand-50 text-brand-900",
  under_review: "border-brand-700 bg-brand-50 text-brand-900",
  anchoring: "border-indigo-700 bg-indigo-50 text-indigo-900",
  insight: "border-indigo-700 bg-indigo-50 text-indigo-900",
  service_development: "border-indigo-700 bg-indigo-50 text-indigo-900",
  piloting: "border-indigo-700 bg-indigo-50 text-indigo-900",
  transition_to_operation: "border-indigo-700 bg-indigo-50 text-indigo-900",
  new_practice: "border-green-800 bg-green-50 text-green-900",
  not_prioritised: "border-slate-600 bg-slate-100 text-slate-900",
  merged: "border-slate-600 bg-slate-100 text-slate-900",
  withdrawn: "border-slate-600 bg-slate-100 text-slate-900",
};

/** The status always as words; the colour only repeats what the words say. */
export function IdeaStatusBadge({ status, className = "" }: { status: IdeaStatus; className?: string }) {
  const { t } = useTranslation("my-ideas");
  return (
    <span className={`inline-flex items-center rounded-full border px-3 py-0.5 text-sm font-semibold ${tone[status]} ${className}`}>
      <span className="sr-only">{t("status.label")} </span>
      {t(`status.${status}`, { ns: "ideas" })}
    </span>
  );
}
