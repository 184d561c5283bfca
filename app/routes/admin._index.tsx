import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/admin/admin-nav";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { requireAdministration } from "~/modules/admin/admin-access.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const access = requireAdministration(user);
  const t = await getTranslator(await resolveLocale(request, user));
  return {
    title: t("overview.title", { ns: "admin" }),
    isAdmin: access.isAdmin,
    networks: user.networks.filter((n) => n.role === "coordinator"),
  };
}

const adminSections = ["organisations", "networks", "routing", "themes", "users", "log"] as const;
const sectionPaths: Record<(typeof adminSections)[number], string> = {
  organisations: "/admin/organisasjoner",
  networks: "/admin/nettverk",
  routing: "/admin/ruting",
  themes: "/admin/temaer",
  users: "/admin/brukere",
  log: "/admin/logg",
};

export default function AdminOverview() {
  const { isAdmin, networks } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="max-w-4xl">
      <h1 className="text-3xl font-bold">{t("overview.title")}</h1>
      <AdminNav isAdmin={isAdmin} />
      <p>{isAdmin ? t("overview.introAdmin") : t("overview.introCoordinator")}</p>
      {isAdmin ? (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2">
          {adminSections.map((section) => (
            <li key={section} className="rounded-md border border-gray-300 bg-white p-4">
              <h2 className="text-xl font-semibold">
                <Link to={sectionPaths[section]} className="text-brand-700 underline hover:text-brand-900">
                  {t(`nav.${section}`)}
                </Link>
              </h2>
              <p className="mt-1 text-slate-700">{t(`overview.sections.${section}`)}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {networks.length > 0 ? (
        <section aria-labelledby="my-networks" className="mt-8">
          <h2 id="my-networks" className="text-2xl font-semibold">
            {t("overview.myNetworks")}
          </h2>
          <ul className="mt-3 space-y-3">
            {networks.map((n) => (
              <li key={n.id} className="rounded-md border border-gray-300 bg-white p-4">
                <p className="font-semibold">{n.name}</p>
                <p className="mt-1 flex flex-wrap gap-4">
                  <Link to={`/admin/nettverk/${n.slug}`} className="text-brand-700 underline">
                    {t("overview.manageNetwork", { network: n.name })}
                  </Link>
                  <Link to={`/nettverk/${n.slug}/svarmaler`} className="text-brand-700 underline">
                    {t("overview.replyTemplates", { network: n.name })}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
