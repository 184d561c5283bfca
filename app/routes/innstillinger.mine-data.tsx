import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminForm, CheckboxField, TextField, useAdminForm } from "~/components/admin/admin-form";
import { dangerButtonClass } from "~/components/idea/form-feedback";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { invalidForm, postedFormId, refusedForm } from "~/modules/admin/admin-action.server";
import { getAuthProvider } from "~/modules/auth/auth-provider.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { destroyUserSession } from "~/modules/auth/session.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { DeleteAccountSchema } from "~/modules/privacy-rights/delete-account-schema";
import { deleteMyAccount } from "~/modules/privacy-rights/delete-my-account.server";
import { primaryButtonClass } from "~/modules/auth/form-feedback";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getTranslator(await resolveLocale(request, user));
  return { title: t("myData.title", { ns: "admin" }), email: user.email };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const formId = postedFormId(formData);
  const submission = parseWithZod(formData, { schema: DeleteAccountSchema });
  if (submission.status !== "success") return invalidForm(formId, submission);
  try {
    await deleteMyAccount({ user, confirmEmail: submission.value.confirmEmail });
  } catch (error) {
    return refusedForm(request, user, formId, submission, error);
  }
  const { headers } = await getAuthProvider().signOut(request);
  headers.append("Set-Cookie", await destroyUserSession(request));
  throw redirect("/?konto=slettet", { status: 303, headers });
}

function DeleteAccountForm() {
  const { t } = useTranslation("admin");
  const [form, fields] = useAdminForm("delete-account");
  return (
    <AdminForm formId="delete-account" intent="delete" form={form} submitClass={dangerButtonClass} submitLabel={t("myData.deleteButton")}>
      <TextField fields={fields} name="confirmEmail" type="email" label={t("myData.confirmEmail")} hint={t("myData.confirmHint")} />
      <CheckboxField fields={fields} name="understood" label={t("myData.understood")} />
    </AdminForm>
  );
}

export default function MyDataPage() {
  const { email } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">{t("myData.title")}</h1>
      <section aria-labelledby="export-heading" className="mt-6 rounded-md border border-gray-300 bg-white p-4">
        <h2 id="export-heading" className="text-xl font-semibold">
          {t("myData.exportHeading")}
        </h2>
        <p className="mt-2">{t("myData.exportIntro")}</p>
        <p className="mt-3">
          <a href="/innstillinger/mine-data/last-ned" download className={primaryButtonClass}>
            {t("myData.exportButton")}
          </a>
        </p>
      </section>
      <section aria-labelledby="delete-heading" className="mt-6 rounded-md border border-danger-700 bg-white p-4">
        <h2 id="delete-heading" className="text-xl font-semibold">
          {t("myData.deleteHeading")}
        </h2>
        <p className="mt-2">{t("myData.deleteIntro")}</p>
        <ul className="mt-2 list-disc pl-6">
          <li>{t("myData.deleteStays")}</li>
          <li>{t("myData.deleteGoes")}</li>
          <li>{t("myData.deleteLog")}</li>
        </ul>
        <p className="mt-2">{t("myData.deleteSignedInAs", { email })}</p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
