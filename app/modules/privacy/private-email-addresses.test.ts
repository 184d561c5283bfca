import { describe, expect, it } from "vitest";
import { findPrivateEmailAddresses } from "./private-email-addresses";

const asker = { organisationDomains: ["asker.kommune.no"] };

function foundTexts(text: string, options = asker): string[] {
  return findPrivateEmailAddresses(text, options).map((found) => text.slice(found.start, found.end));
}

describe("findPrivateEmailAddresses", () => {
  it.each([
    "ola.nordmann@gmail.com",
    "kari_n@hotmail.com",
    "per+idé@outlook.com",
    "bestemor@online.no",
    "pårørende@icloud.com",
    "x.y@yahoo.no",
    "x.y@yahoo.co.uk",
    "Ola@Gmail.COM",
    "leverandor@firma.no",
  ])("warns about %s", (address) => {
    expect(foundTexts(`Kontakt ${address} for mer.`)).toEqual([address]);
  });

  it("does not warn about the user's organisation or public bodies", () => {
    const text =
      "Spør kari.nordmann@asker.kommune.no, it@digital.asker.kommune.no, per@drammen.kommune.no, " +
      "post@nav.no, postmottak@helsedir.no, sekretariat@vestreviken.no og post@telemark.fylkeskommune.no.";
    expect(foundTexts(text)).toEqual([]);
  });

  it("trusts organisation domains passed in any case and with a leading @", () => {
    expect(foundTexts("ola@example.no", { organisationDomains: ["@Example.NO"] })).toEqual([]);
    expect(foundTexts("ola@example.no", { organisationDomains: [] })).toEqual(["ola@example.no"]);
  });

  it("does not trust a domain that only ends with the same letters", () => {
    expect(foundTexts("ola@badexample.no og kari@nav.no.evil.com", { organisationDomains: ["example.no"] })).toEqual([
      "ola@badexample.no",
      "kari@nav.no.evil.com",
    ]);
  });

  it("finds addresses in brackets, at the end of a sentence and after punctuation", () => {
    expect(foundTexts("Send til <ola@gmail.com>; eller (kari@hotmail.com). Siste: per@online.no.")).toEqual([
      "ola@gmail.com",
      "kari@hotmail.com",
      "per@online.no",
    ]);
  });

  it("masks the address so the full address is never repeated", () => {
    const [found] = findPrivateEmailAddresses("Skriv til ola.nordmann@gmail.com", asker);
    expect(found.masked).toBe("o***@gmail.com");
    expect(found.domain).toBe("gmail.com");
  });

  it("ignores things that are not e-mail addresses", () => {
    expect(foundTexts("Hilsen @kari på Teams, ola@localhost, a@b, og e-post: ingen")).toEqual([]);
  });
});
