import { useEffect, useId, useRef, useState, type ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { plainTextToRichTextState, richTextToPlainText } from "~/modules/rich-text/plain-text";
import type { RichTextState } from "~/modules/rich-text/rich-text-schema";
import type { RichTextEditorProps } from "./rich-text-editor";

export type RichTextFieldProps = {
  /** The editor posts its JSON state as `name`; the textarea posts plain text as `${name}Text`. */
  name: string;
  /** Id of the textarea, and of the editable area once the editor has loaded. */
  id: string;
  /** Id of the field's visible label. */
  labelId: string;
  /** Space-separated ids of the field's hint and error messages. */
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
  /** A validated state, or plain text (for example what a no-JavaScript post sent back). */
  defaultValue?: RichTextState | string | null;
  headingTag?: RichTextEditorProps["headingTag"];
  rows?: number;
  onTextChange?: (plainText: string) => void;
  onStateChange?: (json: string) => void;
};

// A function, not a top-level import: Lexical ends up in its own chunk, fetched only by pages with a field.
const loadEditor = () => import("./rich-text-editor");

type Handoff = { Editor: ComponentType<RichTextEditorProps>; state: RichTextState | null; focus: boolean };

/**
 * A rich-text form field that works without JavaScript: the server (and the browser before hydration)
 * renders a textarea; once JavaScript runs, the Lexical editor replaces it with what was typed so far.
 * Read the posted value with `readRichTextFromForm(formData, name)`.
 */
export function RichTextField({
  name,
  id,
  labelId,
  describedBy,
  invalid,
  required,
  defaultValue,
  headingTag,
  rows = 8,
  onTextChange,
  onStateChange,
}: RichTextFieldProps) {
  const { t } = useTranslation("editor");
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const fallbackHintId = useId();
  const [initialText] = useState(() =>
    typeof defaultValue === "string" ? defaultValue : defaultValue ? richTextToPlainText(defaultValue) : "",
  );
  const [initialState] = useState(() => (typeof defaultValue === "object" ? defaultValue : null));
  const [handoff, setHandoff] = useState<Handoff | null>(null);

  useEffect(() => {
    let cancelled = false;
    loadEditor()
      .then(({ RichTextEditor }) => {
        if (cancelled) return;
        const textarea = textareaRef.current;
        const typed = textarea?.value ?? initialText;
        // Unchanged text keeps the original formatting; anything typed before the editor arrived wins.
        const state =
          typed === initialText && initialState ? initialState : typed.trim() === "" ? null : plainTextToRichTextState(typed);
        setHandoff({ Editor: RichTextEditor, state, focus: textarea !== null && document.activeElement === textarea });
      })
      .catch(() => {
        // The editor could not be loaded (offline, blocked script): the textarea keeps working.
      });
    return () => {
      cancelled = true;
    };
  }, [initialText, initialState]);

  if (handoff) {
    const { Editor } = handoff;
    return (
      <Editor
        name={name}
        id={id}
        labelId={labelId}
        describedBy={describedBy}
        invalid={invalid}
        required={required}
        initialState={handoff.state}
        headingTag={headingTag}
        autoFocus={handoff.focus}
        onTextChange={onTextChange}
        onStateChange={onStateChange}
      />
    );
  }

  return (
    <>
      <textarea
        ref={textareaRef}
        id={id}
        name={`${name}Text`}
        rows={rows}
        defaultValue={initialText}
        aria-labelledby={labelId}
        aria-describedby={[describedBy, fallbackHintId].filter(Boolean).join(" ")}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        onChange={(event) => onTextChange?.(event.target.value)}
        className="block w-full rounded border border-slate-500 bg-white px-3 py-2 text-base leading-relaxed text-slate-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 aria-invalid:border-2 aria-invalid:border-red-700"
      />
      <p id={fallbackHintId} className="mt-1 text-sm text-slate-700">
        {t("fallbackHint")}
      </p>
    </>
  );
}
