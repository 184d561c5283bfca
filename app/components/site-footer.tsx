import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="mt-12 border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-6 text-sm sm:flex-row sm:items-center sm:justify-between">
        <p className="text-slate-700">{t("footer.tagline")}</p>
        <nav aria-label={t("footer.label")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            <li>
              <Link to="/tilgjengelighet">{t("footer.accessibility")}</Link>
            </li>
            <li>
              <Link to="/om">{t("footer.about")}</Link>
            </li>
            <li>
              <Link to="/svargaranti">{t("footer.answerGuarantee")}</Link>
            </li>
            <li>
              <Link to="/innstillinger/mine-data">{t("admin:myData.title")}</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
