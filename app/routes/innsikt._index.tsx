import { dateTimeFormat } from "~/i18n/intl-formats";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readPageHandle } from "~/components/hydration";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { inputClass, primaryButtonClass } from "~/modules/auth/form-feedback";
import { BREAKDOWN_DATASETS } from "~/modules/insight/insight-csv";
import { BarChart, DataTable, formatNumber, InsightSection } from "~/modules/insight/insight-figure";
import { filtersQuery, parseInsightFilters } from "~/modules/insight/insight-period";
import { BREAKDOWN_DIMENSIONS } from "~/modules/insight/insight-vocabulary";
import { loadInsightDashboard } from "~/modules/insight/load-insight-dashboard.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { formatBenefitNumber } from "~/modules/stories/format-benefit-number";
import { isAppError } from "~/utils/app-error";

export const handle = readPageHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user);
  const { filters, notices } = parseInsightFilters(new URL(request.url).searchParams);
  try {
    const dashboard = await loadInsightDashboard({ user, filters, locale });
    const t = await getTranslator(locale);
    return {
      title: t("dashboard.title", { ns: "insight" }),
      locale,
      filters,
      notices: [...notices, ...(dashboard.unknownNetwork ? (["unknownNetwork"] as const) : [])],
      query: filtersQuery({ ...filters, networkSlug: dashboard.selected?.slug ?? null }),
      role: user.platformRole,
      dashboard,
      // Formatted once on the server so the page does not change on hydration.
      storyBenefits: dashboard.storyBenefits.map((r) => ({
        category: r.category,
        indicator: r.indicator,
        unit: r.unit,
        stories: r.stories,
        baseline: formatBenefitNumber(r.baseline, locale),
        after: formatBenefitNumber(r.after, locale),
        change: formatBenefitNumber(r.change, locale, { signed: true }),
      })),
    };
  } catch (error) {
    if (isAppError(error) && error.code === "no_insight_access") throw new Response(null, { status: 403 });
    throw error;
  }
}

