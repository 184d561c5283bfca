import type { Resource } from "i18next";
import { supportedLocales } from "./config";

const files = import.meta.glob<{ default: Record<string, unknown> }>("../locales/*/*.json", { eager: true });

/** Every translation, bundled into the server build. */
export const resources: Resource = Object.fromEntries(
  supportedLocales.map((locale) => [
    locale,
    Object.fromEntries(
      Object.entries(files)
        .filter(([file]) => file.includes(`/locales/${locale}/`))
        .map(([file, mod]) => [file.split("/").pop()!.replace(/\.json$/, ""), mod.default]),
    ),
  ]),
);
