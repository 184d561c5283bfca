import { useTranslation } from "react-i18next";
import type { RoutingReason } from "~/modules/ideas/describe-routing.server";

/** "Sendt til <network> fordi …", from describeRouting(). */
export function RoutingExplanation({ networkName, reasons, headingId }: { networkName: string; reasons: RoutingReason[]; headingId: string }) {
  const { t } = useTranslation("ideas");
  return (
    <section aria-labelledby={headingId} className="rounded-lg border-l-4 border-brand-700 bg-brand-50 p-4">
      <h2 id={headingId} className="text-lg font-bold text-brand-900">
        {t("routing.sentTo", { network: networkName })}
      </h2>
      {reasons.length > 0 ? (
        <>
          <p className="mt-1 font-semibold">{t("routing.because")}</p>
          <ul className="mt-1 list-disc space-y-1 pl-6">
            {reasons.map((reason) => (
              <li key={reason.key}>{t(reason.key, reason.values)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="mt-2 text-sm text-slate-700">{t("page.routingMayMove", { ns: "my-ideas" })}</p>
    </section>
  );
}
