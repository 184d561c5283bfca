import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminForm, SelectField, useAdminForm } from "~/components/admin/admin-form";
import { AdminNav } from "~/components/admin/admin-nav";
import { FlashMessage } from "~/components/idea/flash-message";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { invalidForm, postedFormId, refusedForm } from "~/modules/admin/admin-action.server";
import { requirePlatformAdmin } from "~/modules/admin/admin-access.server";
import { PLATFORM_ROLES, UserRoleSchema } from "~/modules/admin/admin-schemas";
import { changeUserRole } from "~/modules/admin/change-user-role.server";
import { listUsers } from "~/modules/admin/list-users.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "~/modules/auth/form-feedback";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePlatformAdmin(user);
  const t = await getTranslator(await resolveLocale(request, user));
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 100);
  return {
    title: t("users.title", { ns: "admin" }),
    query,
    users: await listUsers({ user, query }),
    flash: url.searchParams.get("lagret") === "1" ? "admin:saved.role" : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePlatformAdmin(user);
  const formData = await request.formData();
  const formId = postedFormId(formData);
  const submission = parseWithZod(formData, { schema: UserRoleSchema });
  if (submission.status !== "success") return invalidForm(formId, submission);
  try {
    await changeUserRole({ user, profileId: submission.value.profileId, role: submission.value.role });
  } catch (error) {
    return refusedForm(request, user, formId, submission, error);
  }
  const q = new URL(request.url).searchParams.get("q");
  throw redirect(`/admin/brukere?lagret=1${q ? `&q=${encodeURIComponent(q)}` : ""}`, 303);
}

function RoleForm({ person }: { person: { id: string; full_name: string; platform_role: string } }) {
  const { t } = useTranslation("admin");
  const formId = `role-${person.id}`;
  const [form, fields] = useAdminForm(formId, { role: person.platform_role });
  return (
    <AdminForm formId={formId} intent="role" form={form} hidden={{ profileId: person.id }} submitClass={secondaryButtonClass} submitLabel={t("users.save", { name: person.full_name })} className="flex flex-wrap items-end gap-3">
      <SelectField fields={fields} name="role" label={t("users.roleFor", { name: person.full_name })} options={PLATFORM_ROLES.map((r) => ({ value: r, label: t(`platformRoles.${r}`) }))} />
    </AdminForm>
  );
}

export default function AdminUsers() {
  const { users, query, flash } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="max-w-4xl">
      <FlashMessage messageKey={flash} />
      <h1 className="text-3xl font-bold">{t("users.title")}</h1>
      <AdminNav isAdmin />
      <section aria-labelledby="roles-help" className="mb-6 rounded-md border border-slate-300 bg-slate-50 p-4">
        <h2 id="roles-help" className="text-xl font-bold">
          {t("users.rolesHeading")}
        </h2>
        <dl className="mt-2 space-y-2">
          {PLATFORM_ROLES.map((role) => (
            <div key={role}>
              <dt className="font-semibold">{t(`platformRoles.${role}`)}</dt>
              <dd>{t(`users.roleHelp.${role}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <Form method="get" role="search" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="user-q" className="block font-semibold">
            {t("users.search")}
          </label>
          <input id="user-q" name="q" type="search" defaultValue={query} className={inputClass} />
        </div>
        <button type="submit" className={primaryButtonClass}>
          {t("users.searchButton")}
        </button>
      </Form>
      <p className="mt-3 text-slate-700">{query ? t("users.results", { count: users.length }) : t("users.defaultList")}</p>
      <ul className="mt-3 space-y-3">
        {users.map((person) => (
          <li key={`${person.id}-${person.platform_role}`} className="rounded-md border border-gray-300 bg-white p-3">
            <p className="font-semibold">
              {person.full_name} <span className="font-normal text-slate-700">({person.organisation_name})</span>
            </p>
            <p className="text-sm text-slate-700">{person.email}</p>
            <RoleForm person={person} />
          </li>
        ))}
      </ul>
    </div>
  );
}
