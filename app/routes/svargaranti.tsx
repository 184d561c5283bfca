import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readPageHandle } from "~/components/hydration";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { getCurrentUser } from "~/modules/auth/current-user.server";
import { getAnswerGuarantee } from "~/modules/insight/get-answer-guarantee.server";
import { BarChart, DataTable, formatNumber } from "~/modules/insight/insight-figure";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const handle = readPageHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await resolveLocale(request, await getCurrentUser(request));
  const t = await getTranslator(locale);
  const networks = await getAnswerGuarantee();
  return { title: t("guarantee.title", { ns: "insight" }), locale, networks };
}

export default function AnswerGuaranteePage() {
  const { networks, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation("insight");
  const withFigures = networks.filter((n) => n.due > 0);
  const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
  const chartRows = withFigures.map((n) => ({ label: n.networkName, values: [pct(n.onTimeShare)] }));
  return (
    <div className="max-w-4xl">
      <h1 className="text-3xl font-bold">{t("guarantee.title")}</h1>
      <p className="mt-2 text-lg">{t("guarantee.intro")}</p>
      <p className="mt-2">{t("guarantee.how")}</p>

      {withFigures.length ? (
        <BarChart
          id="guarantee"
          title={t("guarantee.chartTitle")}
          description={chartRows.map((r) => `${r.label}: ${formatNumber(r.values[0], locale)} %`).join("; ")}
          series={[{ label: t("guarantee.onTimeShare") }]}
          rows={chartRows}
          locale={locale}
        />
      ) : (
        <p className="mt-4 font-medium">{t("guarantee.noneYet")}</p>
      )}

      <DataTable
        caption={t("guarantee.tableCaption")}
        columns={[t("guarantee.network"), t("guarantee.promise"), t("guarantee.onTimeShare"), t("guarantee.median"), t("guarantee.openOverdue")]}
        rows={networks.map((n) => [
          n.networkName,
          t("guarantee.promiseDays", { count: n.slaDays }),
          n.due > 0 ? t("guarantee.share", { percent: formatNumber(pct(n.onTimeShare), locale), onTime: n.onTime, due: n.due }) : t("guarantee.noIdeas"),
          n.medianDays === null ? null : t("guarantee.medianDays", { formatted: formatNumber(n.medianDays, locale) }),
          n.openOverdue,
        ])}
        locale={locale}
        testId="guarantee-table"
      />
      <h2 className="mt-8 text-2xl font-semibold">{t("guarantee.aboutHeading")}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>{t("guarantee.aboutWorkingDays")}</li>
        <li>{t("guarantee.aboutShare")}</li>
        <li>{t("guarantee.aboutPrivacy")}</li>
      </ul>
    </div>
  );
}
