import { describe, expect, it } from "vitest";
import { parseRichTextState } from "~/modules/rich-text/rich-text-schema";
import { doc, list, listItem, paragraph, text } from "~/modules/rich-text/test-documents";
import { serializeForServer } from "./serialize-for-server";

describe("serializeForServer", () => {
  it("trims the invisible per-element text format and style that Lexical copies from the selection", () => {
    const state = doc([
      paragraph([text("a", { format: 1 | 8, style: "color: red" })], { textFormat: 8 | 2, textStyle: "font-size: 20px" }),
      list([{ ...listItem([text("b")]), textFormat: 16, textStyle: "color: blue" }]),
    ]);
    expect(parseRichTextState(state).ok).toBe(false);
    const json = serializeForServer(state);
    const parsed = parseRichTextState(json);
    expect(parsed.ok).toBe(true);
    expect(json).not.toMatch(/color|font-size/);
    expect(JSON.parse(json).root.children[0]).toMatchObject({ textFormat: 2, textStyle: "", children: [{ format: 1, style: "" }] });
  });
});
