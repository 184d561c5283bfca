import type { Locale } from "~/db/schema";
import { numberFormat } from "~/i18n/intl-formats";

const intlLocale: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

/** A benefit value as text, formatted once on the server so the page never changes on hydration. */
export function formatBenefitNumber(value: number, locale: Locale, options: { signed?: boolean } = {}): string {
  return numberFormat(intlLocale[locale], { maximumFractionDigits: 2, signDisplay: options.signed ? "exceptZero" : "auto" }).format(value);
}

/** A value as the form shows it back for editing ("1234,5" in Norwegian, "1234.5" in English). */
export function benefitNumberForInput(value: number, locale: Locale): string {
  const text = String(Math.round(value * 100) / 100);
  return locale === "en" ? text : text.replace(".", ",");
}

type Totals = { category: string; totals: { indicator: string; unit: string; baseline: number; after: number; change: number; stories: number }[] }[];

/** Benefit totals with their numbers written out for the reader's language. */
export function benefitTotalsForDisplay(categories: Totals, locale: Locale) {
  return categories.map((group) => ({
    category: group.category,
    totals: group.totals.map((row) => ({
      indicator: row.indicator,
      unit: row.unit,
      baseline: formatBenefitNumber(row.baseline, locale),
      after: formatBenefitNumber(row.after, locale),
      change: formatBenefitNumber(row.change, locale, { signed: true }),
      stories: row.stories,
    })),
  }));
}

/** One story's benefit rows with their numbers written out. */
export function benefitRowsForDisplay(
  rows: { indicator: string; unit: string; baseline: number; after: number; period: string | null; category: string }[],
  locale: Locale,
) {
  return rows.map((row) => ({
    indicator: row.indicator,
    unit: row.unit,
    baseline: formatBenefitNumber(row.baseline, locale),
    after: formatBenefitNumber(row.after, locale),
    change: formatBenefitNumber(Math.round((row.after - row.baseline) * 100) / 100, locale, { signed: true }),
    period: row.period,
    category: row.category,
  }));
}
