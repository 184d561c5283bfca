import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminForm, SelectField, TextField, useAdminForm } from "~/components/admin/admin-form";
import { AdminNav } from "~/components/admin/admin-nav";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { invalidForm, postedFormId, refusedForm } from "~/modules/admin/admin-action.server";
import { requirePlatformAdmin } from "~/modules/admin/admin-access.server";
import { CreateOrganisationSchema, ORGANISATION_KINDS } from "~/modules/admin/admin-schemas";
import { createOrganisation } from "~/modules/admin/create-organisation.server";
import { listAdminNetworks } from "~/modules/admin/list-admin-networks.server";
import { listOrganisations } from "~/modules/admin/list-organisations.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePlatformAdmin(user);
  const t = await getTranslator(await resolveLocale(request, user));
  const [organisations, networks] = await Promise.all([listOrganisations({ user }), listAdminNetworks({ user })]);
  return { title: t("organisations.title", { ns: "admin" }), organisations, networks: networks.map((n) => ({ value: n.id, label: n.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePlatformAdmin(user);
  const formData = await request.formData();
  const formId = postedFormId(formData);
  const submission = parseWithZod(formData, { schema: CreateOrganisationSchema });
  if (submission.status !== "success") return invalidForm(formId, submission);
  let id: string;
  try {
    id = (await createOrganisation({ user, ...submission.value })).id;
  } catch (error) {
    return refusedForm(request, user, formId, submission, error);
  }
  throw redirect(`/admin/organisasjoner/${id}?lagret=created`, 303);
}

export default function AdminOrganisations() {
  const { organisations, networks } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const [form, fields] = useAdminForm("organisation-new");
  return (
    <div className="max-w-4xl">
      <h1 className="text-3xl font-bold">{t("organisations.title")}</h1>
      <AdminNav isAdmin />
      <table className="mt-4 w-full border-collapse text-left">
        <caption className="sr-only">{t("organisations.caption")}</caption>
        <thead>
          <tr className="border-b border-gray-400">
            <th scope="col" className="py-2 pr-3">{t("fields.name")}</th>
            <th scope="col" className="py-2 pr-3">{t("fields.fallbackNetwork")}</th>
            <th scope="col" className="py-2 pr-3">{t("organisations.domains")}</th>
            <th scope="col" className="py-2 pr-3">{t("organisations.units")}</th>
            <th scope="col" className="py-2 pr-3">{t("fields.avvikUrl")}</th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((o) => (
            <tr key={o.id} className="border-b border-gray-200">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link to={`/admin/organisasjoner/${o.id}`} className="text-brand-700 underline">
                  {o.name}
                </Link>
              </th>
              <td className="py-2 pr-3">{o.fallback_network_name ?? <strong className="text-danger-700">{t("organisations.noFallback")}</strong>}</td>
              <td className="py-2 pr-3">{Number(o.domain_count)}</td>
              <td className="py-2 pr-3">{Number(o.unit_count)}</td>
              <td className="py-2 pr-3">{o.avvik_url ? t("organisations.hasAvvik") : t("organisations.noAvvik")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="organisation-new-heading" className="mt-8 rounded-md border border-gray-300 bg-white p-4">
        <h2 id="organisation-new-heading" className="text-xl font-semibold">
          {t("organisations.newHeading")}
        </h2>
        <AdminForm formId="organisation-new" intent="create" form={form} submitLabel={t("organisations.create")}>
          <TextField fields={fields} name="name" label={t("fields.name")} />
          <TextField fields={fields} name="slug" label={t("fields.slug")} hint={t("fields.slugHint")} />
          <SelectField fields={fields} name="kind" label={t("fields.organisationKind")} options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisationKinds.${k}`) }))} emptyLabel={t("routing.choose")} />
          <TextField fields={fields} name="avvikUrl" type="url" label={t("fields.avvikUrl")} hint={t("fields.avvikHint")} />
          <SelectField fields={fields} name="fallbackNetworkId" label={t("fields.fallbackNetwork")} hint={t("fields.fallbackHint")} options={networks} emptyLabel={t("routing.choose")} />
        </AdminForm>
      </section>
    </div>
  );
}
