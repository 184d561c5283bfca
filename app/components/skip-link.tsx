import { useTranslation } from "react-i18next";

/** First focusable element on every page; a plain anchor so it works before hydration. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href="#main"
      className="sr-only z-50 rounded bg-white px-4 py-2 font-semibold text-brand-800 shadow-lg focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
    >
      {t("skipLink")}
    </a>
  );
}
