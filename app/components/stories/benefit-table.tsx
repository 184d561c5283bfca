import { useTranslation } from "react-i18next";

export type BenefitRowView = { indicator: string; unit: string; baseline: string; after: string; change: string; period: string | null; category: string };

/** A story's measured benefits: baseline (nullpunkt), after, change. A real table, so it prints and reads well. */
export function BenefitTable({ rows }: { rows: BenefitRowView[] }) {
  const { t } = useTranslation("stories");
  return (
    // Focusable so keyboard users can scroll a wide table sideways on a phone.
    <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={t("story.benefitsCaption")}>
      <table className="w-full min-w-[32rem] border-collapse text-left">
        <caption className="sr-only">{t("story.benefitsCaption")}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            <th scope="col" className="py-2 pr-3">{t("story.table.indicator")}</th>
            <th scope="col" className="py-2 pr-3 text-right">{t("story.table.baseline")}</th>
            <th scope="col" className="py-2 pr-3 text-right">{t("story.table.after")}</th>
            <th scope="col" className="py-2 pr-3 text-right">{t("story.table.change")}</th>
            <th scope="col" className="py-2">{t("story.table.category")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 font-normal">
                <span className="font-semibold">{row.indicator}</span>
                <span className="block text-sm text-slate-700">
                  {t(`units.${row.unit}`)}
                  {row.period ? ` · ${row.period}` : ""}
                </span>
              </th>
              <td className="py-2 pr-3 text-right tabular-nums">{row.baseline}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{row.after}</td>
              <td className="py-2 pr-3 text-right font-semibold tabular-nums">{row.change}</td>
              <td className="py-2">{t(`benefits.${row.category}`, { ns: "ideas" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
