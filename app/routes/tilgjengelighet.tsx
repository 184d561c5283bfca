import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { readPageHandle } from "~/components/hydration";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { getCurrentUser } from "~/modules/auth/current-user.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const handle = readPageHandle;

const CONTACT_EMAIL = "idehub@example.no";
const TESTED = ["axe", "keyboard", "noJs", "mobile", "charts", "language"] as const;
const LIMITATIONS = ["screenReaders", "editor", "attachments", "userContent", "emails"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getTranslator(await resolveLocale(request, await getCurrentUser(request)));
  return { title: t("accessibility.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export default function AccessibilityStatement() {
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl space-y-4 text-lg leading-relaxed">
      <h1 className="text-3xl font-bold">{t("accessibility.title")}</h1>
      <p>{t("accessibility.intro")}</p>

      <h2 className="pt-4 text-2xl font-bold">{t("accessibility.statusHeading")}</h2>
      <p>{t("accessibility.status")}</p>
      <p>{t("accessibility.formal")}</p>

      <h2 className="pt-4 text-2xl font-bold">{t("accessibility.testedHeading")}</h2>
      <ul className="list-disc space-y-2 pl-6">
        {TESTED.map((key) => (
          <li key={key}>{t(`accessibility.tested.${key}`)}</li>
        ))}
      </ul>

      <h2 className="pt-4 text-2xl font-bold">{t("accessibility.limitationsHeading")}</h2>
      <ul className="list-disc space-y-2 pl-6">
        {LIMITATIONS.map((key) => (
          <li key={key}>{t(`accessibility.limitations.${key}`)}</li>
        ))}
      </ul>

      <h2 className="pt-4 text-2xl font-bold">{t("accessibility.reportHeading")}</h2>
      <p>{t("accessibility.report")}</p>
      <p>
        <a href={`mailto:${CONTACT_EMAIL}`}>{CONTACT_EMAIL}</a>
      </p>

      <h2 className="pt-4 text-2xl font-bold">{t("accessibility.supervisionHeading")}</h2>
      <p>{t("accessibility.supervision")}</p>
      <p>
        <a href="https://www.uutilsynet.no/">{t("accessibility.supervisionLink")}</a>
      </p>
      <p className="text-base text-slate-700">{t("accessibility.updated")}</p>
    </div>
  );
}
