import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminForm, SelectField, TextField, useAdminForm } from "~/components/admin/admin-form";
import { AdminNav } from "~/components/admin/admin-nav";
import { FlashMessage } from "~/components/idea/flash-message";
import { pageTitle } from "~/components/page-title";
import type { Locale } from "~/db/schema";
import { getTranslator } from "~/i18n/i18n.server";
import { invalidForm, postedFormId, refusedForm } from "~/modules/admin/admin-action.server";
import { requireAdministration, requirePlatformAdmin } from "~/modules/admin/admin-access.server";
import { CreateNetworkSchema, NETWORK_KINDS } from "~/modules/admin/admin-schemas";
import { createNetwork } from "~/modules/admin/create-network.server";
import { listAdminNetworks } from "~/modules/admin/list-admin-networks.server";
import { loadRoutingOptions } from "~/modules/admin/load-routing-options.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const access = requireAdministration(user);
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const [networks, options] = await Promise.all([
    listAdminNetworks({ user }),
    access.isAdmin ? loadRoutingOptions({ user, locale: locale as Locale }) : null,
  ]);
  const saved = new URL(request.url).searchParams.get("lagret");
  return {
    title: t("networks.title", { ns: "admin" }),
    isAdmin: access.isAdmin,
    networks,
    owners: options ? [...options.organisations.map((o) => ({ value: `organisation:${o.id}`, label: o.name })), ...options.groups.map((g) => ({ value: `group:${g.id}`, label: g.name }))] : [],
    flash: saved === "deleted" ? "admin:saved.network-deleted" : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePlatformAdmin(user);
  const formData = await request.formData();
  const formId = postedFormId(formData);
  const submission = parseWithZod(formData, { schema: CreateNetworkSchema });
  if (submission.status !== "success") return invalidForm(formId, submission);
  try {
    const created = await createNetwork({ user, ...submission.value });
    throw redirect(`/admin/nettverk/${created.slug}?lagret=details`, 303);
  } catch (error) {
    if (error instanceof Response) throw error;
    return refusedForm(request, user, formId, submission, error);
  }
}

function CreateNetworkForm() {
  const { owners } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const [form, fields] = useAdminForm("network-new");
  return (
    <section aria-labelledby="network-new-heading" className="mt-8 rounded-md border border-gray-300 bg-white p-4">
      <h2 id="network-new-heading" className="text-xl font-semibold">
        {t("networks.newHeading")}
      </h2>
      <AdminForm formId="network-new" intent="create" form={form} submitLabel={t("networks.create")}>
        <TextField fields={fields} name="name" label={t("fields.name")} />
        <TextField fields={fields} name="slug" label={t("fields.slug")} hint={t("fields.slugHint")} />
        <SelectField fields={fields} name="kind" label={t("fields.networkKind")} options={NETWORK_KINDS.map((k) => ({ value: k, label: t(`networkKinds.${k}`) }))} emptyLabel={t("routing.choose")} />
        <SelectField fields={fields} name="owner" label={t("fields.owner")} options={owners} emptyLabel={t("routing.choose")} />
        <TextField fields={fields} name="description" label={t("fields.description")} />
      </AdminForm>
    </section>
  );
}

export default function AdminNetworks() {
  const { networks, isAdmin, flash } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="max-w-4xl">
      <FlashMessage messageKey={flash} />
      <h1 className="text-3xl font-bold">{t("networks.title")}</h1>
      <AdminNav isAdmin={isAdmin} />
      <table className="mt-4 w-full border-collapse text-left">
        <caption className="sr-only">{t("networks.caption")}</caption>
        <thead>
          <tr className="border-b border-gray-400">
            <th scope="col" className="py-2 pr-3">{t("fields.name")}</th>
            <th scope="col" className="py-2 pr-3">{t("fields.owner")}</th>
            <th scope="col" className="py-2 pr-3">{t("networks.sla")}</th>
            <th scope="col" className="py-2 pr-3">{t("networks.members")}</th>
          </tr>
        </thead>
        <tbody>
          {networks.map((n) => (
            <tr key={n.id} className="border-b border-gray-200">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link to={`/admin/nettverk/${n.slug}`} className="text-brand-700 underline">
                  {n.name}
                </Link>
              </th>
              <td className="py-2 pr-3">{n.owner_name}</td>
              <td className="py-2 pr-3">{t("networks.slaValue", { first: n.sla_first_answer_working_days, update: n.sla_update_interval_days })}</td>
              <td className="py-2 pr-3">
                {t("networks.memberCount", { count: Number(n.member_count), coordinators: Number(n.coordinator_count) })}
                {Number(n.coordinator_count) === 0 ? <strong className="block text-danger-700">{t("networks.noCoordinator")}</strong> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {isAdmin ? <CreateNetworkForm /> : null}
    </div>
  );
}
