import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminForm, TextField, useAdminForm } from "~/components/admin/admin-form";
import { AdminNav } from "~/components/admin/admin-nav";
import { FlashMessage } from "~/components/idea/flash-message";
import { dangerButtonClass } from "~/components/idea/form-feedback";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { invalidForm, postedFormId, refusedForm } from "~/modules/admin/admin-action.server";
import { requireAdministration } from "~/modules/admin/admin-access.server";
import { AppError } from "~/utils/app-error";
import { NetworkPageSchema } from "~/modules/admin/admin-schemas";
import { addNetworkMember } from "~/modules/admin/add-network-member.server";
import { changeNetworkMemberRole } from "~/modules/admin/change-network-member-role.server";
import { deleteNetwork } from "~/modules/admin/delete-network.server";
import { getAdminNetwork } from "~/modules/admin/get-admin-network.server";
import { removeNetworkMember } from "~/modules/admin/remove-network-member.server";
import { updateNetwork } from "~/modules/admin/update-network.server";
import { updateNetworkSla } from "~/modules/admin/update-network-sla.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { secondaryButtonClass } from "~/modules/auth/form-feedback";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

const SAVED = ["details", "sla", "member-added", "member-role", "member-removed"] as const;

async function load(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const access = requireAdministration(user);
  const network = await getAdminNetwork({ user, slug: slug ?? "" });
  if (!network) throw new Response(null, { status: 404 });
  return { user, access, network };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, access, network } = await load(request, params.slug);
  const t = await getTranslator(await resolveLocale(request, user));
  const saved = new URL(request.url).searchParams.get("lagret");
  return {
    title: t("network.title", { ns: "admin", network: network.name }),
    isAdmin: access.isAdmin,
    network,
    flash: (SAVED as readonly string[]).includes(saved ?? "") ? `admin:saved.${saved}` : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, access, network } = await load(request, params.slug);
  const formData = await request.formData();
  const formId = postedFormId(formData);
  const submission = parseWithZod(formData, { schema: NetworkPageSchema });
  if (submission.status !== "success") return invalidForm(formId, submission);
  const value = submission.value;
  const back = (saved: string) => redirect(`/admin/nettverk/${encodeURIComponent(network.slug)}?lagret=${saved}`, 303);
  try {
    switch (value.intent) {
      case "update":
        await updateNetwork({ user, networkId: network.id, name: value.name, description: value.description });
        return back("details");
      case "sla":
        await updateNetworkSla({ user, networkId: network.id, firstAnswerDays: value.firstAnswerDays, updateIntervalDays: value.updateIntervalDays });
        return back("sla");
      case "add-member":
        await addNetworkMember({ user, networkId: network.id, email: value.email, role: value.role });
        return back("member-added");
      case "member-role":
        await changeNetworkMemberRole({ user, networkId: network.id, profileId: value.profileId, role: value.role });
        return back("member-role");
      case "remove-member":
        await removeNetworkMember({ user, networkId: network.id, profileId: value.profileId });
        return back("member-removed");
      case "delete-network":
        if (!access.isAdmin) throw new AppError("not_allowed");
        await deleteNetwork({ user, networkId: network.id });
        return redirect("/admin/nettverk?lagret=deleted", 303);
    }
  } catch (error) {
    return refusedForm(request, user, formId, submission, error);
  }
}

function DetailsForm() {
  const { network } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const [form, fields] = useAdminForm("network-details", { name: network.name, description: network.description ?? "" });
  return (
    <AdminForm formId="network-details" intent="update" form={form} submitLabel={t("network.saveDetails")}>
      <TextField fields={fields} name="name" label={t("fields.name")} />
      <TextField fields={fields} name="description" label={t("fields.description")} />
    </AdminForm>
  );
}

function SlaForm() {
  const { network } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const [form, fields] = useAdminForm("network-sla", {
    firstAnswerDays: String(network.sla_first_answer_working_days),
    updateIntervalDays: String(network.sla_update_interval_days),
  });
  return (
    <AdminForm formId="network-sla" intent="sla" form={form} submitLabel={t("sla.save")}>
      <TextField fields={fields} name="firstAnswerDays" type="number" inputMode="numeric" label={t("sla.firstAnswerDays")} hint={t("sla.firstAnswerHint")} />
      <TextField fields={fields} name="updateIntervalDays" type="number" inputMode="numeric" label={t("sla.updateIntervalDays")} hint={t("sla.updateIntervalHint")} />
    </AdminForm>
  );
}

