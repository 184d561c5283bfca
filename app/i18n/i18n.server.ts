import { createCookie } from "@remix-run/node";
import { createInstance, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { defaultLocale, i18nConfig, isSupportedLocale, supportedLocales, type SupportedLocale } from "./config";
import { memoizePlainLookups } from "./memoize-plain-lookups.server";
import { resources } from "./resources.server";

/** Remembers the chosen language for visitors (signed-in users also have it on their profile). */
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const remixI18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLocales],
    fallbackLanguage: defaultLocale,
    cookie: localeCookie,
    // Norwegian first: the browser's Accept-Language is not consulted, only an explicit choice.
    order: ["cookie"],
  },
  i18next: { ...i18nConfig, resources },
});

export async function getRequestLocale(request: Request): Promise<SupportedLocale> {
  const locale = await remixI18next.getLocale(request);
  return isSupportedLocale(locale) ? locale : defaultLocale;
}

async function createI18nInstance(locale: SupportedLocale) {
  const instance = createInstance();
  await instance.init({ ...i18nConfig, lng: locale, resources });
  memoizePlainLookups(instance);
  return instance;
}

const instances = new Map<SupportedLocale, ReturnType<typeof createI18nInstance>>();

/**
 * One i18next instance per locale for the whole process. Its language never changes and the
 * resources are bundled, so requests can share it; a new instance per request cost more than the
 * translations themselves (init, plural rules).
 */
export function getI18nInstance(locale: SupportedLocale) {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createI18nInstance(locale);
    instances.set(locale, instance);
  }
  return instance;
}

/** A translator for server-side text (e-mails, validation messages). */
export async function getTranslator(locale: SupportedLocale): Promise<TFunction> {
  return (await getI18nInstance(locale)).t;
}
