import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getRequestLocale, getTranslator } from "~/i18n/i18n.server";
import { getAuthProvider } from "~/modules/auth/auth-provider.server";
import { authErrorKey } from "~/modules/auth/describe-auth-error";
import { linkClass } from "~/modules/auth/form-feedback";
import { signInResponse } from "~/modules/auth/sign-in-response.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "HelseHub Idéhub" }];

/** The magic link from the e-mail: signs in and redirects, or explains why it cannot. */
export async function loader({ request }: LoaderFunctionArgs) {
  let errorKey: string;
  try {
    const { result, headers } = await getAuthProvider().verifyLink({ request });
    throw await signInResponse(request, result, headers);
  } catch (error) {
    if (error instanceof Response) throw error;
    errorKey = authErrorKey(error);
  }
  const t = await getTranslator(await getRequestLocale(request));
  return { title: `${t("link.title", { ns: "auth" })} – HelseHub Idéhub`, errorKey };
}

export default function SignInLinkPage() {
  const { errorKey } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="text-3xl font-bold text-gray-900">{t("link.title")}</h1>
      <p role="alert" className="mt-4 rounded-md border border-danger-700 bg-danger-50 p-3 text-danger-700">
        {t(errorKey)}
      </p>
      <p className="mt-6">
        <Link to="/logg-inn" className={linkClass}>
          {t("link.tryAgain")}
        </Link>
      </p>
    </div>
  );
}
