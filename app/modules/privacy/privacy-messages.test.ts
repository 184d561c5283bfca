import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import en from "~/locales/en/privacy.json";
import nb from "~/locales/nb/privacy.json";
import nn from "~/locales/nn/privacy.json";
import { namespaces } from "~/i18n/config";
import { privacyFindingMessageKey, privacyMessageKeys } from "./privacy-message-keys";

const locales = { nb, nn, en };

async function translatorFor(lng: keyof typeof locales) {
  const i18n = createInstance();
  await i18n.init({ lng, resources: { [lng]: { privacy: locales[lng] } }, ns: ["privacy"], defaultNS: "privacy" });
  return i18n.t;
}

function plainKeys(): string[] {
  const { finding, ...rest } = privacyMessageKeys;
  return [...Object.values(finding), ...Object.values(rest)].filter(
    (key) => key !== privacyMessageKeys.blockingSummary && key !== privacyMessageKeys.warningSummary,
  );
}

describe("privacy messages", () => {
  it("is a registered i18n namespace", () => {
    expect(namespaces).toContain("privacy");
  });

  it.each(Object.keys(locales) as (keyof typeof locales)[])("has every key translated in %s", async (lng) => {
    const t = await translatorFor(lng);
    for (const key of plainKeys()) {
      const text = t(key, { masked: "912*****", field: "Tittel" });
      expect(text, `${lng}:${key}`).not.toBe(key);
      expect(text.length, `${lng}:${key}`).toBeGreaterThan(5);
    }
    expect(t(privacyMessageKeys.blockingSummary, { count: 1 })).not.toBe(t(privacyMessageKeys.blockingSummary, { count: 3 }));
    expect(t(privacyMessageKeys.warningSummary, { count: 3 })).toContain("3");
    expect(t(privacyMessageKeys.foundIn, { masked: "912*****", field: "Tittel" })).toContain("912*****");
  });

  it("explains why in plain Norwegian, with the agreed wording", async () => {
    const t = await translatorFor("nb");
    expect(t(privacyFindingMessageKey("national-id"))).toBe(
      "Ideen ser ut til å inneholde et fødselsnummer. Forslag skal handle om tjenesten, ikke om enkeltpersoner. Fjern nummeret før du sender inn.",
    );
    expect(t(privacyMessageKeys.confirmationLabel)).toBe(
      "Jeg bekrefter at forslaget ikke inneholder opplysninger om pasienter eller brukere",
    );
    expect(t(privacyMessageKeys.avvikNotice)).toBe(
      "Gjelder det en uønsket hendelse (avvik)? Meld den i kvalitetssystemet til din kommune.",
    );
  });

  it("has real nynorsk and English translations, not copies of bokmål", async () => {
    const [tnb, tnn, ten] = await Promise.all([translatorFor("nb"), translatorFor("nn"), translatorFor("en")]);
    for (const key of plainKeys().filter((key) => key !== privacyMessageKeys.foundIn && key !== privacyMessageKeys.avvikLink)) {
      expect(tnn(key), key).not.toBe(tnb(key));
      expect(ten(key), key).not.toBe(tnb(key));
    }
  });
});

describe("privacy module", () => {
  it("stays universal: the browser runs the same check, so no server-only or Node imports", () => {
    const directory = fileURLToPath(new URL(".", import.meta.url));
    const sources = readdirSync(directory).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));
    expect(sources.length).toBeGreaterThan(3);
    for (const file of sources) {
      expect(file).not.toContain(".server");
      const source = readFileSync(`${directory}${file}`, "utf8");
      expect(source, file).not.toMatch(/from\s+["'](node:|fs|path|crypto)["']|\.server["']/);
    }
  });
});
