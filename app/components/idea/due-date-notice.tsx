import { useTranslation } from "react-i18next";
import type { DisplayDate } from "./idea-dates";

export type FirstAnswerDue = { date: DisplayDate; overdue: boolean };

/** When the first answer is due, and plainly whether it is late (words and an icon, not colour alone). */
export function DueDateNotice({ due, className = "" }: { due: FirstAnswerDue; className?: string }) {
  const { t } = useTranslation("my-ideas");
  const date = <time dateTime={due.date.iso}>{due.date.text}</time>;
  if (due.overdue) {
    return (
      <p className={`font-semibold text-danger-700 ${className}`}>
        <span aria-hidden="true">⚠ </span>
        {t("due.overdue")} {t("due.wasDue")} {date}
      </p>
    );
  }
  return (
    <p className={className}>
      {t("due.answerBy")} {date}
    </p>
  );
}
