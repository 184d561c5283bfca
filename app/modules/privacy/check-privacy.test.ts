import { describe, expect, it } from "vitest";
import { checkPrivacy, type PrivacyFinding } from "./check-privacy";

const options = { organisationDomains: ["lier.kommune.no"] };

describe("checkPrivacy", () => {
  it("blocks national ids and warns about phones and private e-mails, per field", () => {
    const fields = {
      title: "Bedre oppfølging etter fall",
      problem: "Bruker 150765 00565 ringer ofte på 912 34 567.",
      proposal: "Pårørende (ola@gmail.com) foreslo sensor. D-nummer 53097248016 også.",
      stopDoing: "Kontakt kari@lier.kommune.no om rutinen.",
    };
    const result = checkPrivacy(fields, options);
    expect(result.blocking).toEqual<PrivacyFinding[]>([
      { field: "problem", kind: "national-id", start: 7, end: 19, masked: "150765*****" },
      { field: "proposal", kind: "national-id", start: 51, end: 62, masked: "530972*****" },
    ]);
    expect(result.warnings.map(({ field, kind, masked }) => ({ field, kind, masked }))).toEqual([
      { field: "problem", kind: "phone", masked: "912*****" },
      { field: "proposal", kind: "private-email", masked: "o***@gmail.com" },
    ]);
    for (const finding of [...result.blocking, ...result.warnings]) {
      const text = fields[finding.field as keyof typeof fields];
      const original = text.slice(finding.start, finding.end);
      expect(original.length).toBeGreaterThan(0);
      expect(finding.masked).not.toContain(original);
    }
  });

  it("returns nothing for clean text and empty fields", () => {
    expect(
      checkPrivacy(
        { title: "Digitalt tilsyn om natten", problem: "Vi kjører 420 km i uka. Se IDE-2026-0042 fra 12.03.2025.", empty: "" },
        options,
      ),
    ).toEqual({ blocking: [], warnings: [] });
  });

  it("lets checksum-invalid 11-digit numbers through", () => {
    expect(checkPrivacy({ problem: "Saksnummer 12345678901 og 13097248032" }).blocking).toEqual([]);
  });

  it("orders warnings within a field by position", () => {
    const { warnings } = checkPrivacy({ problem: "a@gmail.com, 91234567, b@hotmail.com" });
    expect(warnings.map((warning) => warning.kind)).toEqual(["private-email", "phone", "private-email"]);
  });
});
