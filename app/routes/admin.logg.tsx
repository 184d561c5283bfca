import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/admin/admin-nav";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { requireAdministration } from "~/modules/admin/admin-access.server";
import { listAuditLog } from "~/modules/admin/list-audit-log.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

const UUID = /^[0-9a-f-]{36}$/i;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const access = requireAdministration(user);
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const url = new URL(request.url);
  const network = url.searchParams.get("nettverk");
  const before = Number(url.searchParams.get("før"));
  const log = await listAuditLog({
    user,
    networkId: network && UUID.test(network) ? network : undefined,
    before: Number.isInteger(before) && before > 0 ? before : undefined,
  });
  const format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nb-NO", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Oslo" });
  return {
    title: t("log.title", { ns: "admin" }),
    isAdmin: access.isAdmin,
    network: network && UUID.test(network) ? network : null,
    nextBefore: log.nextBefore,
    entries: log.entries.map((e) => ({
      id: e.id,
      when: format.format(e.created_at),
      action: e.action,
      targetTable: e.target_table,
      targetId: e.target_id,
      networkName: e.network_name,
      actorName: e.actor_name,
      hasActor: e.actor_id !== null,
      changes: Object.keys({ ...(e.before_data ?? {}), ...(e.after_data ?? {}) })
        .filter((k) => k !== "updated_at" && JSON.stringify(e.before_data?.[k]) !== JSON.stringify(e.after_data?.[k]))
        .map((k) => ({ field: k, before: e.before_data ? JSON.stringify(e.before_data[k] ?? null) : null, after: e.after_data ? JSON.stringify(e.after_data[k] ?? null) : null })),
    })),
  };
}

export default function AuditLogPage() {
  const { entries, isAdmin, nextBefore, network } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="max-w-5xl">
      <h1 className="text-3xl font-bold">{t("log.title")}</h1>
      <AdminNav isAdmin={isAdmin} />
      <p>{isAdmin ? t("log.introAdmin") : t("log.introCoordinator")}</p>
      {entries.length === 0 ? (
        <p className="mt-4">{t("log.empty")}</p>
      ) : (
        <table className="mt-4 w-full border-collapse text-left text-sm">
          <caption className="sr-only">{t("log.caption")}</caption>
          <thead>
            <tr className="border-b border-gray-400">
              <th scope="col" className="py-2 pr-3">{t("log.when")}</th>
              <th scope="col" className="py-2 pr-3">{t("log.who")}</th>
              <th scope="col" className="py-2 pr-3">{t("log.what")}</th>
              <th scope="col" className="py-2 pr-3">{t("log.changes")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-b border-gray-200 align-top">
                <td className="py-2 pr-3 whitespace-nowrap">{e.when}</td>
                <td className="py-2 pr-3">{e.actorName ?? (e.hasActor ? t("log.someone") : t("log.nobody"))}</td>
                <td className="py-2 pr-3">
                  {t(`log.actions.${e.action.split(".")[1]}`, { defaultValue: e.action })} · {t(`log.tables.${e.targetTable}`, { defaultValue: e.targetTable })}
                  {e.networkName ? <span className="block text-slate-700">{e.networkName}</span> : null}
                </td>
                <td className="py-2 pr-3 break-all">
                  {e.changes.length === 0 ? null : (
                    <ul>
                      {e.changes.map((c) => (
                        <li key={c.field}>
                          <code>{c.field}</code>: {c.before ?? "–"} → {c.after ?? "–"}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextBefore ? (
        <p className="mt-4">
          <Link to={`/admin/logg?før=${nextBefore}${network ? `&nettverk=${network}` : ""}`} className="text-brand-700 underline">
            {t("log.older")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
