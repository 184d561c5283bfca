import { useTranslation } from "react-i18next";

export type BenefitTotalView = { indicator: string; unit: string; baseline: string; after: string; change: string; stories: number };
export type BenefitCategoryView = { category: string; totals: BenefitTotalView[] };

/** Totals per benefit category; only rows with the same indicator and unit were added up. */
export function BenefitTotals({ categories, headingId, heading, intro }: { categories: BenefitCategoryView[]; headingId: string; heading: string; intro: string }) {
  const { t } = useTranslation("stories");
  return (
    <section aria-labelledby={headingId} className="mt-8 rounded-lg border border-slate-300 p-4">
      <h2 id={headingId} className="text-2xl font-bold">
        {heading}
      </h2>
      <p className="mt-1 text-slate-700">{intro}</p>
      {categories.length === 0 ? (
        <p className="mt-3">{t("totals.empty")}</p>
      ) : (
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          {categories.map((group) => (
            <div key={group.category}>
              <h3 className="text-lg font-semibold">{t(`benefits.${group.category}`, { ns: "ideas" })}</h3>
              <ul className="mt-1 space-y-1">
                {group.totals.map((row) => (
                  <li key={`${row.indicator}-${row.unit}`} data-testid="benefit-total">
                    {t("totals.row", {
                      indicator: row.indicator,
                      unit: t(`units.${row.unit}`),
                      baseline: row.baseline,
                      after: row.after,
                      change: row.change,
                      count: row.stories,
                    })}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
