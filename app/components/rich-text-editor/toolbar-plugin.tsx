import { $isLinkNode, TOGGLE_LINK_COMMAND } from "@lexical/link";
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from "@lexical/list";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { $createHeadingNode, $isHeadingNode } from "@lexical/rich-text";
import { $setBlocksType } from "@lexical/selection";
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from "@lexical/utils";
import {
  $createParagraphNode,
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  $setSelection,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  UNDO_COMMAND,
  type BaseSelection,
} from "lexical";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isSafeLinkUrl } from "~/modules/rich-text/rich-text-schema";

type HeadingTag = "h2" | "h3" | "h4";

type ToolbarState = {
  bold: boolean;
  italic: boolean;
  heading: boolean;
  bulletList: boolean;
  numberedList: boolean;
  link: boolean;
};

const initialToolbarState: ToolbarState = {
  bold: false,
  italic: false,
  heading: false,
  bulletList: false,
  numberedList: false,
  link: false,
};

/** Accepts "www.example.no" as https, but never guesses a scheme for anything that already has one. */
export function normalizeLinkInput(input: string): string {
  const trimmed = input.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith("/")) return trimmed;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(trimmed)) return `mailto:${trimmed}`;
  return `https://${trimmed}`;
}

function $readToolbarState(): ToolbarState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return initialToolbarState;
  const anchor = selection.anchor.getNode();
  const block =
    anchor.getKey() === "root"
      ? anchor
      : ($findMatchingParent(anchor, (node) => {
          const parent = node.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        }) ?? anchor.getTopLevelElementOrThrow());
  const list = $getNearestNodeOfType(anchor, ListNode);
  const listType = $isListNode(list) ? list.getListType() : null;
  const focus = selection.focus.getNode();
  return {
    bold: selection.hasFormat("bold"),
    italic: selection.hasFormat("italic"),
    heading: $isHeadingNode(block),
    bulletList: listType === "bullet",
    numberedList: listType === "number",
    link: $findMatchingParent(anchor, $isLinkNode) !== null || $findMatchingParent(focus, $isLinkNode) !== null,
  };
}

type ToolbarPluginProps = {
  editableId: string;
  headingTag: HeadingTag;
};

export function ToolbarPlugin({ editableId, headingTag }: ToolbarPluginProps) {
  const { t } = useTranslation("editor");
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState(initialToolbarState);
  const [canUndo, setCanUndo] = useState(false);
  const [linkFormOpen, setLinkFormOpen] = useState(false);
  const savedSelection = useRef<BaseSelection | null>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(() => setState($readToolbarState()), { editor });
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (payload) => {
            setCanUndo(payload);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );

  const toggleHeading = useCallback(() => {
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      if ($readToolbarState().heading) $setBlocksType(selection, () => $createParagraphNode());
      else $setBlocksType(selection, () => $createHeadingNode(headingTag));
    });
  }, [editor, headingTag]);

  const toggleList = useCallback(
    (kind: "bullet" | "number") => {
      const active = kind === "bullet" ? state.bulletList : state.numberedList;
      if (active) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
      else editor.dispatchCommand(kind === "bullet" ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    },
    [editor, state.bulletList, state.numberedList],
  );

  const openOrRemoveLink = useCallback(() => {
    if (state.link) {
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
      return;
    }
    savedSelection.current = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
    setLinkFormOpen(true);
  }, [editor, state.link]);

  const applyLink = useCallback(
    (url: string) => {
      editor.update(() => {
        const saved = savedSelection.current;
        if (saved) $setSelection(saved.clone());
        const selection = $getSelection();
        if ($isRangeSelection(selection) && selection.isCollapsed()) {
          // Nothing selected: insert the address itself as the link text.
          const textNode = $createTextNode(url.replace(/^mailto:/i, ""));
          selection.insertNodes([textNode]);
          textNode.select(0, textNode.getTextContentSize());
        }
      });
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, { url, rel: null, target: null });
      // Caret after the link: left selected, the link text would be replaced by the next keystroke.
      editor.update(() => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection) || selection.isCollapsed()) return;
        const end = selection.isBackward() ? selection.anchor : selection.focus;
        selection.anchor.set(end.key, end.offset, end.type);
        selection.focus.set(end.key, end.offset, end.type);
      });
      setLinkFormOpen(false);
      editor.focus();
    },
    [editor],
  );

  const closeLinkForm = useCallback(() => {
    setLinkFormOpen(false);
    editor.focus();
  }, [editor]);

  const buttons: Array<{ key: string; label: string; pressed?: boolean; disabled?: boolean; onActivate: () => void; icon: ReactNode; expanded?: boolean }> = [
    { key: "bold", label: t("toolbar.bold"), pressed: state.bold, onActivate: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "bold"), icon: <span className="font-bold">B</span> },
    { key: "italic", label: t("toolbar.italic"), pressed: state.italic, onActivate: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "italic"), icon: <span className="font-serif italic">I</span> },
    { key: "heading", label: t("toolbar.heading"), pressed: state.heading, onActivate: toggleHeading, icon: <span className="font-bold">H</span> },
    { key: "bulletList", label: t("toolbar.bulletList"), pressed: state.bulletList, onActivate: () => toggleList("bullet"), icon: <BulletListIcon /> },
    { key: "numberedList", label: t("toolbar.numberedList"), pressed: state.numberedList, onActivate: () => toggleList("number"), icon: <NumberedListIcon /> },
    {
      key: "link",
      // The label says what a press does ("Fjern lenke" inside a link), so no aria-pressed here.
      label: state.link ? t("toolbar.removeLink") : t("toolbar.link"),
      expanded: state.link ? undefined : linkFormOpen,
      onActivate: openOrRemoveLink,
      icon: <LinkIcon />,
    },
    { key: "undo", label: t("toolbar.undo"), disabled: !canUndo, onActivate: () => editor.dispatchCommand(UNDO_COMMAND, undefined), icon: <UndoIcon /> },
  ];

  // Roving tabindex (WAI-ARIA toolbar pattern): one Tab stop, arrow keys move between buttons.
  const onToolbarKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = buttons.length - 1;
    const next =
      event.key === "ArrowRight" ? (activeIndex === last ? 0 : activeIndex + 1)
      : event.key === "ArrowLeft" ? (activeIndex === 0 ? last : activeIndex - 1)
      : event.key === "Home" ? 0
      : event.key === "End" ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    setActiveIndex(next);
    toolbarRef.current?.querySelectorAll<HTMLButtonElement>("button")[next]?.focus();
  };

  const linkFormId = useId();

  return (
    <>
      <div
        ref={toolbarRef}
        role="toolbar"
        aria-label={t("toolbar.label")}
        aria-controls={editableId}
        onKeyDown={onToolbarKeyDown}
        className="flex flex-wrap gap-1 border-b border-slate-300 bg-slate-50 p-1"
      >
        {buttons.map((button, index) => (
          <button
            key={button.key}
            type="button"
            tabIndex={index === activeIndex ? 0 : -1}
            aria-label={button.label}
            title={button.label}
            aria-pressed={button.pressed}
            aria-expanded={button.expanded}
            aria-controls={button.expanded !== undefined ? linkFormId : undefined}
            aria-disabled={button.disabled || undefined}
            // Keep the editor's selection when the button is clicked with a mouse.
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setActiveIndex(index)}
            onClick={() => {
              if (!button.disabled) button.onActivate();
            }}
            className="inline-flex h-11 min-w-11 items-center justify-center rounded px-2 text-slate-900 hover:bg-slate-200 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-700 aria-disabled:cursor-not-allowed aria-disabled:text-slate-400 aria-pressed:bg-blue-100 aria-pressed:text-blue-900"
          >
            <span aria-hidden="true" className="inline-flex">
              {button.icon}
            </span>
          </button>
        ))}
      </div>
      {linkFormOpen ? <LinkForm id={linkFormId} onApply={applyLink} onCancel={closeLinkForm} /> : null}
    </>
  );
}

