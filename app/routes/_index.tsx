import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";

export const meta: MetaFunction = () => [{ title: "HelseHub Idéhub" }];

export default function Index() {
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-3xl p-6">
      <h1 className="text-3xl font-bold">{t("home.title")}</h1>
    </main>
  );
}
