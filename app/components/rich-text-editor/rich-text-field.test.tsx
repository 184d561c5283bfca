// @vitest-environment happy-dom
import { $generateNodesFromDOM } from "@lexical/html";
import { $insertGeneratedNodes } from "@lexical/clipboard";
import i18next from "i18next";
import { TOGGLE_LINK_COMMAND } from "@lexical/link";
import { INSERT_UNORDERED_LIST_COMMAND } from "@lexical/list";
import { $getRoot, $getSelection, $isRangeSelection, FORMAT_TEXT_COMMAND, type LexicalEditor } from "lexical";
import { act } from "react";
import { hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import nbEditor from "~/locales/nb/editor.json";
import { parseRichTextState, type RichTextState } from "~/modules/rich-text/rich-text-schema";
import { plainTextToRichTextState, richTextToPlainText } from "~/modules/rich-text/plain-text";
import { doc, paragraph, text } from "~/modules/rich-text/test-documents";
import { RichTextField, type RichTextFieldProps } from "./rich-text-field";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ lng: "nb", resources: { nb: { editor: nbEditor } }, interpolation: { escapeValue: false } });
});

function field(props: Partial<RichTextFieldProps> = {}) {
  return (
    <I18nextProvider i18n={i18n}>
      <form>
        <span id="proposal-label">Forslaget</span>
        <p id="proposal-hint">Beskriv forslaget</p>
        <RichTextField name="proposal" id="proposal" labelId="proposal-label" describedBy="proposal-hint" {...props} />
      </form>
    </I18nextProvider>
  );
}

let root: Root | null = null;
let container: HTMLElement | null = null;

afterEach(async () => {
  await act(async () => root?.unmount());
  container?.remove();
  root = null;
});

async function mountAndWaitForEditor(props: Partial<RichTextFieldProps> = {}) {
  container = document.createElement("div");
  document.body.append(container);
  // Server HTML first, as Remix delivers it, then the client takes over.
  container.innerHTML = renderToString(field(props));
  const textarea = container.querySelector("textarea")!;
  const waitForEditor = async () => {
    for (let i = 0; i < 100 && !container!.querySelector("[contenteditable]"); i += 1) {
      await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    }
    const editable = container!.querySelector<HTMLElement>("[contenteditable]");
    expect(editable).not.toBeNull();
    return editable as HTMLElement & { __lexicalEditor: LexicalEditor };
  };
  const startHydration = async () => {
    await act(async () => {
      root = hydrateRoot(container!, field(props));
    });
  };
  return {
    textarea,
    container,
    startHydration,
    waitForEditor,
    hydrate: async () => {
      await startHydration();
      return waitForEditor();
    },
  };
}

function postedState(form: HTMLElement): RichTextState {
  const input = form.querySelector<HTMLInputElement>('input[type="hidden"][name="proposal"]')!;
  const parsed = parseRichTextState(input.value);
  if (!parsed.ok) throw new Error(`posted state rejected: ${parsed.code}`);
  return parsed.state;
}

