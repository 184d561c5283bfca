export const supportedLocales = ["nb", "nn", "en"] as const;
export type SupportedLocale = (typeof supportedLocales)[number];
export const defaultLocale: SupportedLocale = "nb";
export const namespaces = ["common", "auth", "mail", "privacy", "editor", "ideas", "idea-form", "my-ideas", "notifications", "cocreation", "search", "triage", "stories", "insight", "admin"] as const;

export function isSupportedLocale(value: unknown): value is SupportedLocale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

export const i18nConfig = {
  supportedLngs: [...supportedLocales],
  fallbackLng: defaultLocale,
  defaultNS: "common",
  ns: [...namespaces],
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
};
