import type {
  RichTextState,
  SerializedRichTextBlock,
  SerializedRichTextInline,
  SerializedRichTextList,
  SerializedRichTextParagraph,
  SerializedRichTextText,
} from "./rich-text-schema";

/**
 * Plain text of a document, for search and for the privacy check. Blocks are separated by a blank line,
 * list items and line breaks by a newline, so `plainTextToRichTextState` reads it back unchanged.
 */
export function richTextToPlainText(state: RichTextState): string {
  return state.root.children
    .map(blockToText)
    .filter((text) => text.length > 0)
    .join("\n\n");
}

function blockToText(block: SerializedRichTextBlock): string {
  if (block.type === "list") return listToText(block);
  return inlinesToText(block.children);
}

function listToText(list: SerializedRichTextList): string {
  return list.children
    .map((item) => {
      const lines: string[] = [];
      const inlines: SerializedRichTextInline[] = [];
      for (const child of item.children) {
        if (child.type === "list") {
          if (inlines.length > 0) lines.push(inlinesToText(inlines.splice(0)));
          lines.push(listToText(child));
        } else {
          inlines.push(child);
        }
      }
      if (inlines.length > 0) lines.push(inlinesToText(inlines));
      return lines.filter((line) => line.length > 0).join("\n");
    })
    .filter((line) => line.length > 0)
    .join("\n");
}

function inlinesToText(children: SerializedRichTextInline[]): string {
  let text = "";
  for (const child of children) {
    if (child.type === "text") text += child.text;
    else if (child.type === "linebreak") text += "\n";
    else text += inlinesToText(child.children);
  }
  return text;
}

/** Lexical's defaults for a fresh, unformatted node, as the editor itself serializes them. */
function textNode(text: string): SerializedRichTextText {
  return { type: "text", version: 1, text, format: 0, style: "", mode: "normal", detail: 0 };
}

/**
 * Turns the no-JavaScript textarea into a document: text separated by blank lines becomes paragraphs,
 * single newlines become line breaks.
 */
export function plainTextToRichTextState(text: string): RichTextState {
  const normalized = text.replace(/\r\n?/g, "\n").trim();
  const paragraphs = normalized.length === 0 ? [] : normalized.split(/\n[^\S\n]*\n\s*/);
  return {
    root: {
      type: "root",
      version: 1,
      direction: null,
      format: "",
      indent: 0,
      children: paragraphs.map((paragraph): SerializedRichTextParagraph => {
        const children: SerializedRichTextInline[] = [];
        paragraph.split("\n").forEach((line, index) => {
          if (index > 0) children.push({ type: "linebreak", version: 1 });
          if (line.length > 0) children.push(textNode(line));
        });
        return {
          type: "paragraph",
          version: 1,
          direction: null,
          format: "",
          indent: 0,
          textFormat: 0,
          textStyle: "",
          children,
        };
      }),
    },
  };
}
