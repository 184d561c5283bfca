import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { readPageHandle } from "~/components/hydration";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { getCurrentUser } from "~/modules/auth/current-user.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const handle = readPageHandle;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getTranslator(await resolveLocale(request, await getCurrentUser(request)));
  return { title: t("about.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export default function About() {
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl space-y-4 text-lg leading-relaxed">
      <h1 className="text-3xl font-bold">{t("about.title")}</h1>
      <p>{t("about.intro")}</p>
      <p>{t("about.how")}</p>
      <p>{t("about.partners")}</p>
    </div>
  );
}
