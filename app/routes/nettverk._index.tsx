import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { listMyNetworks } from "~/modules/triage/list-my-networks.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getTranslator(await resolveLocale(request, user));
  const networks = await listMyNetworks({ user });
  return { title: t("networks.title", { ns: "triage" }), networks };
}

export default function MyNetworksPage() {
  const { networks } = useLoaderData<typeof loader>();
  const { t } = useTranslation("triage");
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">{t("networks.title")}</h1>
      <p className="mt-2 text-lg">{t("networks.intro")}</p>
      {networks.length === 0 ? (
        <p className="mt-6">{t("networks.empty")}</p>
      ) : (
        <ul className="mt-6 space-y-4">
          {networks.map((network) => (
            <li key={network.id} className="rounded-md border border-gray-300 bg-white p-4">
              <h2 className="text-xl font-semibold">
                <Link to={`/nettverk/${network.slug}/innboks`} aria-label={t("networks.openInbox", { network: network.name })}>
                  {network.name}
                </Link>
              </h2>
              <p className="text-sm text-slate-700">{t(`networks.role.${network.role}`)}</p>
              <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
                <li>{t("networks.open", { count: network.open })}</li>
                <li>{t("networks.unassigned", { count: network.unassigned })}</li>
                <li className={network.overdue > 0 ? "font-semibold text-danger-700" : undefined}>{t("networks.overdue", { count: network.overdue })}</li>
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
