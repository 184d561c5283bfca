import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";
import { nameFromEmail } from "./email-address";

describe("safeRedirect", () => {
  it("keeps same-site paths with query and hash", () => {
    expect(safeRedirect("/ideer/7?fane=svar#k")).toBe("/ideer/7?fane=svar#k");
    expect(safeRedirect("/")).toBe("/");
  });

  it("refuses anything that could leave the site", () => {
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "evil", "", null, undefined, "/\t/evil.example", "/%0d%0aSet-Cookie:x"]) {
      const result = safeRedirect(bad as string | null | undefined);
      expect(result.startsWith("//"), String(bad)).toBe(false);
      expect(new URL(result, "https://idehub.example").origin, String(bad)).toBe("https://idehub.example");
    }
    expect(safeRedirect("//evil.example", "/hjem")).toBe("/hjem");
  });

  it("never yields a URL on another origin, whatever the input", () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const result = safeRedirect(input);
        return result.startsWith("/") && !result.startsWith("//") && new URL(result, "https://idehub.example").origin === "https://idehub.example";
      }),
      { numRuns: 2000 },
    );
  });
});

describe("nameFromEmail", () => {
  it("guesses a display name from the local part", () => {
    expect(nameFromEmail("kari.lunde@asker.example.no")).toBe("Kari Lunde");
    expect(nameFromEmail("ole-petter_hansen+idehub@lier.example.no")).toBe("Ole Petter Hansen Idehub");
  });
});
