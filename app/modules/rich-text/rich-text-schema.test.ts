import { describe, expect, it } from "vitest";
import { isSafeLinkUrl, parseRichTextState, richTextLimits } from "./rich-text-schema";
import { doc, lexicalDocumentWithEveryNode, link, list, listItem, paragraph, text } from "./test-documents";

function codeOf(input: unknown) {
  const result = parseRichTextState(input);
  return result.ok ? "ok" : result.code;
}

describe("parseRichTextState", () => {
  it("accepts a document with every allowed node, as Lexical serializes it, from a string or an object", () => {
    const state = lexicalDocumentWithEveryNode();
    const fromObject = parseRichTextState(state);
    const fromString = parseRichTextState(JSON.stringify(state));
    expect(fromObject.ok).toBe(true);
    expect(fromString).toEqual(fromObject);
    if (!fromObject.ok) return;
    const types = new Set<string>();
    const stack: unknown[] = [fromObject.state.root];
    while (stack.length > 0) {
      const node = stack.pop() as { type: string; children?: unknown[] };
      types.add(node.type);
      stack.push(...(node.children ?? []));
    }
    expect([...types].sort()).toEqual(
      ["autolink", "heading", "linebreak", "link", "list", "listitem", "paragraph", "quote", "root", "text"].sort(),
    );
  });

  it("accepts an empty document", () => {
    expect(codeOf(doc([]))).toBe("ok");
    expect(codeOf(doc([paragraph([])]))).toBe("ok");
  });

  it("rejects what is not JSON or not an editor state", () => {
    expect(codeOf("{not json")).toBe("invalid_json");
    expect(codeOf("")).toBe("invalid_json");
    expect(codeOf("null")).toBe("invalid_structure");
    expect(codeOf("[]")).toBe("invalid_structure");
    expect(codeOf({ root: { type: "paragraph", children: [] } })).toBe("invalid_structure");
    expect(codeOf({ editorState: doc([]) })).toBe("invalid_structure");
  });

  it("rejects unknown node types anywhere in the tree", () => {
    expect(codeOf(doc([{ type: "image", version: 1, src: "x.png" }]))).toBe("unknown_node_type");
    expect(codeOf(doc([paragraph([{ type: "html", version: 1, html: "<script>" }])]))).toBe("unknown_node_type");
    expect(codeOf(doc([list([listItem([{ type: "code", version: 1, children: [] }])])]))).toBe("unknown_node_type");
    expect(codeOf(doc([{ type: "table", version: 1, children: [] }]))).toBe("unknown_node_type");
  });

  it("rejects known nodes in the wrong place", () => {
    expect(codeOf(doc([text("direkte i roten")]))).toBe("invalid_structure");
    expect(codeOf(doc([paragraph([paragraph([text("i avsnitt")])])]))).toBe("invalid_structure");
    expect(codeOf(doc([list([paragraph([text("ikke et listepunkt")])])]))).toBe("invalid_structure");
    expect(codeOf(doc([paragraph([link("https://a.no", [link("https://b.no")])])]))).toBe("invalid_structure");
  });

  it("rejects headings other than h2-h4, check lists and mismatched list tags", () => {
    const heading = (tag: string) => ({ type: "heading", version: 1, direction: null, format: "", indent: 0, tag, children: [] });
    expect(codeOf(doc([heading("h2")]))).toBe("ok");
    expect(codeOf(doc([heading("h1")]))).not.toBe("ok");
    expect(codeOf(doc([heading("h6")]))).not.toBe("ok");
    expect(codeOf(doc([{ ...list([]), listType: "check", tag: "ul" }]))).not.toBe("ok");
    expect(codeOf(doc([{ ...list([]), tag: "ol" }]))).not.toBe("ok");
  });

  it("rejects documents nested deeper than the limit", () => {
    const nest = (levels: number) => {
      let node = list([listItem([text("bunn")])]);
      for (let i = 1; i < levels; i += 1) node = list([listItem([node])]);
      return doc([node]);
    };
    // root(1) + n lists and n list items + text
    expect(codeOf(nest(5))).toBe("ok");
    expect(codeOf(nest(6))).toBe("too_deep");
    // Far beyond any stack: still a clean code, not a RangeError.
    let deep = list([listItem([text("x")])]);
    for (let i = 0; i < 50_000; i += 1) deep = list([listItem([deep])]);
    expect(codeOf(doc([deep]))).toBe("too_deep");
    const levels = 2_000;
    const open = '{"type":"list","children":[{"type":"listitem","children":[';
    const deepJson = `{"root":{"type":"root","children":[${open.repeat(levels)}${"]}]}".repeat(levels)}]}}`;
    expect(deepJson.length).toBeLessThan(richTextLimits.maxBytes);
    expect(codeOf(deepJson)).toBe("too_deep");
  });

  it("rejects documents larger than the byte limit, counting UTF-8 bytes", () => {
    const big = "æ".repeat(richTextLimits.maxBytes / 2);
    expect(codeOf(JSON.stringify(doc([paragraph([text(big)])])))).toBe("too_large");
    const generousText = { ...richTextLimits, maxTextLength: richTextLimits.maxBytes };
    expect(parseRichTextState(doc([paragraph([text(big)])]), generousText)).toEqual({ ok: false, code: "too_large" });
    expect(parseRichTextState(doc([paragraph([text("æ".repeat(90_000))])]), generousText).ok).toBe(true);
  });

  it("rejects too much text even when the JSON is small enough", () => {
    const limits = { ...richTextLimits, maxTextLength: 10 };
    expect(parseRichTextState(doc([paragraph([text("12345"), text("67890")])]), limits).ok).toBe(true);
    expect(parseRichTextState(doc([paragraph([text("12345"), text("678901")])]), limits)).toEqual({ ok: false, code: "too_long" });
  });

  it("allows only bold and italic text formats", () => {
    expect(codeOf(doc([paragraph([text("a", { format: 3 })])]))).toBe("ok");
    for (const format of [4, 8, 16, 32, 64, 128, 1 | 16, -1, 1.5]) {
      expect(codeOf(doc([paragraph([text("a", { format })])])), `format ${format}`).not.toBe("ok");
    }
    expect(codeOf(doc([paragraph([text("a", { format: 8 })])]))).toBe("format_not_allowed");
    expect(codeOf(doc([paragraph([], { textFormat: 16 })]))).toBe("format_not_allowed");
  });

  it("rejects inline style payloads on text and blocks, and extra attributes", () => {
    expect(codeOf(doc([paragraph([text("a", { style: "color: red" })])]))).toBe("style_not_allowed");
    expect(codeOf(doc([paragraph([text("a", { style: "background:url(javascript:alert(1))" })])]))).toBe("style_not_allowed");
    expect(codeOf(doc([paragraph([], { textStyle: "font-size: 40px" })]))).toBe("style_not_allowed");
    expect(codeOf(doc([paragraph([], { style: "color:red" })]))).toBe("invalid_structure");
    expect(codeOf(doc([paragraph([text("a", { className: "x" })])]))).toBe("invalid_structure");
    expect(codeOf(doc([paragraph([text("a", { $: { style: "x" } })])]))).toBe("invalid_structure");
  });

  it("accepts http, https and mailto links", () => {
    for (const url of ["https://helsehub.no", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG", "mailto:post@kommune.no"]) {
      expect(codeOf(doc([paragraph([link(url)])])), url).toBe("ok");
    }
  });

  const unsafeUrls = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\u0000script:alert(1)",
    " javascript:alert(1)",
    "\u200Bjavascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "%6Aavascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "https:/\\evil.example",
    "https:///evil.example",
    "https://",
    "https://exa mple.org",
    "file:///etc/passwd",
    "ftp://example.org",
    "mailto:",
    "/relative/path",
    "#anchor",
    "",
    `https://example.org/${"a".repeat(richTextLimits.maxUrlLength)}`,
  ];

  it.each(unsafeUrls)("rejects the link URL %j", (url) => {
    expect(isSafeLinkUrl(url)).toBe(false);
    expect(codeOf(doc([paragraph([link(url)])]))).toBe("unsafe_link");
  });

  it("checks autolinks and links inside list items too", () => {
    const autolink = { ...link("javascript:alert(1)"), type: "autolink", isUnlinked: false };
    expect(codeOf(doc([paragraph([autolink])]))).toBe("unsafe_link");
    expect(codeOf(doc([list([listItem([link("data:text/html,x")])])]))).toBe("unsafe_link");
  });
});
