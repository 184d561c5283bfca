import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { buildInsightCsv, insightCsvFileName, isInsightDataset } from "~/modules/insight/insight-csv";
import { parseInsightFilters } from "~/modules/insight/insight-period";
import { loadInsightDashboard } from "~/modules/insight/load-insight-dashboard.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { isAppError } from "~/utils/app-error";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!isInsightDataset(params.dataset)) throw new Response(null, { status: 404 });
  const locale = await resolveLocale(request, user);
  const { filters } = parseInsightFilters(new URL(request.url).searchParams);
  try {
    const dashboard = await loadInsightDashboard({ user, filters, locale });
    const applied = { ...filters, networkSlug: dashboard.selected?.slug ?? null };
    const body = buildInsightCsv(dashboard, params.dataset, await getTranslator(locale), applied, locale);
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${insightCsvFileName(params.dataset, applied)}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "no_insight_access") throw new Response(null, { status: 403 });
    throw error;
  }
}
