import { plainTextToRichTextState, richTextToPlainText } from "./plain-text";
import { parseRichTextState, type RichTextErrorCode, type RichTextLimits, type RichTextState } from "./rich-text-schema";

export type RichTextFormValue =
  | { ok: true; state: RichTextState; plainText: string; source: "editor" | "textarea" | "empty" }
  | { ok: false; code: RichTextErrorCode };

/** Name of the textarea that replaces the editor without JavaScript. */
export function richTextTextFieldName(name: string): string {
  return `${name}Text`;
}

/**
 * Reads a rich-text field posted either by the editor (the serialized state in `name`) or by the
 * no-JavaScript textarea (`${name}Text`). Both are validated the same way. An empty field is `ok` with
 * empty `plainText`: whether it is required is the caller's decision.
 */
export function readRichTextFromForm(formData: FormData, name: string, limits?: RichTextLimits): RichTextFormValue {
  const json = formData.get(name);
  if (typeof json === "string" && json.trim() !== "") {
    const parsed = parseRichTextState(json, limits);
    if (!parsed.ok) return parsed;
    return { ok: true, state: parsed.state, plainText: richTextToPlainText(parsed.state), source: "editor" };
  }
  const text = formData.get(richTextTextFieldName(name));
  const fromText = plainTextToRichTextState(typeof text === "string" ? text : "");
  const parsed = parseRichTextState(fromText, limits);
  if (!parsed.ok) return parsed;
  const plainText = richTextToPlainText(parsed.state);
  return { ok: true, state: parsed.state, plainText, source: plainText === "" ? "empty" : "textarea" };
}
