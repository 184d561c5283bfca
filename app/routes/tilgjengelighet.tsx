import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { getCurrentUser } from "~/modules/auth/current-user.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

const CONTACT_EMAIL = "idehub@example.no";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getTranslator(await resolveLocale(request, await getCurrentUser(request)));
  return { title: t("accessibility.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

// A placeholder until the full statement is written: it states the goal honestly and how to report problems.
export default function AccessibilityStatement() {
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl space-y-4 text-lg leading-relaxed">
      <h1 className="text-3xl font-bold">{t("accessibility.title")}</h1>
      <p>{t("accessibility.goal")}</p>
      <p>{t("accessibility.status")}</p>
      <h2 className="pt-4 text-2xl font-bold">{t("accessibility.reportTitle")}</h2>
      <p>{t("accessibility.report")}</p>
      <p>
        <a href={`mailto:${CONTACT_EMAIL}`}>{CONTACT_EMAIL}</a>
      </p>
      <p>
        {t("accessibility.complaint")} <a href="https://www.uutilsynet.no/">uutilsynet.no</a>
      </p>
    </div>
  );
}
