import fc from "fast-check";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { plainTextToRichTextState, richTextToPlainText } from "./plain-text";
import { renderRichTextToHtml, renderStoredRichText, sanitizeRichTextHtml } from "./render-rich-text.server";
import { parseRichTextState, type RichTextState } from "./rich-text-schema";
import { doc, lexicalDocumentWithEveryNode, link, list, listItem, paragraph, text } from "./test-documents";

function valid(input: unknown): RichTextState {
  const result = parseRichTextState(input);
  if (!result.ok) throw new Error(`expected a valid document, got ${result.code}`);
  return result.state;
}

const allowedTags = new Set(["p", "br", "strong", "em", "b", "i", "u", "h2", "h3", "h4", "ul", "ol", "li", "a", "blockquote"]);

/** Checks the markup itself: text may show "onerror=" or "javascript:", escaped, but no tag may carry them. */
function expectNothingExecutable(html: string) {
  expect(html).not.toMatch(/<script/i);
  for (const tag of html.match(/<[^>]*>/g) ?? []) {
    expect(tag).toMatch(/^<\/?([a-z0-9]+)( (href|rel)="[^"<>]*")*( \/)?>$/);
    expect(allowedTags.has(tag.replace(/^<\/?([a-z0-9]+).*$/s, "$1")), tag).toBe(true);
    expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag).not.toMatch(/javascript:|data:|vbscript:/i);
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const element of document.body.querySelectorAll("*")) {
    expect(allowedTags.has(element.tagName.toLowerCase()), element.tagName).toBe(true);
    for (const attribute of element.attributes) {
      expect(element.tagName === "A" && ["href", "rel"].includes(attribute.name), attribute.name).toBe(true);
    }
    if (element.tagName === "A") {
      expect(element.getAttribute("rel")).toBe("noopener noreferrer nofollow");
      const href = element.getAttribute("href");
      if (href !== null) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
    }
  }
}

const xssPayloads = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  '"><script>alert(document.cookie)</script>',
  "'><img src=x onerror=alert(1)>",
  "<a href=\"javascript:alert(1)\">klikk</a>",
  "<iframe src=javascript:alert(1)></iframe>",
  "</p><style>body{display:none}</style>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "{{constructor.constructor('alert(1)')()}}",
];

