import { describe, expect, it } from "vitest";
import { findPhoneNumbers } from "./norwegian-phone-numbers";

function foundTexts(text: string): string[] {
  return findPhoneNumbers(text).map((found) => text.slice(found.start, found.end));
}

describe("findPhoneNumbers", () => {
  it.each([
    ["Ring 91234567 i morgen", "91234567"],
    ["Ring 912 34 567 i morgen", "912 34 567"],
    ["Ring 91 23 45 67 i morgen", "91 23 45 67"],
    ["Sentralbord: 22 12 34 56.", "22 12 34 56"],
    ["Tlf. 41234567, spør etter Kari", "41234567"],
    ["+47 912 34 567", "+47 912 34 567"],
    ["Nr: +4791234567", "+4791234567"],
    ["0047 91234567", "0047 91234567"],
    ["Ring 0047 912 34 567", "0047 912 34 567"],
    ["(+47) 91 23 45 67", "(+47) 91 23 45 67"],
    ["912-34-567", "912-34-567"],
    ["912\u00A034\u00A0567", "912\u00A034\u00A0567"],
    ["ring meg på 912 34 567", "912 34 567"],
    ["mobil:91234567", "91234567"],
  ])("finds the number in %j", (text, expected) => {
    expect(foundTexts(text)).toEqual([expected]);
  });

  it("finds several numbers and masks them", () => {
    const text = "Kari 91234567 eller vakttelefon 48 12 34 56, evt. +47 22 33 44 55.";
    const found = findPhoneNumbers(text);
    expect(found.map((phone) => phone.masked)).toEqual(["912*****", "481*****", "+47 223*****"]);
    for (const phone of found) {
      const digits = text.slice(phone.start, phone.end).replace(/\D/g, "").slice(-8);
      expect(phone.masked).not.toContain(digits);
    }
  });

  it.each([
    ["a date with dots", "Møtet er 12.03.2025 kl. 10"],
    ["a date with dashes", "Frist 2025-03-12"],
    ["compact dates", "Ref 20250312 og 25122025 og 31012024"],
    ["years", "Tiltaket gikk 2025 2026 og 20252026, i perioden 2019-2024"],
    ["distances and amounts", "Vi sparte 420 km og kr 12 500 000, eller 2 500 000 kroner"],
    ["idea numbers", "Se IDE-2026-0042 og IDE-2025-1234"],
    ["postal codes", "Rådhusgata 1, 3001 Drammen, og 0150 Oslo"],
    ["a fødselsnummer without separator", "Fnr 15076500565"],
    ["a fødselsnummer with a space", "Fnr 150765 00565"],
    ["an invalid 11-digit run", "Nummer 12345678901"],
    ["an organisation number", "Org.nr. 974 760 673"],
    ["an account number", "Konto 1234.56.78903 og 1234 56 78903"],
    ["numbers starting with 0 or 1", "Kode 12345678 og 01234567"],
    ["too few or too many digits", "9123456 og 912345678 og 912 34 56"],
    ["a longer grouped number", "912 34 567 89"],
    ["a decimal number", "pi er 3,24159265"],
    ["digits glued to letters", "Produkt ABC91234567X"],
    ["grouping with dots", "91.23.45.67"],
    ["four plus four digits", "9123 4567"],
  ])("does not match %s", (_, text) => {
    expect(foundTexts(text)).toEqual([]);
  });

  it("finds a phone number next to a fødselsnummer without claiming part of it", () => {
    expect(foundTexts("Fnr 15076500565, tlf 912 34 567")).toEqual(["912 34 567"]);
  });
});