type LinkFormProps = { id: string; onApply: (url: string) => void; onCancel: () => void };

/**
 * Not a <form>: it sits inside the page's form, so Enter is handled here instead of submitting it, and
 * the input has no name so it is never posted.
 */
function LinkForm({ id, onApply, onCancel }: LinkFormProps) {
  const { t } = useTranslation("editor");
  const [value, setValue] = useState("https://");
  const [invalid, setInvalid] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const apply = () => {
    const url = normalizeLinkInput(value);
    if (!isSafeLinkUrl(url)) {
      setInvalid(true);
      inputRef.current?.focus();
      return;
    }
    onApply(url);
  };

  return (
    <div id={id} className="flex flex-col gap-2 border-b border-slate-300 bg-white p-2">
      <div className="flex flex-col">
        <label htmlFor={inputId} className="text-sm font-medium text-slate-900">
          {t("link.urlLabel")}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          type="url"
          inputMode="url"
          autoComplete="url"
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${errorId} ${hintId}` : hintId}
          onChange={(event) => {
            setValue(event.target.value);
            setInvalid(false);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              apply();
            } else if (event.key === "Escape") {
              event.preventDefault();
              onCancel();
            }
          }}
          className="mt-1 w-full rounded border border-slate-500 px-2 py-2 text-base aria-invalid:border-red-700"
        />
        <p id={hintId} className="mt-1 text-sm text-slate-700">
          {t("link.urlHint")}
        </p>
        {invalid ? (
          <p id={errorId} className="mt-1 text-sm font-medium text-red-800">
            {t("link.invalid")}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={apply} className="min-h-11 rounded bg-blue-800 px-3 font-medium text-white hover:bg-blue-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700">
          {t("link.apply")}
        </button>
        <button type="button" onClick={onCancel} className="min-h-11 rounded border border-slate-500 px-3 font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700">
          {t("link.cancel")}
        </button>
      </div>
    </div>
  );
}

function BulletListIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" fill="currentColor" focusable="false">
      <circle cx="4" cy="5" r="1.5" />
      <circle cx="4" cy="10" r="1.5" />
      <circle cx="4" cy="15" r="1.5" />
      <rect x="8" y="4" width="10" height="2" rx="1" />
      <rect x="8" y="9" width="10" height="2" rx="1" />
      <rect x="8" y="14" width="10" height="2" rx="1" />
    </svg>
  );
}

function NumberedListIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" fill="currentColor" focusable="false">
      <text x="1" y="7" fontSize="6" fontFamily="sans-serif">1</text>
      <text x="1" y="12.5" fontSize="6" fontFamily="sans-serif">2</text>
      <text x="1" y="18" fontSize="6" fontFamily="sans-serif">3</text>
      <rect x="8" y="4" width="10" height="2" rx="1" />
      <rect x="8" y="9" width="10" height="2" rx="1" />
      <rect x="8" y="14" width="10" height="2" rx="1" />
    </svg>
  );
}

function LinkIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" focusable="false">
      <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5L10 5" />
      <path d="M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" />
    </svg>
  );
}

function UndoIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" focusable="false">
      <path d="M7 4 3 8l4 4" />
      <path d="M3 8h9a5 5 0 0 1 0 10H9" />
    </svg>
  );
}
