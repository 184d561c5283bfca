import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminForm, SelectField, TextField, useAdminForm } from "~/components/admin/admin-form";
import { AdminNav } from "~/components/admin/admin-nav";
import { FlashMessage } from "~/components/idea/flash-message";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { invalidForm, postedFormId, refusedForm } from "~/modules/admin/admin-action.server";
import { requirePlatformAdmin } from "~/modules/admin/admin-access.server";
import { ORGANISATION_KINDS, OrganisationPageSchema } from "~/modules/admin/admin-schemas";
import { addOrganisationDomain } from "~/modules/admin/add-organisation-domain.server";
import { deleteUnit } from "~/modules/admin/delete-unit.server";
import { getOrganisation } from "~/modules/admin/get-organisation.server";
import { listAdminNetworks } from "~/modules/admin/list-admin-networks.server";
import { removeOrganisationDomain } from "~/modules/admin/remove-organisation-domain.server";
import { saveUnit } from "~/modules/admin/save-unit.server";
import { updateOrganisation } from "~/modules/admin/update-organisation.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { secondaryButtonClass } from "~/modules/auth/form-feedback";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

const SAVED = ["created", "details", "domain-added", "domain-removed", "unit-saved", "unit-deleted"] as const;

async function load(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  requirePlatformAdmin(user);
  const organisation = /^[0-9a-f-]{36}$/i.test(id ?? "") ? await getOrganisation({ user, organisationId: id! }) : null;
  if (!organisation) throw new Response(null, { status: 404 });
  return { user, organisation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, organisation } = await load(request, params.id);
  const t = await getTranslator(await resolveLocale(request, user));
  const networks = await listAdminNetworks({ user });
  const saved = new URL(request.url).searchParams.get("lagret");
  return {
    title: t("organisation.title", { ns: "admin", organisation: organisation.name }),
    organisation,
    networks: networks.map((n) => ({ value: n.id, label: n.name })),
    flash: (SAVED as readonly string[]).includes(saved ?? "") ? `admin:saved.${saved}` : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = await load(request, params.id);
  const formData = await request.formData();
  const formId = postedFormId(formData);
  const submission = parseWithZod(formData, { schema: OrganisationPageSchema });
  if (submission.status !== "success") return invalidForm(formId, submission);
  const value = submission.value;
  const organisationId = organisation.id;
  let saved: (typeof SAVED)[number];
  try {
    switch (value.intent) {
      case "update":
        await updateOrganisation({ user, organisationId, ...value });
        saved = "details";
        break;
      case "add-domain":
        await addOrganisationDomain({ user, organisationId, domain: value.domain });
        saved = "domain-added";
        break;
      case "remove-domain":
        await removeOrganisationDomain({ user, organisationId, domain: value.domain });
        saved = "domain-removed";
        break;
      case "save-unit":
        await saveUnit({ user, organisationId, unitId: value.unitId, name: value.name });
        saved = "unit-saved";
        break;
      case "delete-unit":
        await deleteUnit({ user, organisationId, unitId: value.unitId });
        saved = "unit-deleted";
        break;
    }
  } catch (error) {
    return refusedForm(request, user, formId, submission, error);
  }
  throw redirect(`/admin/organisasjoner/${organisationId}?lagret=${saved}`, 303);
}

function DetailsForm() {
  const { organisation, networks } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const [form, fields] = useAdminForm("organisation-details", {
    name: organisation.name,
    kind: organisation.kind,
    avvikUrl: organisation.avvik_url ?? "",
    fallbackNetworkId: organisation.fallback_network_id ?? "",
  });
  return (
    <AdminForm formId="organisation-details" intent="update" form={form} submitLabel={t("organisation.save")}>
      <TextField fields={fields} name="name" label={t("fields.name")} />
      <SelectField fields={fields} name="kind" label={t("fields.organisationKind")} options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisationKinds.${k}`) }))} />
      <TextField fields={fields} name="avvikUrl" type="url" label={t("fields.avvikUrl")} hint={t("fields.avvikHint")} />
      <SelectField fields={fields} name="fallbackNetworkId" label={t("fields.fallbackNetwork")} hint={t("fields.fallbackHint")} options={networks} emptyLabel={t("routing.choose")} />
    </AdminForm>
  );
}

function SmallForm({ formId, intent, hidden, label }: { formId: string; intent: string; hidden: Record<string, string>; label: string }) {
  const [form] = useAdminForm(formId);
  return <AdminForm formId={formId} intent={intent} form={form} hidden={hidden} submitClass={secondaryButtonClass} submitLabel={label} />;
}

function AddDomainForm() {
  const { t } = useTranslation("admin");
  const [form, fields] = useAdminForm("domain-add");
  return (
    <AdminForm formId="domain-add" intent="add-domain" form={form} submitLabel={t("organisation.addDomain")}>
      <TextField fields={fields} name="domain" label={t("fields.domain")} hint={t("fields.domainHint")} />
    </AdminForm>
  );
}

function UnitForm({ unit }: { unit?: { id: string; name: string } }) {
  const { t } = useTranslation("admin");
  const formId = unit ? `unit-${unit.id}` : "unit-new";
  const [form, fields] = useAdminForm(formId, { name: unit?.name ?? "" });
  return (
    <AdminForm formId={formId} intent="save-unit" form={form} hidden={unit ? { unitId: unit.id } : {}} submitClass={unit ? secondaryButtonClass : undefined} submitLabel={unit ? t("organisation.renameUnit", { unit: unit.name }) : t("organisation.addUnit")}>
      <TextField fields={fields} name="name" label={unit ? t("organisation.unitName", { unit: unit.name }) : t("organisation.newUnitName")} />
    </AdminForm>
  );
}

export default function AdminOrganisation() {
  const { organisation, flash } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="max-w-3xl">
      <FlashMessage messageKey={flash} />
      <h1 className="text-3xl font-bold">{t("organisation.title", { organisation: organisation.name })}</h1>
      <AdminNav isAdmin />
      <section aria-labelledby="org-details" className="rounded-md border border-gray-300 bg-white p-4">
        <h2 id="org-details" className="text-xl font-semibold">
          {t("organisation.details")}
        </h2>
        <DetailsForm />
      </section>
      <section aria-labelledby="org-domains" className="mt-6 rounded-md border border-gray-300 bg-white p-4">
        <h2 id="org-domains" className="text-xl font-semibold">
          {t("organisation.domainsHeading")}
        </h2>
        <p className="text-slate-700">{t("organisation.domainsIntro")}</p>
        <ul className="mt-2 space-y-2">
          {organisation.domains.map((domain) => (
            <li key={domain} className="flex flex-wrap items-center gap-3">
              <span>{domain}</span>
              <SmallForm formId={`domain-remove-${domain.replace(/[^a-z0-9-]/g, "-")}`} intent="remove-domain" hidden={{ domain }} label={t("organisation.removeDomain", { domain })} />
            </li>
          ))}
        </ul>
        <AddDomainForm />
      </section>
      <section aria-labelledby="org-units" className="mt-6 rounded-md border border-gray-300 bg-white p-4">
        <h2 id="org-units" className="text-xl font-semibold">
          {t("organisation.unitsHeading")}
        </h2>
        <ul className="mt-2 space-y-4">
          {organisation.units.map((unit) => (
            <li key={`${unit.id}-${unit.name}`} className="space-y-2 border-b border-gray-200 pb-3">
              <UnitForm unit={unit} />
              <SmallForm formId={`unit-delete-${unit.id}`} intent="delete-unit" hidden={{ unitId: unit.id }} label={t("organisation.deleteUnit", { unit: unit.name })} />
            </li>
          ))}
        </ul>
        <div className="mt-4">
          <UnitForm />
        </div>
      </section>
    </div>
  );
}
