import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { supportedLocales, type SupportedLocale } from "~/i18n/config";

// Each language is named in itself (an endonym), so these are the same in every locale.
const languageNames: Record<SupportedLocale, string> = { nb: "Bokmål", nn: "Nynorsk", en: "English" };

/**
 * A plain form (no client-side navigation), so it works without JavaScript and the next page
 * loads with the new language's translations.
 */
export function LanguageSwitcher({ current }: { current: SupportedLocale }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <form method="post" action="/innstillinger/sprak" className="flex items-center">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <fieldset className="flex items-center gap-1">
        <legend className="sr-only">{t("language.label")}</legend>
        {supportedLocales.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={locale === current}
            className={
              locale === current
                ? "rounded border border-brand-700 bg-brand-700 px-2 py-1 text-sm font-semibold text-white"
                : "rounded border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900 hover:border-brand-700 hover:bg-brand-50"
            }
          >
            {languageNames[locale]}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