function AddMemberForm() {
  const { t } = useTranslation("admin");
  const [form, fields] = useAdminForm("member-add", { role: "member" });
  const role = fields.role!;
  return (
    <AdminForm formId="member-add" intent="add-member" form={form} submitLabel={t("members.add")}>
      <TextField fields={fields} name="email" type="email" label={t("members.email")} hint={t("members.emailHint")} />
      <div>
        <label htmlFor={role.id} className="block font-semibold">
          {t("members.role")}
        </label>
        <select id={role.id} name={role.name} defaultValue="member" className="mt-1 block rounded-md border border-gray-500 px-3 py-2">
          <option value="member">{t("roles.member")}</option>
          <option value="coordinator">{t("roles.coordinator")}</option>
        </select>
      </div>
    </AdminForm>
  );
}

type Member = { profile_id: string; role: "member" | "coordinator"; full_name: string; email: string; organisation_name: string };

function MemberRow({ member }: { member: Member }) {
  const { t } = useTranslation("admin");
  const roleFormId = `member-role-${member.profile_id}`;
  const removeFormId = `member-remove-${member.profile_id}`;
  const [roleForm] = useAdminForm(roleFormId);
  const [removeForm] = useAdminForm(removeFormId);
  const nextRole = member.role === "coordinator" ? "member" : "coordinator";
  return (
    <li className="rounded-md border border-gray-300 bg-white p-3">
      <p className="font-semibold">
        {member.full_name} <span className="font-normal text-slate-700">({member.organisation_name})</span>
      </p>
      <p className="text-sm text-slate-700">
        {member.email} · {t(`roles.${member.role}`)}
      </p>
      <div className="mt-2 flex flex-wrap gap-3">
        <AdminForm
          formId={roleFormId}
          intent="member-role"
          form={roleForm}
          hidden={{ profileId: member.profile_id, role: nextRole }}
          submitClass={secondaryButtonClass}
          submitLabel={nextRole === "coordinator" ? t("members.makeCoordinator", { name: member.full_name }) : t("members.makeMember", { name: member.full_name })}
        />
        <AdminForm
          formId={removeFormId}
          intent="remove-member"
          form={removeForm}
          hidden={{ profileId: member.profile_id }}
          submitClass={secondaryButtonClass}
          submitLabel={t("members.remove", { name: member.full_name })}
        />
      </div>
    </li>
  );
}

function DeleteNetworkForm() {
  const { network } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const [form] = useAdminForm("network-delete");
  return (
    <AdminForm formId="network-delete" intent="delete-network" form={form} submitClass={dangerButtonClass} submitLabel={t("network.delete", { network: network.name })}>
      <p>{network.openIdeas > 0 ? t("network.deleteBlocked", { count: network.openIdeas }) : t("network.deleteHint")}</p>
    </AdminForm>
  );
}

export default function AdminNetworkPage() {
  const { network, isAdmin, flash } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="max-w-3xl">
      <FlashMessage messageKey={flash} />
      <h1 className="text-3xl font-bold">{t("network.title", { network: network.name })}</h1>
      <AdminNav isAdmin={isAdmin} />
      <p className="flex flex-wrap gap-4">
        <Link to={`/nettverk/${network.slug}/svarmaler`} className="text-brand-700 underline">
          {t("network.replyTemplates")}
        </Link>
        <Link to={`/admin/logg?nettverk=${network.id}`} className="text-brand-700 underline">
          {t("network.log")}
        </Link>
      </p>
      <section aria-labelledby="details-heading" className="mt-6 rounded-md border border-gray-300 bg-white p-4">
        <h2 id="details-heading" className="text-xl font-semibold">
          {t("network.details")}
        </h2>
        <DetailsForm />
      </section>
      <section aria-labelledby="sla-heading" className="mt-6 rounded-md border border-gray-300 bg-white p-4">
        <h2 id="sla-heading" className="text-xl font-semibold">
          {t("sla.heading")}
        </h2>
        <p className="text-slate-700">{t("sla.intro")}</p>
        <SlaForm />
      </section>
      <section aria-labelledby="members-heading" className="mt-6">
        <h2 id="members-heading" className="text-xl font-semibold">
          {t("members.heading", { count: network.members.length })}
        </h2>
        <p className="text-slate-700">{t("members.intro")}</p>
        <ul className="mt-3 space-y-3">
          {network.members.map((m) => (
            <MemberRow key={`${m.profile_id}-${m.role}`} member={m} />
          ))}
        </ul>
        <div className="mt-4 rounded-md border border-gray-300 bg-white p-4">
          <h3 className="text-lg font-semibold">{t("members.addHeading")}</h3>
          <AddMemberForm />
        </div>
      </section>
      {isAdmin ? (
        <section aria-labelledby="delete-heading" className="mt-6 rounded-md border border-danger-700 bg-white p-4">
          <h2 id="delete-heading" className="text-xl font-semibold">
            {t("network.deleteHeading")}
          </h2>
          <DeleteNetworkForm />
        </section>
      ) : null}
    </div>
  );
}