describe("renderRichTextToHtml", () => {
  it("renders every allowed node to the allowlisted tags only", () => {
    const html = renderRichTextToHtml(valid(lexicalDocumentWithEveryNode()));
    for (const tag of ["<h2>", "<h3>", "<h4>", "<p>", "<strong>", "<em>", "<i>", "<br />", "<ul>", "<ol>", "<li>", "<blockquote>"]) {
      expect(html, tag).toContain(tag);
    }
    expect(html).toContain('<a href="https://helsehub.no/ide?x=1" rel="noopener noreferrer nofollow">lenke</a>');
    expect(html).toContain('<a href="http://example.org" rel="noopener noreferrer nofollow">http://example.org</a>');
    expect(html).toContain('<a href="mailto:post@kommune.no" rel="noopener noreferrer nofollow">e-post</a>');
    expect(html).toMatch(/<ul><li>punkt en<\/li><li><ul><li>nivå to<\/li><\/ul><\/li><\/ul>|<ul><li>punkt en<ul><li>nivå to<\/li><\/ul><\/li><\/ul>/);
    expect(html).not.toContain("<span");
    expectNothingExecutable(html);
  });

  it.each(xssPayloads)("shows the payload %j as escaped text, in text and in link text", (payload) => {
    const state = valid(
      doc([
        paragraph([text(payload)]),
        paragraph([link("https://example.org/?q=%22%3E%3Cscript%3E", [text(payload)])]),
        list([listItem([text(payload, { format: 1 })])]),
      ]),
    );
    const html = renderRichTextToHtml(state);
    expectNothingExecutable(html);
    const escaped = payload.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    expect(html).toContain(`<p>${escaped.replace(/"/g, "&quot;")}</p>`.replace(/&quot;/g, '"'));
  });

  it("never emits a link URL that validation would not accept, even if one slips past validation", () => {
    const unvalidated = doc([
      paragraph([link("javascript:alert(1)")]),
      paragraph([link("JaVaScRiPt:alert(1)")]),
      paragraph([link("data:text/html,<script>alert(1)</script>")]),
      paragraph([link("vbscript:msgbox(1)")]),
      paragraph([link('https://example.org/" onmouseover="alert(1)')]),
    ]) as unknown as RichTextState;
    const html = renderRichTextToHtml(unvalidated);
    expectNothingExecutable(html);
    expect(html).not.toMatch(/data:|vbscript:/i);
    expect(html).toContain('href="https://example.org/&quot; onmouseover=&quot;alert(1)"');
  });

  it("keeps the link URL intact and attribute-escaped", () => {
    const html = renderRichTextToHtml(valid(doc([paragraph([link('https://example.org/a?b=1&c="2"')])])));
    expect(html).toContain('href="https://example.org/a?b=1&amp;c=&quot;2&quot;"');
  });

  it("sanitizes markup from any source as the last step", () => {
    const dirty =
      '<p class="x" style="color:red" onclick="alert(1)">Hei<script>alert(1)</script><img src=x onerror=alert(1)></p>' +
      '<a href="javascript:alert(1)" target="_blank">a</a><a href="https://ok.no" rel="opener" target="_blank">b</a>' +
      '<h1>stor</h1><table><tr><td>celle</td></tr></table><svg onload="alert(1)"><circle/></svg>';
    const html = sanitizeRichTextHtml(dirty);
    expectNothingExecutable(html);
    expect(html).toBe(
      '<p>Hei</p><a rel="noopener noreferrer nofollow">a</a><a href="https://ok.no" rel="noopener noreferrer nofollow">b</a>storcelle',
    );
  });

  it("re-validates stored JSON before rendering it", () => {
    expect(renderStoredRichText(doc([paragraph([text("lagret")])]))).toBe("<p>lagret</p>");
    expect(renderStoredRichText(JSON.stringify(doc([paragraph([text("lagret")])])))).toBe("<p>lagret</p>");
    expect(renderStoredRichText(doc([{ type: "image", version: 1 }]))).toBeNull();
    expect(renderStoredRichText(doc([paragraph([link("javascript:alert(1)")])]))).toBeNull();
  });

  it("leaves no window or document behind on the server", () => {
    renderRichTextToHtml(valid(doc([paragraph([text("x")])])));
    expect(typeof (globalThis as { window?: unknown }).window).toBe("undefined");
    expect(typeof (globalThis as { document?: unknown }).document).toBe("undefined");
  });

  it("renders any valid document without executable markup (property)", () => {
    const hostileText = fc.oneof(fc.string(), fc.constantFrom(...xssPayloads));
    const inline = fc.oneof(
      fc.record({ text: hostileText, format: fc.constantFrom(0, 1, 2, 3) }).map(({ text: value, format }) => text(value, { format })),
      fc.constant({ type: "linebreak", version: 1 }),
      fc
        .tuple(fc.webUrl({ withQueryParameters: true, withFragments: true }), hostileText)
        .map(([url, label]) => link(url, [text(label)])),
    );
    const block = fc.oneof(
      fc.array(inline, { maxLength: 5 }).map((children) => paragraph(children)),
      fc.array(fc.array(inline, { maxLength: 3 }), { maxLength: 3 }).map((items) => list(items.map((children) => listItem(children)), "number")),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 5 }), (blocks) => {
        const parsed = parseRichTextState(doc(blocks));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expectNothingExecutable(renderRichTextToHtml(parsed.state));
      }),
      { numRuns: 150 },
    );
  });
});

describe("plain text", () => {
  it("extracts text with blank lines between blocks and newlines between list items and line breaks", () => {
    const state = valid(lexicalDocumentWithEveryNode());
    expect(richTextToPlainText(state)).toBe(
      [
        "Overskrift h2",
        "Overskrift h3",
        "Overskrift h4",
        "Vanlig fetkursivbegge\nlenke og http://example.orge-post",
        "punkt en\nnivå to",
        "steg en",
        "Et sitat",
      ].join("\n\n"),
    );
  });

  it("turns textarea text into paragraphs and line breaks", () => {
    const state = plainTextToRichTextState("  Første avsnitt\r\nandre linje\r\n\r\n\r\n  Andre avsnitt  \n");
    expect(parseRichTextState(state).ok).toBe(true);
    expect(state.root.children).toHaveLength(2);
    expect(state.root.children[0]!.children.map((child) => child.type)).toEqual(["text", "linebreak", "text"]);
    expect(richTextToPlainText(state)).toBe("Første avsnitt\nandre linje\n\nAndre avsnitt");
    expect(plainTextToRichTextState("   \n\n ").root.children).toEqual([]);
  });

  it("round-trips plain text → state → HTML with the text escaped", () => {
    const input = 'Vi trenger <b>bedre</b> "varsling" & oppfølging.\nNy linje\n\n<script>alert(1)</script>';
    const state = valid(JSON.parse(JSON.stringify(plainTextToRichTextState(input))));
    expect(richTextToPlainText(state)).toBe(input);
    expect(renderRichTextToHtml(state)).toBe(
      '<p>Vi trenger &lt;b&gt;bedre&lt;/b&gt; "varsling" &amp; oppfølging.<br />Ny linje</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });

  it("round-trips arbitrary plain text (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }).map((s) => s.replace(/\s+/g, " ").trim()).filter(Boolean), { maxLength: 6 }), (paragraphs) => {
        const input = paragraphs.join("\n\n");
        expect(richTextToPlainText(plainTextToRichTextState(input))).toBe(input);
      }),
    );
  });
});
