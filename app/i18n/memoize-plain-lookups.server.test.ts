import { createInstance, type TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { i18nConfig, namespaces, supportedLocales } from "./config";
import { getI18nInstance } from "./i18n.server";
import { resources } from "./resources.server";

/** Every leaf key of a namespace, dotted ("card.supporters_one" → "card.supporters_one"). */
function leafKeys(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

async function plainInstance(locale: (typeof supportedLocales)[number]) {
  const instance = createInstance();
  await instance.init({ ...i18nConfig, lng: locale, resources });
  return instance;
}

describe("the shared server i18n instance with remembered plain lookups", () => {
  it("gives exactly what a fresh i18next instance gives, for every key of every namespace and locale, twice", async () => {
    for (const locale of supportedLocales) {
      const shared = await getI18nInstance(locale);
      const plain = await plainInstance(locale);
      for (const ns of namespaces) {
        const sharedT = shared.getFixedT(locale, ns);
        const plainT = plain.getFixedT(locale, ns);
        const keys = leafKeys(resources[locale]![ns]);
        expect(keys.length).toBeGreaterThan(0);
        for (const key of keys) {
          const expected = plainT(key);
          expect(sharedT(key), `${locale}/${ns}/${key}`).toBe(expected);
          expect(sharedT(key), `${locale}/${ns}/${key} (second call)`).toBe(expected);
        }
      }
    }
  });

  it("still counts, interpolates and falls back per call (values are never remembered)", async () => {
    const shared = await getI18nInstance("nb");
    const t = shared.getFixedT("nb", "search") as TFunction;
    const plain = (await plainInstance("nb")).getFixedT("nb", "search") as TFunction;
    expect(t("card.supporters", { count: 1 })).toBe(plain("card.supporters", { count: 1 }));
    expect(t("card.supporters", { count: 7 })).toBe(plain("card.supporters", { count: 7 }));
    expect(t("card.supporters", { count: 1 })).not.toBe(t("card.supporters", { count: 7 }));
    expect(t("card.supporters", { count: 7 })).toContain("7");
    expect(t("no.such.key", { defaultValue: "reserve" })).toBe("reserve");
    expect(t("no.such.key", { defaultValue: "en annen" })).toBe("en annen");
  });

  it("keeps locales apart: one instance per locale, each in its own language", async () => {
    const nb = (await getI18nInstance("nb")).getFixedT("nb", "common");
    const en = (await getI18nInstance("en")).getFixedT("en", "common");
    const key = leafKeys(resources.nb!.common).find((k) => nb(k) !== en(k));
    expect(key, "some common text differs between bokmål and English").toBeDefined();
    expect(await getI18nInstance("nb")).toBe(await getI18nInstance("nb"));
    expect(await getI18nInstance("nb")).not.toBe(await getI18nInstance("en"));
  });
});
