import { describe, expect, it } from "vitest";
import { isSafeLinkUrl } from "~/modules/rich-text/rich-text-schema";
import { normalizeLinkInput } from "./toolbar-plugin";

describe("normalizeLinkInput", () => {
  it("adds https:// to bare addresses and mailto: to e-mail addresses", () => {
    expect(normalizeLinkInput("  www.helsehub.no ")).toBe("https://www.helsehub.no");
    expect(normalizeLinkInput("post@kommune.no")).toBe("mailto:post@kommune.no");
    expect(normalizeLinkInput("https://a.no")).toBe("https://a.no");
  });

  it("never turns a dangerous address into an accepted one", () => {
    for (const input of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.example", "/sti", "vbscript:x"]) {
      expect(isSafeLinkUrl(normalizeLinkInput(input)), input).toBe(false);
    }
  });
});
