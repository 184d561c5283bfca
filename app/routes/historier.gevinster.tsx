import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readPageHandle } from "~/components/hydration";
import { pageTitle } from "~/components/page-title";
import { BenefitTotals } from "~/components/stories/benefit-totals";
import { getTranslator } from "~/i18n/i18n.server";
import { getCurrentUser } from "~/modules/auth/current-user.server";
import { linkClass } from "~/modules/auth/form-feedback";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { benefitTotalsForDisplay } from "~/modules/stories/format-benefit-number";
import { summariseBenefitsByOrganisation } from "~/modules/stories/summarise-benefits-by-organisation.server";

export const handle = readPageHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const viewer = user?.onboarded ? user : null;
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const slug = new URL(request.url).searchParams.get("organisasjon");
  const organisation = slug && /^[a-z0-9-]{1,80}$/.test(slug) ? slug : null;
  const overview = await summariseBenefitsByOrganisation({ viewer, organisation });
  return {
    title: t("overview.title", { ns: "stories" }),
    organisation,
    overview: overview.map((o) => ({ ...o, categories: benefitTotalsForDisplay(o.categories, locale) })),
  };
}

export default function BenefitOverviewPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("stories");
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("overview.title")}</h1>
      <p className="mt-2 max-w-3xl text-lg">{t("overview.intro")}</p>
      <p className="mt-2 flex flex-wrap gap-4">
        <Link to="/historier" className={linkClass}>
          {t("overview.back")}
        </Link>
        {data.organisation ? (
          <Link to="/historier/gevinster" className={linkClass}>
            {t("overview.all")}
          </Link>
        ) : null}
      </p>
      {data.overview.length === 0 ? <p className="mt-6">{t("totals.empty")}</p> : null}
      {data.overview.map((organisation) => (
        <div key={organisation.slug}>
          <BenefitTotals
            categories={organisation.categories}
            headingId={`overview-${organisation.slug}`}
            heading={organisation.name}
            intro={t("overview.stories", { count: organisation.stories })}
          />
          <p className="mt-2">
            <Link to={`/historier?organisasjon=${organisation.slug}`} className={linkClass}>
              {t("overview.storiesLink", { organisation: organisation.name })}
            </Link>
          </p>
        </div>
      ))}
    </div>
  );
}
