import { ALLOWED_TEXT_FORMAT_MASK } from "~/modules/rich-text/rich-text-schema";

type SerializedNode = {
  type?: unknown;
  format?: unknown;
  style?: unknown;
  textFormat?: unknown;
  textStyle?: unknown;
  children?: unknown;
};

/**
 * The JSON the hidden input posts. Lexical keeps a "text format/style for new text" on every element,
 * taken from the selection; it is invisible, so it is trimmed here rather than fought with transforms.
 */
export function serializeForServer(editorStateJson: { root: unknown }): string {
  const stack: unknown[] = [editorStateJson.root];
  while (stack.length > 0) {
    const node = stack.pop() as SerializedNode | null;
    if (typeof node !== "object" || node === null) continue;
    if (typeof node.textFormat === "number") node.textFormat = node.textFormat & ALLOWED_TEXT_FORMAT_MASK;
    if (typeof node.textStyle === "string") node.textStyle = "";
    if (node.type === "text" || node.type === "tab") {
      if (typeof node.format === "number") node.format = node.format & ALLOWED_TEXT_FORMAT_MASK;
      if (typeof node.style === "string") node.style = "";
    }
    if (Array.isArray(node.children)) stack.push(...node.children);
  }
  return JSON.stringify(editorStateJson);
}
