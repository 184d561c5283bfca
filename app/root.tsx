import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPage, errorTitleKey } from "./components/error-page";
import { ReadPageEnhancements, useShouldHydrate } from "./components/hydration";
import { useNonce } from "./components/nonce";
import { pageTitle } from "./components/page-title";
import { toShellUser } from "./components/shell-user";
import { SiteFooter } from "./components/site-footer";
import { SiteHeader } from "./components/site-header";
import { SkipLink } from "./components/skip-link";
import { defaultLocale, isSupportedLocale, type SupportedLocale } from "./i18n/config";
import { getTranslator } from "./i18n/i18n.server";
import { loadLocaleResources } from "./i18n/resources.client";
import { getCurrentUser } from "./modules/auth/current-user.server";
import { resolveLocale } from "./modules/preferences/resolve-locale.server";
import stylesheet from "./styles/app.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** A thrown 429 says when to come back; the error page keeps that for the browser. */
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const retryAfter = errorHeaders?.get("Retry-After");
  const headers = new Headers();
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

const errorStatuses = [400, 403, 404, 429, 500] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const currentUser = await getCurrentUser(request);
  const locale = await resolveLocale(request, currentUser);
  const t = await getTranslator(locale);
  return {
    locale,
    user: currentUser ? toShellUser(currentUser) : null,
    unreadNotifications: currentUser?.onboarded ? currentUser.unreadNotifications : 0,
    // Meta functions cannot translate, so the error page titles travel with the root data.
    errorTitles: Object.fromEntries(errorStatuses.map((status) => [status, t(errorTitleKey(status))])) as Record<number, string>,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!error) return pageTitle();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return pageTitle(data?.errorTitles[status] ?? data?.errorTitles[500]);
};

/**
 * Keeps i18next on the locale the root loader chose. On the server the request's instance was
 * created from the cookie alone (and holds every language), so switching is immediate; in the
 * browser only the first language was loaded, so a change (e.g. after signing in) loads it first.
 */
function useLocaleSync(locale: SupportedLocale) {
  const { i18n } = useTranslation();
  if (typeof document === "undefined" && i18n.language !== locale) {
    void i18n.changeLanguage(locale);
  }
  useEffect(() => {
    if (i18n.language === locale) return;
    let cancelled = false;
    void loadLocaleResources(locale).then(async (bundles) => {
      for (const [namespace, bundle] of Object.entries(bundles)) {
        i18n.addResourceBundle(locale, namespace, bundle, true, true);
      }
      if (!cancelled) await i18n.changeLanguage(locale);
    });
    return () => {
      cancelled = true;
    };
  }, [i18n, locale]);
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { i18n } = useTranslation();
  const locale = data?.locale ?? (isSupportedLocale(i18n.language) ? i18n.language : defaultLocale);
  useLocaleSync(locale);
  const nonce = useNonce();
  const hydrate = useShouldHydrate();
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <SkipLink />
        <SiteHeader user={data?.user ?? null} locale={locale} unreadNotifications={data?.unreadNotifications ?? 0} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          <ReadPageEnhancements nonce={nonce} />
        )}
      </body>
    </html>
  );
}

export default function App() {
  // Marks the document once React has hydrated it, so browser tests wait for the page's effects.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