function monthLabel(month: string, locale: string) {
  return dateTimeFormat(locale === "en" ? "en-GB" : "nb-NO", { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
}

function percent(share: number | null, locale: string) {
  return share === null ? "–" : `${formatNumber(share * 100, locale)} %`;
}

export default function InsightPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("insight");
  const { dashboard: d, locale, filters } = data;
  const csv = (dataset: string) => `/innsikt/csv/${dataset}?${data.query}`;
  const emptyPeriod = d.receivedTotal === 0;
  const total = d.firstAnswersTotal;
  const closedTotal = d.monthly.reduce((sum, m) => sum + m.closed, 0);
  const scopeKey = data.role === "admin" ? "admin" : d.networks.some((n) => n.fullAccess) ? "member" : "partner";
  const describe = (rows: { label: string; values: (number | null)[] }[], series: string[]) =>
    rows
      .slice(0, 12)
      .map((r) => `${r.label}: ${r.values.map((v, i) => `${series[i]} ${formatNumber(v, locale)}`).join(", ")}`)
      .join("; ");

  const monthlyRows = d.monthly.map((m) => ({ label: monthLabel(m.month, locale), values: [m.received, m.closed] }));
  const monthlySeries = [t("dashboard.received"), t("dashboard.closed")];
  const answerRows = d.firstAnswers.map((r) => ({ label: r.networkName ?? "", values: [r.medianDays, r.p90Days] }));
  const answerSeries = [t("dashboard.median"), t("dashboard.p90")];
  const singleSla = new Set(d.firstAnswers.map((r) => r.slaDays)).size === 1 ? d.firstAnswers[0]?.slaDays : undefined;
  const funnelRows = d.funnel.map((r) => ({ label: t(`status.${r.status}`, { ns: "ideas" }), values: [r.ideas] }));
  const backlogRows = d.backlog.map((r) => ({ label: r.networkName, values: [r.open, r.overdue] }));
  const backlogSeries = [t("dashboard.open"), t("dashboard.overdue")];

  return (
    <div>
      <h1 className="text-3xl font-bold">{t("dashboard.title")}</h1>
      <p className="mt-2 max-w-3xl">{t("dashboard.intro")}</p>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t(`dashboard.scope.${scopeKey}`)}</p>

      {data.notices.length ? (
        <div role="status" className="mt-4 rounded-md border-l-4 border-amber-700 bg-amber-50 p-4" data-testid="insight-notices">
          <ul className="list-disc pl-5">
            {data.notices.map((n) => (
              <li key={n}>{t(`notices.${n}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <Form method="get" className="mt-4 rounded-md border border-gray-300 bg-white p-4">
        <fieldset>
          <legend className="font-semibold">{t("filters.heading")}</legend>
          <p id="month-hint" className="text-sm text-slate-700">
            {t("filters.monthHint")}
          </p>
          <div className="mt-2 grid gap-3 sm:grid-cols-3">
            <div>
              <label htmlFor="filter-from">{t("filters.from")}</label>
              <input id="filter-from" name="fra" type="month" defaultValue={filters.from} aria-describedby="month-hint" className={inputClass} />
            </div>
            <div>
              <label htmlFor="filter-to">{t("filters.to")}</label>
              <input id="filter-to" name="til" type="month" defaultValue={filters.to} aria-describedby="month-hint" className={inputClass} />
            </div>
            <div>
              <label htmlFor="filter-network">{t("filters.network")}</label>
              <select id="filter-network" name="nettverk" defaultValue={d.selected?.slug ?? ""} className={inputClass}>
                <option value="">{t("filters.allNetworks")}</option>
                {d.networks.map((n) => (
                  <option key={n.id} value={n.slug}>
                    {n.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="mt-3 flex flex-wrap items-center gap-4">
            <button type="submit" className={primaryButtonClass}>
              {t("filters.apply")}
            </button>
            <Link to="/innsikt">{t("filters.reset")}</Link>
          </div>
        </fieldset>
      </Form>

      <section aria-labelledby="summary-heading" className="mt-8">
        <h2 id="summary-heading" className="text-2xl font-semibold">
          {t("summary.heading", { from: monthLabel(filters.from, locale), to: monthLabel(filters.to, locale), network: d.selected?.name ?? t("filters.allNetworks") })}
        </h2>
        {emptyPeriod ? (
          <p className="mt-2 font-medium" data-testid="insight-empty">
            {t("summary.empty")}
          </p>
        ) : null}
        <dl className="mt-3 grid gap-3 sm:grid-cols-3" data-testid="insight-summary">
          {[
            ["received", String(d.receivedTotal)],
            ["closed", String(closedTotal)],
            ["onTime", percent(total.onTimeShare, locale)],
            ["median", total.medianDays === null ? "–" : t("summary.days", { count: total.medianDays, formatted: formatNumber(total.medianDays, locale) })],
            ["p90", total.p90Days === null ? "–" : t("summary.days", { count: total.p90Days, formatted: formatNumber(total.p90Days, locale) })],
            ["overdue", String(d.backlogTotal.overdue)],
          ].map(([key, value]) => (
            <div key={key} className="rounded-md border border-gray-300 p-3">
              <dt className="text-sm">{t(`summary.${key}`)}</dt>
              <dd className="text-2xl font-bold">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <InsightSection id="monthly" heading={t("sections.monthly.heading")} intro={t("sections.monthly.intro")} csvHref={csv("maned")} empty={emptyPeriod && closedTotal === 0}>
        <BarChart id="monthly" title={t("sections.monthly.heading")} description={describe(monthlyRows, monthlySeries)} series={monthlySeries.map((label) => ({ label }))} rows={monthlyRows} locale={locale} />
        <DataTable caption={t("sections.monthly.table")} columns={[t("dashboard.month"), ...monthlySeries]} rows={monthlyRows.map((r) => [r.label, ...r.values])} locale={locale} testId="monthly-table" />
      </InsightSection>

      <InsightSection id="first-answer" heading={t("sections.firstAnswer.heading")} intro={t("sections.firstAnswer.intro")} csvHref={csv("svartid")} empty={total.submitted === 0}>
        <BarChart
          id="first-answer"
          title={t("sections.firstAnswer.heading")}
          description={describe(answerRows, answerSeries)}
          series={answerSeries.map((label) => ({ label }))}
          rows={answerRows}
          locale={locale}
          marker={singleSla ? { value: singleSla, label: t("dashboard.slaMarker", { days: singleSla }) } : undefined}
        />
        <DataTable
          caption={t("sections.firstAnswer.table")}
          columns={[t("dashboard.network"), t("dashboard.sla"), t("dashboard.submitted"), t("dashboard.waiting"), t("dashboard.onTimeShare"), t("dashboard.median"), t("dashboard.p90")]}
          rows={[...d.firstAnswers, total].map((r) => [
            r.networkName ?? t("dashboard.total"),
            r.slaDays,
            r.submitted,
            r.waiting,
            `${percent(r.onTimeShare, locale)} (${r.onTime}/${r.due})`,
            r.medianDays,
            r.p90Days,
          ])}
          locale={locale}
          testId="first-answer-table"
        />
      </InsightSection>

      <InsightSection id="backlog" heading={t("sections.backlog.heading")} intro={t("sections.backlog.intro")} csvHref={csv("forfalt")} empty={d.backlog.length === 0}>
        <BarChart id="backlog" title={t("sections.backlog.heading")} description={describe(backlogRows, backlogSeries)} series={backlogSeries.map((label) => ({ label }))} rows={backlogRows} locale={locale} />
        <DataTable caption={t("sections.backlog.table")} columns={[t("dashboard.network"), ...backlogSeries]} rows={backlogRows.map((r) => [r.label, ...r.values])} locale={locale} testId="backlog-table" />
      </InsightSection>

      <InsightSection id="funnel" heading={t("sections.funnel.heading")} intro={t("sections.funnel.intro")} csvHref={csv("status")} empty={emptyPeriod}>
        <BarChart id="funnel" title={t("sections.funnel.heading")} description={describe(funnelRows, [t("dashboard.ideas")])} series={[{ label: t("dashboard.ideas") }]} rows={funnelRows} locale={locale} />
        <DataTable caption={t("sections.funnel.table")} columns={[t("dashboard.status"), t("dashboard.ideas")]} rows={funnelRows.map((r) => [r.label, ...r.values])} locale={locale} testId="funnel-table" />
      </InsightSection>

      {BREAKDOWN_DIMENSIONS.map((dimension) => {
        const rows = d.breakdowns[dimension].map((r) => ({ label: r.label ?? t("dashboard.unknown"), values: [r.ideas, r.open] }));
        const series = [t("dashboard.ideas"), t("dashboard.stillOpen")];
        const heading = t(`sections.breakdown.${dimension}`);
        return (
          <InsightSection
            key={dimension}
            id={`by-${dimension}`}
            heading={heading}
            intro={dimension === "service_area" ? t("sections.breakdown.serviceAreaNote") : undefined}
            csvHref={csv(BREAKDOWN_DATASETS[dimension])}
            empty={rows.length === 0}
          >
            <BarChart id={`by-${dimension}`} title={heading} description={describe(rows, series)} series={series.map((label) => ({ label }))} rows={rows} locale={locale} />
            <DataTable caption={t("sections.breakdown.table", { what: heading })} columns={[t(`dashboard.dimension.${dimension}`), ...series]} rows={rows.map((r) => [r.label, ...r.values])} locale={locale} testId={`by-${dimension}-table`} />
          </InsightSection>
        );
      })}

      {d.workload ? (
        <InsightSection id="workload" heading={t("sections.workload.heading")} intro={t("sections.workload.intro")} csvHref={csv("arbeidsmengde")} empty={d.workload.length === 0}>
          <DataTable
            caption={t("sections.workload.table")}
            columns={[t("dashboard.owner"), t("dashboard.network"), t("dashboard.open"), t("dashboard.overdue")]}
            rows={d.workload.map((r) => [r.ownerName ?? t("dashboard.noOwner"), r.networkName, r.open, r.overdue])}
            locale={locale}
            testId="workload-table"
          />
        </InsightSection>
      ) : null}

      <InsightSection id="same-need" heading={t("sections.sameNeed.heading")} intro={t("sections.sameNeed.intro", { count: d.sameNeedTotal })} csvHref={csv("samme-behov")} empty={d.sameNeed.length === 0}>
        <DataTable
          caption={t("sections.sameNeed.table")}
          columns={[t("dashboard.idea"), t("dashboard.organisations")]}
          rows={d.sameNeed.slice(0, 10).map((r) => [`${r.publicId} ${r.title}`, r.organisations])}
          locale={locale}
          testId="same-need-table"
        />
      </InsightSection>

      <InsightSection id="story-benefits" heading={t("sections.stories.heading")} intro={t("sections.stories.intro")} csvHref={csv("gevinster")} empty={data.storyBenefits.length === 0}>
        <DataTable
          caption={t("sections.stories.table")}
          columns={[
            t("dashboard.benefitIndicator"),
            t("dashboard.benefitCategory"),
            t("dashboard.stories"),
            t("dashboard.baseline"),
            t("dashboard.after"),
            t("dashboard.change"),
          ]}
          rows={data.storyBenefits.map((r) => [
            t("sections.stories.indicator", { indicator: r.indicator, unit: t(`units.${r.unit}`, { ns: "stories" }) }),
            t(`benefits.${r.category}`, { ns: "ideas" }),
            r.stories,
            r.baseline,
            r.after,
            r.change,
          ])}
          locale={locale}
          testId="story-benefits-table"
        />
        <p className="text-sm">
          <Link to="/historier">{t("sections.stories.galleryLink")}</Link>
        </p>
      </InsightSection>
    </div>
  );
}
