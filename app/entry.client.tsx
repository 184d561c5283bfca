import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { defaultLocale, i18nConfig, isSupportedLocale } from "./i18n/config";
import { loadLocaleResources } from "./i18n/resources.client";

/**
 * With single fetch, RemixBrowser suspends on its first render until the server's data stream is
 * decoded. If someone types while that first render is suspended (a slow phone), React 18 retries it
 * synchronously, the suspension has no boundary, and React throws error #345 ("Root did not
 * complete"). Calling RemixBrowser once before hydrating starts the decoding; it throws the decoding
 * promise (before any hook runs), we wait for it, and hydration then renders without suspending.
 * tests/e2e/hydration-while-typing.test.ts reproduces the error without this.
 */
async function decodeServerStateBeforeHydrating() {
  try {
    (RemixBrowser as (props: Record<string, never>) => unknown)({});
  } catch (thrown) {
    if (thrown instanceof Promise) await thrown;
  }
}

async function hydrate() {
  const htmlLang = document.documentElement.lang;
  const locale = isSupportedLocale(htmlLang) ? htmlLang : defaultLocale;
  await Promise.all([
    i18next.use(initReactI18next).init({ ...i18nConfig, lng: locale, resources: { [locale]: await loadLocaleResources(locale) } }),
    decodeServerStateBeforeHydrating(),
  ]);
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
