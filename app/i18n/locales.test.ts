import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { namespaces, supportedLocales } from "./config";

const localesDir = path.resolve(__dirname, "../locales");
const migrationsDir = path.resolve(__dirname, "../../supabase/migrations");

function readNamespace(locale: string, namespace: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(localesDir, locale, `${namespace}.json`), "utf8"));
}

/** "a.b.c" for every leaf; plural forms (_one, _other, …) collapse to their base key. */
function leafKeys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const baseKeys = (keys: string[]) => [...new Set(keys.map((key) => key.replace(pluralSuffix, "")))].sort();

describe("translation files", () => {
  it("has a file for every registered namespace in every language, and no unregistered ones", () => {
    for (const locale of supportedLocales) {
      const files = fs.readdirSync(path.join(localesDir, locale)).map((file) => file.replace(/\.json$/, ""));
      expect(files.sort(), locale).toEqual([...namespaces].sort());
    }
  });

  it.each(namespaces.map((namespace) => [namespace]))("%s: nynorsk and English have exactly the bokmål keys", (namespace) => {
    const bokmal = baseKeys(leafKeys(readNamespace("nb", namespace)));
    for (const locale of supportedLocales.filter((l) => l !== "nb")) {
      expect(baseKeys(leafKeys(readNamespace(locale, namespace))), `${locale}/${namespace}.json`).toEqual(bokmal);
    }
  });

  it("has no empty texts", () => {
    for (const locale of supportedLocales) {
      for (const namespace of namespaces) {
        const flat = leafKeys(readNamespace(locale, namespace)).map((key) =>
          key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], readNamespace(locale, namespace)),
        );
        expect(flat.filter((text) => typeof text !== "string" || text.trim() === ""), `${locale}/${namespace}.json`).toEqual([]);
      }
    }
  });

  it("has an e-mail subject for every notification kind the database sends", () => {
    const sql = fs.readdirSync(migrationsDir).map((file) => fs.readFileSync(path.join(migrationsDir, file), "utf8")).join("\n");
    const kinds = [...new Set([...sql.matchAll(/notify_profile\([^,]+,\s*'([a-z_]+)'/g)].map((match) => match[1]))];
    expect(kinds.length).toBeGreaterThan(0);
    for (const locale of supportedLocales) {
      const subjects = readNamespace(locale, "notifications").subjects as Record<string, string>;
      expect(kinds.filter((kind) => !subjects[kind]), `${locale}/notifications.json subjects`).toEqual([]);
    }
  });
});
