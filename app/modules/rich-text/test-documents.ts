import { createHeadlessEditor } from "@lexical/headless";
import { $createAutoLinkNode, $createLinkNode } from "@lexical/link";
import { $createListItemNode, $createListNode } from "@lexical/list";
import { $createHeadingNode, $createQuoteNode } from "@lexical/rich-text";
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { richTextNodes } from "./rich-text-nodes";

/** A document with every allowed node, serialized by Lexical itself (not hand-written JSON). */
export function lexicalDocumentWithEveryNode(): unknown {
  const editor = createHeadlessEditor({
    nodes: richTextNodes,
    onError: (error) => {
      throw error;
    },
  });
  editor.update(
    () => {
      const root = $getRoot();
      for (const tag of ["h2", "h3", "h4"] as const) {
        root.append($createHeadingNode(tag).append($createTextNode(`Overskrift ${tag}`)));
      }
      const bold = $createTextNode("fet");
      bold.toggleFormat("bold");
      const italic = $createTextNode("kursiv");
      italic.toggleFormat("italic");
      const both = $createTextNode("begge");
      both.toggleFormat("bold");
      both.toggleFormat("italic");
      root.append(
        $createParagraphNode().append(
          $createTextNode("Vanlig "),
          bold,
          italic,
          both,
          $createLineBreakNode(),
          $createLinkNode("https://helsehub.no/ide?x=1", { rel: "noopener", target: "_blank", title: "HelseHub" }).append(
            $createTextNode("lenke"),
          ),
          $createTextNode(" og "),
          $createAutoLinkNode("http://example.org").append($createTextNode("http://example.org")),
          $createLinkNode("mailto:post@kommune.no").append($createTextNode("e-post")),
        ),
      );
      const nested = $createListNode("bullet").append($createListItemNode().append($createTextNode("nivå to")));
      root.append(
        $createListNode("bullet").append(
          $createListItemNode().append($createTextNode("punkt en")),
          $createListItemNode().append(nested),
        ),
        $createListNode("number").append($createListItemNode().append($createTextNode("steg en"))),
        $createQuoteNode().append($createTextNode("Et sitat")),
      );
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON();
}

type Node = Record<string, unknown>;

export function text(value: string, extra: Node = {}): Node {
  return { type: "text", version: 1, text: value, format: 0, style: "", mode: "normal", detail: 0, ...extra };
}

const elementDefaults = { version: 1, direction: null, format: "", indent: 0 };

export function paragraph(children: Node[], extra: Node = {}): Node {
  return { type: "paragraph", ...elementDefaults, textFormat: 0, textStyle: "", children, ...extra };
}

export function link(url: string, children: Node[] = [text("lenke")]): Node {
  return { type: "link", ...elementDefaults, url, rel: null, target: null, title: null, children };
}

export function listItem(children: Node[]): Node {
  return { type: "listitem", ...elementDefaults, value: 1, children };
}

export function list(children: Node[], listType: "bullet" | "number" = "bullet"): Node {
  return { type: "list", ...elementDefaults, listType, start: 1, tag: listType === "bullet" ? "ul" : "ol", children };
}

export function doc(children: Node[]): { root: Node } {
  return { root: { type: "root", ...elementDefaults, children } };
}
