import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getRequestLocale, getTranslator } from "~/i18n/i18n.server";
import { getAuthProvider } from "~/modules/auth/auth-provider.server";
import { getSessionUser } from "~/modules/auth/current-user.server";
import { demoSignInAllowed, listDemoUsers, signInAsDemoUser } from "~/modules/auth/demo-users.server";
import { authErrorKey } from "~/modules/auth/describe-auth-error";
import { FieldErrors, FormErrors, inputClass, primaryButtonClass, secondaryButtonClass } from "~/modules/auth/form-feedback";
import { demoSignInSchema, requestSignInSchema } from "~/modules/auth/forms";
import { safeRedirect } from "~/modules/auth/safe-redirect";
import { signInResponse } from "~/modules/auth/sign-in-response.server";
import { getEnv } from "~/utils/env.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "HelseHub Idéhub" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getSessionUser(request)) throw redirect(redirectTo);
  const env = getEnv();
  const t = await getTranslator(await getRequestLocale(request));
  return {
    title: t("signIn.metaTitle", { ns: "auth" }),
    redirectTo: redirectTo === "/" ? "" : redirectTo,
    demoUsers: await listDemoUsers(env),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  if (formData.get("intent") === "demo") {
    const parsed = demoSignInSchema.safeParse({ profileId: formData.get("profileId") });
    try {
      if (!parsed.success || !demoSignInAllowed(getEnv())) return { demoError: "errors.demoUnavailable" };
      const result = await signInAsDemoUser(getEnv(), parsed.data.profileId);
      return await signInResponse(request, { ...result, redirectTo: safeRedirect(formData.get("redirectTo")) });
    } catch (error) {
      return { demoError: authErrorKey(error) };
    }
  }

  const submission = parseWithZod(formData, { schema: requestSignInSchema });
  if (submission.status !== "success") return { form: submission.reply() };
  const { email } = submission.value;
  const redirectTo = submission.value.redirectTo ? safeRedirect(submission.value.redirectTo) : null;
  try {
    const { headers } = await getAuthProvider().requestSignIn({
      request,
      email,
      redirectTo: redirectTo === "/" ? null : redirectTo,
      locale: await getRequestLocale(request),
    });
    const next = new URLSearchParams({ email });
    if (redirectTo && redirectTo !== "/") next.set("redirectTo", redirectTo);
    return redirect(`/logg-inn/kode?${next}`, { headers });
  } catch (error) {
    return { form: submission.reply({ formErrors: [authErrorKey(error)] }) };
  }
}

export default function SignInPage() {
  const { redirectTo, demoUsers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult: actionData && "form" in actionData ? actionData.form : undefined,
    defaultValue: { redirectTo },
    constraint: getZodConstraint(requestSignInSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: requestSignInSchema }),
  });
  const emailHintId = `${fields.email.id}-hint`;
  const demoError = actionData && "demoError" in actionData ? actionData.demoError : undefined;

  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="text-3xl font-bold text-gray-900">{t("signIn.title")}</h1>
      <p className="mt-2 text-gray-700">{t("signIn.intro")}</p>

      <Form method="post" className="mt-6 max-w-md" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="request" />
        <input {...getInputProps(fields.redirectTo, { type: "hidden" })} />
        <label htmlFor={fields.email.id} className="block font-semibold text-gray-900">
          {t("signIn.emailLabel")}
        </label>
        <p id={emailHintId} className="text-sm text-gray-700">
          {t("signIn.emailHint")}
        </p>
        <input
          {...getInputProps(fields.email, { type: "email" })}
          aria-describedby={[emailHintId, fields.email.errors ? fields.email.errorId : null, form.errors ? form.errorId : null]
            .filter(Boolean)
            .join(" ")}
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          className={inputClass}
        />
        <FieldErrors id={fields.email.errorId} errors={fields.email.errors} />
        <button type="submit" className={`${primaryButtonClass} mt-4`}>
          {t("signIn.submit")}
        </button>
      </Form>

      {demoUsers.length > 0 ? (
        <section aria-labelledby="demo-users-heading" className="mt-10 border-t border-gray-300 pt-6">
          <h2 id="demo-users-heading" className="text-2xl font-bold text-gray-900">
            {t("demo.title")}
          </h2>
          <p className="mt-1 text-gray-700">{t("demo.intro")}</p>
          {demoError ? (
            <p role="alert" className="mt-3 rounded-md border border-danger-700 bg-danger-50 p-3 text-danger-700">
              {t(demoError)}
            </p>
          ) : null}
          <ul className="mt-4 grid gap-3 sm:grid-cols-2">
            {demoUsers.map((user) => (
              <li key={user.id} className="rounded-md border border-gray-300 p-3">
                <p className="font-semibold text-gray-900">{user.fullName}</p>
                <p className="text-sm text-gray-700">{user.jobTitle ?? t("demo.noJobTitle")}</p>
                <p className="text-sm text-gray-700">{user.organisationName}</p>
                <p className="text-sm text-gray-700">
                  {t(`demo.platformRole.${user.platformRole}`)} · {t(`demo.networkRole.${user.networkRole ?? "none"}`)}
                </p>
                <Form method="post" className="mt-2">
                  <input type="hidden" name="intent" value="demo" />
                  <input type="hidden" name="profileId" value={user.id} />
                  <input type="hidden" name="redirectTo" value={redirectTo} />
                  <button type="submit" className={secondaryButtonClass}>
                    {t("demo.signInAs", { name: user.fullName })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
