import { describe, expect, it } from "vitest";
import en from "~/locales/en/editor.json";
import nb from "~/locales/nb/editor.json";
import nn from "~/locales/nn/editor.json";
import { readRichTextFromForm, richTextTextFieldName } from "./read-rich-text-from-form.server";
import { richTextErrorCodes } from "./rich-text-schema";
import { doc, link, paragraph, text } from "./test-documents";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

describe("readRichTextFromForm", () => {
  it("reads the editor's JSON state", () => {
    const result = readRichTextFromForm(form({ proposal: JSON.stringify(doc([paragraph([text("Fra editoren")])])) }), "proposal");
    expect(result).toMatchObject({ ok: true, plainText: "Fra editoren", source: "editor" });
  });

  it("prefers the editor's state over the textarea when both are posted", () => {
    const result = readRichTextFromForm(
      form({ proposal: JSON.stringify(doc([paragraph([text("JSON")])])), proposalText: "Tekst" }),
      "proposal",
    );
    expect(result).toMatchObject({ ok: true, plainText: "JSON" });
  });

  it("reads the no-JavaScript textarea as paragraphs", () => {
    expect(richTextTextFieldName("proposal")).toBe("proposalText");
    const result = readRichTextFromForm(form({ proposalText: "Første\r\n\r\nAndre <script>" }), "proposal");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.source).toBe("textarea");
    expect(result.plainText).toBe("Første\n\nAndre <script>");
    expect(result.state.root.children).toHaveLength(2);
  });

  it("treats a missing or blank field as empty, leaving 'required' to the caller", () => {
    expect(readRichTextFromForm(form({}), "proposal")).toMatchObject({ ok: true, plainText: "", source: "empty" });
    expect(readRichTextFromForm(form({ proposal: "  ", proposalText: "\n \n" }), "proposal")).toMatchObject({
      ok: true,
      plainText: "",
    });
  });

  it("returns the validation code for bad input from either field", () => {
    expect(readRichTextFromForm(form({ proposal: "{oops" }), "proposal")).toEqual({ ok: false, code: "invalid_json" });
    expect(
      readRichTextFromForm(form({ proposal: JSON.stringify(doc([paragraph([link("javascript:alert(1)")])])) }), "proposal"),
    ).toEqual({ ok: false, code: "unsafe_link" });
    expect(readRichTextFromForm(form({ proposalText: "x".repeat(20_001) }), "proposal")).toEqual({ ok: false, code: "too_long" });
  });

  it("has a translated message for every error code in every language", () => {
    for (const messages of [nb, nn, en]) {
      for (const code of richTextErrorCodes) expect(messages.errors[code], code).toMatch(/\S/);
    }
    const keys = (value: object, prefix = ""): string[] =>
      Object.entries(value).flatMap(([key, child]) =>
        typeof child === "object" && child !== null ? keys(child, `${prefix}${key}.`) : [`${prefix}${key}`],
      );
    expect(keys(nn).sort()).toEqual(keys(nb).sort());
    expect(keys(en).sort()).toEqual(keys(nb).sort());
  });
});