describe("RichTextField", () => {
  it("renders a labelled textarea without Lexical on the server", () => {
    const html = renderToString(field({ defaultValue: doc([paragraph([text("Første")]), paragraph([text("Andre")])]) as RichTextState }));
    expect(html).toContain('name="proposalText"');
    expect(html).toContain('aria-labelledby="proposal-label"');
    expect(html).toMatch(/aria-describedby="proposal-hint [^"]+"/);
    expect(html).toContain("Første\n\nAndre</textarea>");
    expect(html).toContain(nbEditor.fallbackHint);
    expect(html).not.toContain("contenteditable");
  });

  // First test to load the editor chunk, so the import is still in flight after hydration.
  it("keeps what was typed in the textarea while the editor was loading", async () => {
    const typed: string[] = [];
    const { textarea, startHydration, waitForEditor, container } = await mountAndWaitForEditor({
      defaultValue: "Gammel tekst",
      onTextChange: (value) => typed.push(value),
    });
    await startHydration();
    expect(container.querySelector("textarea")).toBe(textarea);
    // The prototype's setter, as a browser does on typing; React's own value tracker would hide the change.
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(textarea, "Skrevet under\n\nlasting");
    await act(async () => {
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    });
    expect(typed).toEqual(["Skrevet under\n\nlasting"]);
    await waitForEditor();
    expect(richTextToPlainText(postedState(container))).toBe("Skrevet under\n\nlasting");
  });

  it("swaps in the editor with its toolbar, labelled and described, and posts the state", async () => {
    const start = doc([paragraph([text("Vi kan "), text("spare", { format: 1 }), text(" tid.")])]) as RichTextState;
    const { container, hydrate } = await mountAndWaitForEditor({ defaultValue: start, invalid: true, required: true });
    const editable = await hydrate();
    expect(container.querySelector("textarea")).toBeNull();
    expect(editable.id).toBe("proposal");
    expect(editable.getAttribute("role")).toBe("textbox");
    expect(editable.getAttribute("aria-labelledby")).toBe("proposal-label");
    expect(editable.getAttribute("aria-describedby")).toBe("proposal-hint");
    expect(editable.getAttribute("aria-invalid")).toBe("true");
    expect(editable.getAttribute("aria-required")).toBe("true");

    const toolbar = container.querySelector('[role="toolbar"]')!;
    expect(toolbar.getAttribute("aria-label")).toBe(nbEditor.toolbar.label);
    expect(toolbar.getAttribute("aria-controls")).toBe("proposal");
    const buttons = [...toolbar.querySelectorAll("button")];
    expect(buttons.map((button) => button.getAttribute("aria-label"))).toEqual([
      nbEditor.toolbar.bold,
      nbEditor.toolbar.italic,
      nbEditor.toolbar.heading,
      nbEditor.toolbar.bulletList,
      nbEditor.toolbar.numberedList,
      nbEditor.toolbar.link,
      nbEditor.toolbar.undo,
    ]);
    expect(buttons.map((button) => button.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1]);
    expect(buttons.every((button) => button.type === "button")).toBe(true);
    expect(buttons[0]!.getAttribute("aria-pressed")).toBe("false");
    expect(buttons[6]!.getAttribute("aria-disabled")).toBe("true");

    // Formatting kept from the stored state, not flattened to text.
    expect(postedState(container)).toEqual(start);
  });

  it("reports plain text and marks formatting as pressed", async () => {
    const seen: string[] = [];
    const { hydrate, container } = await mountAndWaitForEditor({
      defaultValue: plainTextToRichTextState("Hei"),
      onTextChange: (value) => seen.push(value),
    });
    const editable = await hydrate();
    const editor = editable.__lexicalEditor;
    await act(async () => {
      editor.update(() => $getRoot().selectEnd(), { discrete: true });
      editor.update(
        () => {
          const selection = $getSelection();
          if ($isRangeSelection(selection)) selection.insertText(" og hallo");
        },
        { discrete: true },
      );
    });
    await act(async () => {
      editor.update(() => $getRoot().select(0, $getRoot().getChildrenSize()), { discrete: true });
      editor.dispatchCommand(FORMAT_TEXT_COMMAND, "bold");
    });
    expect(seen).toContain("Hei og hallo");
    const bold = container.querySelector('[role="toolbar"] button')!;
    expect(bold.getAttribute("aria-pressed")).toBe("true");
    const state = postedState(container);
    expect(state.root.children[0]!.children).toEqual([expect.objectContaining({ text: "Hei og hallo", format: 1 })]);
  });

  it("refuses formats the server would reject, so list and paragraph creation stay clean", async () => {
    const { hydrate, container } = await mountAndWaitForEditor({ defaultValue: plainTextToRichTextState("Tekst") });
    const editable = await hydrate();
    const editor = editable.__lexicalEditor;
    await act(async () => {
      editor.update(() => $getRoot().selectEnd(), { discrete: true });
      for (const format of ["underline", "strikethrough", "code", "superscript", "highlight"] as const) {
        editor.dispatchCommand(FORMAT_TEXT_COMMAND, format);
      }
      editor.update(() => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) {
          expect(selection.format).toBe(0);
          selection.insertText(" mer");
        }
      }, { discrete: true });
      editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
    });
    const state = postedState(container);
    expect(JSON.stringify(state)).toContain('"type":"list"');
    expect(JSON.stringify(state)).not.toMatch(/"format":[1-9]/);
  });

  it("cleans pasted Word/web HTML down to what the server accepts", async () => {
    const { hydrate, container } = await mountAndWaitForEditor({ defaultValue: plainTextToRichTextState("Start") });
    const editable = await hydrate();
    const editor = editable.__lexicalEditor;
    const pasted = `
      <h1 class="MsoTitle" style="color:red">Tittel</h1>
      <p class="MsoNormal" style="text-align:center;font-family:Calibri"><span style="color:#ff0000;font-size:20pt">Rød</span>
        <u>understreket</u> <s>gjennomstreket</s> <code>kode</code> <sup>2</sup> <mark>merket</mark>
        <b style="font-weight:700">fet</b> <a href="javascript:alert(1)" onclick="alert(1)">farlig</a>
        <a href="https://helsehub.no" target="_blank" style="color:green">trygg</a><o:p></o:p></p>
      <h6>Liten</h6>
      <ul><li style="color:blue"><input type="checkbox" checked>punkt</li></ul>
      <table><tr><td>celle</td></tr></table><img src="x" onerror="alert(1)"><script>alert(1)</script>
      <p>tab\there</p>`;
    await act(async () => {
      editor.update(
        () => {
          $getRoot().selectEnd();
          const dom = new DOMParser().parseFromString(pasted, "text/html");
          const selection = $getSelection();
          if ($isRangeSelection(selection)) $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, dom), selection);
        },
        { discrete: true },
      );
    });
    const state = postedState(container);
    const json = JSON.stringify(state);
    expect(json).not.toMatch(/color|font|text-align|Calibri|javascript|onclick|alert|Mso/i);
    const plain = richTextToPlainText(state);
    for (const words of ["Tittel", "Rød", "understreket", "fet", "farlig", "trygg", "Liten", "punkt", "celle"]) {
      expect(plain).toContain(words);
    }
    const types = new Set(json.match(/"type":"[a-z]+"/g));
    expect([...types].every((type) => /"(root|paragraph|heading|text|linebreak|link|list|listitem|quote)"/.test(type))).toBe(true);
    expect(json).toContain('"url":"https://helsehub.no"');
  });

  it("adds links through the toolbar's link form, and refuses unsafe addresses there and by command", async () => {
    const { hydrate, container } = await mountAndWaitForEditor({ defaultValue: plainTextToRichTextState("Se nettsiden") });
    const editable = await hydrate();
    const editor = editable.__lexicalEditor;
    await act(async () => {
      editor.update(() => $getRoot().select(0, $getRoot().getChildrenSize()), { discrete: true });
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, "javascript:alert(1)");
    });
    expect(JSON.stringify(postedState(container))).not.toContain('"type":"link"');

    const linkButton = () => container.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')[5]!;
    await act(async () => linkButton().click());
    expect(linkButton().getAttribute("aria-expanded")).toBe("true");
    const input = container.querySelector<HTMLInputElement>('input[type="url"]')!;
    expect(input.name).toBe("");
    expect(container.querySelector(`label[for="${input.id}"]`)?.textContent).toBe(nbEditor.link.urlLabel);
    const type = async (value: string) => {
      await act(async () => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, value);
        input.dispatchEvent(new Event("input", { bubbles: true }));
      });
    };
    const press = async (key: string) => {
      await act(async () => {
        input.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
      });
    };

    await type("JaVaScRiPt:alert(1)");
    await press("Enter");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const errorId = input.getAttribute("aria-describedby")!.split(" ")[0]!;
    expect(container.querySelector(`[id="${errorId}"]`)?.textContent).toBe(nbEditor.link.invalid);
    expect(JSON.stringify(postedState(container))).not.toContain('"type":"link"');

    await type("www.helsehub.no/ideer");
    await press("Enter");
    expect(container.querySelector('input[type="url"]')).toBeNull();
    const state = postedState(container);
    expect(JSON.stringify(state)).toContain('"url":"https://www.helsehub.no/ideer"');
    expect(richTextToPlainText(state)).toBe("Se nettsiden");
    expect(linkButton().getAttribute("aria-label")).toBe(nbEditor.toolbar.removeLink);
  });
});
