import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getRequestLocale, getTranslator } from "~/i18n/i18n.server";
import { completeOnboarding, listUnitsForOnboarding } from "~/modules/auth/complete-onboarding.server";
import { getSessionUser } from "~/modules/auth/current-user.server";
import { FieldErrors, FormErrors, inputClass, primaryButtonClass } from "~/modules/auth/form-feedback";
import { onboardingSchema } from "~/modules/auth/forms";
import { safeRedirect } from "~/modules/auth/safe-redirect";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "HelseHub Idéhub" }];

async function requireSessionUser(request: Request) {
  const user = await getSessionUser(request);
  if (!user) throw redirect(`/logg-inn?redirectTo=${encodeURIComponent("/velkommen")}`);
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSessionUser(request);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  const data = await listUnitsForOnboarding(user);
  if (!data) throw redirect("/logg-inn");
  if (data.profile.onboarded_at) throw redirect(redirectTo);
  const t = await getTranslator(await getRequestLocale(request));
  return {
    title: t("onboarding.metaTitle", { ns: "auth" }),
    redirectTo: redirectTo === "/" ? "" : redirectTo,
    profile: { fullName: data.profile.full_name, unitId: data.profile.unit_id ?? "", jobTitle: data.profile.job_title ?? "" },
    units: data.units,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireSessionUser(request);
  const submission = parseWithZod(await request.formData(), { schema: onboardingSchema });
  if (submission.status !== "success") return submission.reply();
  const saved = await completeOnboarding(user, submission.value);
  if (!saved) return submission.reply({ fieldErrors: { unitId: ["errors.unitRequired"] } });
  throw redirect(safeRedirect(submission.value.redirectTo));
}

export default function WelcomePage() {
  const { profile, units, redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: "onboarding",
    lastResult,
    defaultValue: { ...profile, redirectTo },
    constraint: getZodConstraint(onboardingSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: onboardingSchema }),
  });
  const describedBy = (errorId: string, errors: string[] | undefined, hintId?: string) =>
    [hintId, errors ? errorId : null].filter(Boolean).join(" ") || undefined;
  const jobTitleHintId = `${fields.jobTitle.id}-hint`;

  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="text-3xl font-bold text-gray-900">{t("onboarding.title")}</h1>
      <p className="mt-2 text-gray-700">{t("onboarding.intro")}</p>
      <Form method="post" className="mt-6 max-w-md space-y-5" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input {...getInputProps(fields.redirectTo, { type: "hidden" })} />
        <div>
          <label htmlFor={fields.fullName.id} className="block font-semibold text-gray-900">
            {t("onboarding.fullName")}
          </label>
          <input
            {...getInputProps(fields.fullName, { type: "text" })}
            aria-describedby={describedBy(fields.fullName.errorId, fields.fullName.errors)}
            autoComplete="name"
            className={inputClass}
          />
          <FieldErrors id={fields.fullName.errorId} errors={fields.fullName.errors} />
        </div>
        <div>
          <label htmlFor={fields.unitId.id} className="block font-semibold text-gray-900">
            {t("onboarding.unit")}
          </label>
          {units.length === 0 ? <p className="text-sm text-gray-700">{t("onboarding.noUnits")}</p> : null}
          <select
            {...getSelectProps(fields.unitId)}
            aria-describedby={describedBy(fields.unitId.errorId, fields.unitId.errors)}
            className={inputClass}
          >
            <option value="">{t("onboarding.unitPlaceholder")}</option>
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.unitId.errorId} errors={fields.unitId.errors} />
        </div>
        <div>
          <label htmlFor={fields.jobTitle.id} className="block font-semibold text-gray-900">
            {t("onboarding.jobTitle")}
          </label>
          <p id={jobTitleHintId} className="text-sm text-gray-700">
            {t("onboarding.jobTitleHint")}
          </p>
          <input
            {...getInputProps(fields.jobTitle, { type: "text" })}
            aria-describedby={describedBy(fields.jobTitle.errorId, fields.jobTitle.errors, jobTitleHintId)}
            autoComplete="organization-title"
            className={inputClass}
          />
          <FieldErrors id={fields.jobTitle.errorId} errors={fields.jobTitle.errors} />
        </div>
        <button type="submit" className={primaryButtonClass}>
          {t("onboarding.submit")}
        </button>
      </Form>
    </div>
  );
}
