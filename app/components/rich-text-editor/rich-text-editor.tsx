import { LexicalComposer, type InitialConfigType } from "@lexical/react/LexicalComposer";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { LexicalErrorBoundary } from "@lexical/react/LexicalErrorBoundary";
import { HistoryPlugin } from "@lexical/react/LexicalHistoryPlugin";
import { LinkPlugin } from "@lexical/react/LexicalLinkPlugin";
import { ListPlugin } from "@lexical/react/LexicalListPlugin";
import { OnChangePlugin } from "@lexical/react/LexicalOnChangePlugin";
import { RichTextPlugin } from "@lexical/react/LexicalRichTextPlugin";
import type { EditorState } from "lexical";
import { useCallback, useEffect, useRef, useState } from "react";
import { richTextToPlainText } from "~/modules/rich-text/plain-text";
import { richTextNodes } from "~/modules/rich-text/rich-text-nodes";
import { isSafeLinkUrl, type RichTextState } from "~/modules/rich-text/rich-text-schema";
import { CleanContentPlugin } from "./clean-content-plugin";
import { serializeForServer } from "./serialize-for-server";
import { ToolbarPlugin } from "./toolbar-plugin";

export type RichTextEditorProps = {
  /** Name of the hidden input that carries the serialized state. */
  name: string;
  /** Id of the editable area. */
  id: string;
  /** Id of the field's visible label. */
  labelId: string;
  /** Space-separated ids of hint and error messages. */
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
  initialState?: RichTextState | null;
  /** Level of the heading button: the proposal sits under the page's own h2 sections by default. */
  headingTag?: "h2" | "h3" | "h4";
  autoFocus?: boolean;
  onTextChange?: (plainText: string) => void;
  onStateChange?: (json: string) => void;
};

const theme: InitialConfigType["theme"] = {
  paragraph: "mb-3 last:mb-0",
  heading: { h2: "mb-2 mt-4 text-xl font-bold", h3: "mb-2 mt-4 text-lg font-bold", h4: "mb-2 mt-3 font-bold" },
  quote: "mb-3 border-l-4 border-slate-300 pl-3 text-slate-700",
  list: {
    ul: "mb-3 ml-6 list-disc",
    ol: "mb-3 ml-6 list-decimal",
    nested: { listitem: "list-none" },
    listitem: "my-1",
  },
  link: "text-blue-800 underline",
  text: { bold: "font-bold", italic: "italic" },
};

function serialize(state: RichTextState | EditorState): string {
  return "toJSON" in state ? serializeForServer(state.toJSON()) : JSON.stringify(state);
}

function AutoFocusPlugin({ enabled }: { enabled: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (enabled) editor.focus(undefined, { defaultSelection: "rootEnd" });
  }, [editor, enabled]);
  return null;
}

/**
 * The Lexical editor. Import it lazily (see RichTextField): it is the only place Lexical is loaded in
 * the browser.
 */
export function RichTextEditor({
  name,
  id,
  labelId,
  describedBy,
  invalid,
  required,
  initialState,
  headingTag = "h3",
  autoFocus = false,
  onTextChange,
  onStateChange,
}: RichTextEditorProps) {
  const hasContent = initialState !== null && initialState !== undefined && initialState.root.children.length > 0;
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: `helsehub-${name}`,
    nodes: richTextNodes,
    theme,
    editorState: hasContent ? serialize(initialState) : undefined,
    onError: (error) => {
      throw error;
    },
  }));
  const [json, setJson] = useState(() => (hasContent ? serialize(initialState) : ""));
  const hiddenInput = useRef<HTMLInputElement>(null);
  const lastPosted = useRef(json);

  const onChange = useCallback(
    (editorState: EditorState) => {
      const cleaned = editorState.toJSON();
      const next = serializeForServer(cleaned);
      if (next === lastPosted.current) return;
      lastPosted.current = next;
      setJson(next);
      onStateChange?.(next);
      onTextChange?.(richTextToPlainText(cleaned as unknown as RichTextState));
    },
    [onStateChange, onTextChange],
  );

  // A hidden input fires no events of its own: announce changes so form-level listeners (drafts) see them.
  useEffect(() => {
    if (json === "" || !hiddenInput.current) return;
    hiddenInput.current.dispatchEvent(new Event("input", { bubbles: true }));
  }, [json]);

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="rounded border border-slate-500 bg-white focus-within:outline focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-blue-700 data-invalid:border-2 data-invalid:border-red-700" data-invalid={invalid || undefined}>
        <ToolbarPlugin editableId={id} headingTag={headingTag} />
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              id={id}
              aria-labelledby={labelId}
              aria-describedby={describedBy || undefined}
              aria-invalid={invalid || undefined}
              aria-required={required || undefined}
              aria-multiline
              spellCheck
              className="min-h-40 px-3 py-2 text-base leading-relaxed text-slate-900 outline-none"
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isSafeLinkUrl} />
        <CleanContentPlugin />
        <OnChangePlugin ignoreSelectionChange onChange={onChange} />
        <AutoFocusPlugin enabled={autoFocus} />
      </div>
      <input ref={hiddenInput} type="hidden" name={name} value={json} />
    </LexicalComposer>
  );
}
