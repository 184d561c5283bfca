import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { describedBy, FieldErrors, FormErrors } from "~/components/idea/form-feedback";
import { FlashMessage } from "~/components/idea/flash-message";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { linkClass, primaryButtonClass } from "~/modules/auth/form-feedback";
import { emailModes, NotificationPreferencesSchema } from "~/modules/notification-centre/notification-preferences-schema";
import { getNotificationPreferences, saveNotificationPreferences } from "~/modules/notification-centre/notification-preferences.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getTranslator(await resolveLocale(request, user));
  return {
    title: t("settings.title", { ns: "notifications" }),
    saved: new URL(request.url).searchParams.has("lagret"),
    preferences: await getNotificationPreferences({ user }),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: NotificationPreferencesSchema });
  if (submission.status !== "success") return submission.reply();
  await saveNotificationPreferences({ user, input: submission.value });
  throw redirect("/innstillinger/varsler?lagret=1");
}

export default function NotificationSettingsPage() {
  const { preferences, saved } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("notifications");
  const [form, fields] = useForm({
    id: "notification-settings",
    lastResult,
    defaultValue: { emailMode: preferences.emailMode, weeklyNetworkDigest: preferences.weeklyNetworkDigest ? "on" : undefined },
    constraint: getZodConstraint(NotificationPreferencesSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NotificationPreferencesSchema }),
  });
  const modeErrorId = fields.emailMode.errors ? fields.emailMode.errorId : undefined;
  const weeklyHintId = `${fields.weeklyNetworkDigest.id}-hint`;

  return (
    <div className="max-w-2xl">
      <FlashMessage messageKey={saved ? "notifications:settings.saved" : null} />
      <h1 className="text-3xl font-bold">{t("settings.title")}</h1>
      <p className="mt-2 text-lg">{t("settings.intro")}</p>
      <p className="mt-4 rounded-md border-l-4 border-brand-700 bg-brand-50 p-4">{t("settings.alwaysNote")}</p>
      <Form method="post" className="mt-6 space-y-8" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset aria-describedby={describedBy(modeErrorId)}>
          <legend className="text-xl font-bold">{t("settings.emailModeLegend")}</legend>
          <div className="mt-3 space-y-3">
            {emailModes.map((mode) => {
              const id = `${fields.emailMode.id}-${mode}`;
              return (
                <div key={mode} className="flex items-start gap-3">
                  <input
                    type="radio"
                    id={id}
                    name={fields.emailMode.name}
                    value={mode}
                    defaultChecked={fields.emailMode.initialValue === mode}
                    aria-describedby={`${id}-hint`}
                    aria-invalid={fields.emailMode.errors ? true : undefined}
                    className="mt-1 h-5 w-5"
                  />
                  <div>
                    <label htmlFor={id} className="font-semibold">
                      {t(`settings.${mode}`)}
                    </label>
                    <p id={`${id}-hint`} className="text-sm text-slate-700">
                      {t(`settings.${mode}Hint`)}
                    </p>
                  </div>
                </div>
              );
            })}
          </div>
          <FieldErrors id={fields.emailMode.errorId} errors={fields.emailMode.errors} />
        </fieldset>
        <fieldset>
          <legend className="text-xl font-bold">{t("settings.weeklyLegend")}</legend>
          <div className="mt-3 flex items-start gap-3">
            <input
              {...getInputProps(fields.weeklyNetworkDigest, { type: "checkbox" })}
              aria-describedby={weeklyHintId}
              className="mt-1 h-5 w-5"
            />
            <div>
              <label htmlFor={fields.weeklyNetworkDigest.id} className="font-semibold">
                {t("settings.weeklyLabel")}
              </label>
              <p id={weeklyHintId} className="text-sm text-slate-700">
                {t("settings.weeklyHint")}
              </p>
            </div>
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className={primaryButtonClass}>
            {t("settings.save")}
          </button>
          <Link to="/varsler" className={linkClass}>
            {t("settings.backToCentre")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
