import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { defaultLocale, i18nConfig, isSupportedLocale } from "./i18n/config";
import { loadLocaleResources } from "./i18n/resources.client";

async function hydrate() {
  const htmlLang = document.documentElement.lang;
  const locale = isSupportedLocale(htmlLang) ? htmlLang : defaultLocale;
  await i18next.use(initReactI18next).init({ ...i18nConfig, lng: locale, resources: { [locale]: await loadLocaleResources(locale) } });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
