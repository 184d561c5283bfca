import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { $createHeadingNode, HeadingNode, QuoteNode } from "@lexical/rich-text";
import { AutoLinkNode, LinkNode } from "@lexical/link";
import { ListItemNode, ListNode } from "@lexical/list";
import { mergeRegister } from "@lexical/utils";
import { $createTextNode, COMMAND_PRIORITY_CRITICAL, FORMAT_TEXT_COMMAND, ParagraphNode, TabNode, TextNode, type ElementNode, type TextFormatType } from "lexical";
import { useEffect } from "react";
import { ALLOWED_TEXT_FORMAT_MASK, isSafeLinkUrl } from "~/modules/rich-text/rich-text-schema";

const allowedHeadingTags = new Set(["h2", "h3", "h4"]);

// Element-level textFormat/textStyle are left to serializeForServer(): Lexical re-derives them from the
// selection, and a transform that fought it would loop.
function $clearAlignment(node: ElementNode) {
  if (node.getFormatType() !== "") node.setFormat("");
}

const allowedFormats = new Set<TextFormatType>(["bold", "italic"]);

/** Pasted links to relative or unsafe addresses keep their text and lose the link. */
function $unwrapUnsafeLink(node: LinkNode) {
  if (isSafeLinkUrl(node.getURL())) return;
  for (const child of node.getChildren()) node.insertBefore(child);
  node.remove();
}

/**
 * Makes the document match what the server accepts, however the content got in (typing, shortcuts such
 * as Ctrl+U, or pasting from Word or a web page): no inline styles, no formats but bold and italic,
 * headings h2-h4 only, no check lists, no tab nodes, no alignment, links only to safe addresses.
 */
export function CleanContentPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        // Ctrl+U and friends: refuse the format instead of applying it and stripping it afterwards.
        editor.registerCommand(FORMAT_TEXT_COMMAND, (format) => !allowedFormats.has(format), COMMAND_PRIORITY_CRITICAL),
        editor.registerNodeTransform(TextNode, (node) => {
          if (node.getStyle() !== "") node.setStyle("");
          const format = node.getFormat();
          if ((format & ~ALLOWED_TEXT_FORMAT_MASK) !== 0) node.setFormat(format & ALLOWED_TEXT_FORMAT_MASK);
        }),
        editor.registerNodeTransform(TabNode, (node) => {
          node.replace($createTextNode(" "));
        }),
        editor.registerNodeTransform(LinkNode, $unwrapUnsafeLink),
        editor.registerNodeTransform(AutoLinkNode, $unwrapUnsafeLink),
        editor.registerNodeTransform(ParagraphNode, $clearAlignment),
        editor.registerNodeTransform(QuoteNode, $clearAlignment),
        editor.registerNodeTransform(HeadingNode, (node) => {
          $clearAlignment(node);
          if (!allowedHeadingTags.has(node.getTag())) {
            const tag = node.getTag() === "h1" ? "h2" : "h4";
            node.replace($createHeadingNode(tag), true);
          }
        }),
        editor.registerNodeTransform(ListNode, (node) => {
          $clearAlignment(node);
          if (node.getListType() === "check") node.setListType("bullet");
        }),
        editor.registerNodeTransform(ListItemNode, (node) => {
          $clearAlignment(node);
          if (node.getChecked() !== undefined) node.setChecked(undefined);
        }),
      ),
    [editor],
  );
  return null;
}
