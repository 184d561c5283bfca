import { createHeadlessEditor } from "@lexical/headless";
import { withDOM } from "@lexical/headless/dom";
import { $generateHtmlFromNodes } from "@lexical/html";
import sanitizeHtml from "sanitize-html";
import { richTextNodes } from "./rich-text-nodes";
import { parseRichTextState, type RichTextState } from "./rich-text-schema";

const linkRel = "noopener noreferrer nofollow";

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "b", "i", "u", "h2", "h3", "h4", "ul", "ol", "li", "a", "blockquote"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // Whatever rel or target the input carried, a rendered link gets exactly this rel and nothing else.
    a: (_tagName, attribs) => {
      const safeAttribs: sanitizeHtml.Attributes = typeof attribs.href === "string" ? { href: attribs.href } : {};
      safeAttribs.rel = linkRel;
      return { tagName: "a", attribs: safeAttribs };
    },
  },
};

/** The last step for any HTML that reaches a page: a strict allowlist, whatever produced the markup. */
export function sanitizeRichTextHtml(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

/** Renders a validated document to HTML that is safe to insert with dangerouslySetInnerHTML. */
export function renderRichTextToHtml(state: RichTextState): string {
  // Lexical refuses to load a root without children.
  if (state.root.children.length === 0) return "";
  const editor = createHeadlessEditor({
    namespace: "helsehub-render",
    nodes: richTextNodes,
    onError: (error) => {
      throw error;
    },
  });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(state)));
  const html = withDOM(() => editor.read(() => $generateHtmlFromNodes(editor, null)));
  return sanitizeRichTextHtml(html);
}

/**
 * For JSON read back from the database: validates again (the column may predate a rule change) and
 * renders. Returns null when the stored document is not acceptable any more.
 */
export function renderStoredRichText(stored: unknown): string | null {
  const parsed = parseRichTextState(stored);
  return parsed.ok ? renderRichTextToHtml(parsed.state) : null;
}
