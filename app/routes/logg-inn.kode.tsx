import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getRequestLocale, getTranslator } from "~/i18n/i18n.server";
import { getAuthProvider } from "~/modules/auth/auth-provider.server";
import { authErrorKey } from "~/modules/auth/describe-auth-error";
import { emailAddressSchema } from "~/modules/auth/email-address";
import { FieldErrors, FormErrors, inputClass, linkClass, primaryButtonClass } from "~/modules/auth/form-feedback";
import { verifyCodeSchema } from "~/modules/auth/forms";
import { safeRedirect } from "~/modules/auth/safe-redirect";
import { signInResponse } from "~/modules/auth/sign-in-response.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "HelseHub Idéhub" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const email = emailAddressSchema.safeParse(url.searchParams.get("email") ?? "");
  if (!email.success) throw redirect("/logg-inn");
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"));
  const t = await getTranslator(await getRequestLocale(request));
  return { title: t("code.metaTitle", { ns: "auth" }), email: email.data, redirectTo: redirectTo === "/" ? "" : redirectTo };
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: verifyCodeSchema });
  if (submission.status !== "success") return submission.reply();
  const { email, code } = submission.value;
  const redirectTo = submission.value.redirectTo ? safeRedirect(submission.value.redirectTo) : null;
  try {
    const { result, headers } = await getAuthProvider().verifyCode({ request, email, code, redirectTo });
    return await signInResponse(request, { ...result, redirectTo: result.redirectTo ?? redirectTo }, headers);
  } catch (error) {
    return submission.reply({ formErrors: [authErrorKey(error)], resetForm: false });
  }
}

export default function CodePage() {
  const { email, redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: "sign-in-code",
    lastResult,
    defaultValue: { email, redirectTo },
    constraint: getZodConstraint(verifyCodeSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: verifyCodeSchema }),
  });
  const hintId = `${fields.code.id}-hint`;
  const startOver = redirectTo ? `/logg-inn?redirectTo=${encodeURIComponent(redirectTo)}` : "/logg-inn";

  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="text-3xl font-bold text-gray-900">{t("code.title")}</h1>
      <p className="mt-2 text-gray-700">{t("code.intro", { email })}</p>
      <Form method="post" className="mt-6 max-w-md" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input {...getInputProps(fields.email, { type: "hidden" })} />
        <input {...getInputProps(fields.redirectTo, { type: "hidden" })} />
        <label htmlFor={fields.code.id} className="block font-semibold text-gray-900">
          {t("code.codeLabel")}
        </label>
        <p id={hintId} className="text-sm text-gray-700">
          {t("code.codeHint")}
        </p>
        <input
          {...getInputProps(fields.code, { type: "text" })}
          aria-describedby={[hintId, fields.code.errors ? fields.code.errorId : null, form.errors ? form.errorId : null]
            .filter(Boolean)
            .join(" ")}
          autoComplete="one-time-code"
          inputMode="numeric"
          className={`${inputClass} max-w-[12rem] font-mono text-2xl tracking-widest`}
        />
        <FieldErrors id={fields.code.errorId} errors={fields.code.errors} />
        <button type="submit" className={`${primaryButtonClass} mt-4`}>
          {t("code.submit")}
        </button>
      </Form>
      <p className="mt-6">
        <Link to={startOver} className={linkClass}>
          {t("code.otherEmail")}
        </Link>
      </p>
    </div>
  );
}
