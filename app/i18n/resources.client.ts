import type { ResourceLanguage } from "i18next";

const files = import.meta.glob<{ default: Record<string, unknown> }>("../locales/*/*.json");

/** Loads only the current language's translations into the browser. */
export async function loadLocaleResources(locale: string): Promise<ResourceLanguage> {
  const entries = await Promise.all(
    Object.entries(files)
      .filter(([file]) => file.includes(`/locales/${locale}/`))
      .map(async ([file, load]) => [file.split("/").pop()!.replace(/\.json$/, ""), (await load()).default] as const),
  );
  return Object.fromEntries(entries);
}
