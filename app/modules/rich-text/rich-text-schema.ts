import { z } from "zod";

/**
 * The subset of Lexical's serialized editor state (lexical 0.52) that HelseHub accepts.
 * Universal module (no Lexical import), so both the server and the lazily loaded editor can use it.
 */

export const TEXT_FORMAT_BOLD = 1;
export const TEXT_FORMAT_ITALIC = 2;
/** Underline is left out on purpose: underlined text reads as a link. */
export const ALLOWED_TEXT_FORMAT_MASK = TEXT_FORMAT_BOLD | TEXT_FORMAT_ITALIC;

export const richTextLimits = {
  /** Bytes of serialized JSON (UTF-8). */
  maxBytes: 200_000,
  /** Nesting of nodes: root = 1, paragraph = 2, text = 3, nested lists go deeper. */
  maxDepth: 12,
  /** Characters of plain text in the whole document. */
  maxTextLength: 20_000,
  maxUrlLength: 2_048,
} as const;

export type RichTextLimits = { maxBytes: number; maxDepth: number; maxTextLength: number };

export const richTextErrorCodes = [
  "invalid_json",
  "too_large",
  "too_deep",
  "too_long",
  "unknown_node_type",
  "format_not_allowed",
  "style_not_allowed",
  "unsafe_link",
  "invalid_structure",
] as const;
export type RichTextErrorCode = (typeof richTextErrorCodes)[number];

export type SerializedRichTextText = {
  type: "text";
  version: 1;
  text: string;
  format: number;
  style: string;
  mode: "normal" | "token" | "segmented";
  detail: number;
};
export type SerializedRichTextLineBreak = { type: "linebreak"; version: 1 };

type ElementBase = {
  version: 1;
  direction: "ltr" | "rtl" | null;
  format: ElementFormat;
  indent: number;
  textFormat?: number;
  textStyle?: string;
};
export type ElementFormat = "" | "left" | "start" | "center" | "right" | "end" | "justify";

export type SerializedRichTextLink = ElementBase & {
  type: "link" | "autolink";
  url: string;
  rel?: string | null;
  target?: string | null;
  title?: string | null;
  isUnlinked?: boolean;
  children: Array<SerializedRichTextText | SerializedRichTextLineBreak>;
};
export type SerializedRichTextInline = SerializedRichTextText | SerializedRichTextLineBreak | SerializedRichTextLink;

export type SerializedRichTextParagraph = ElementBase & {
  type: "paragraph";
  children: SerializedRichTextInline[];
};
export type SerializedRichTextHeading = ElementBase & {
  type: "heading";
  tag: "h2" | "h3" | "h4";
  children: SerializedRichTextInline[];
};
export type SerializedRichTextQuote = ElementBase & {
  type: "quote";
  children: SerializedRichTextInline[];
};
export type SerializedRichTextList = ElementBase & {
  type: "list";
  listType: "bullet" | "number";
  start: number;
  tag: "ul" | "ol";
  children: SerializedRichTextListItem[];
};
export type SerializedRichTextListItem = ElementBase & {
  type: "listitem";
  value: number;
  checked?: undefined;
  children: Array<SerializedRichTextInline | SerializedRichTextList>;
};
export type SerializedRichTextBlock =
  | SerializedRichTextParagraph
  | SerializedRichTextHeading
  | SerializedRichTextQuote
  | SerializedRichTextList;

export type RichTextState = {
  root: ElementBase & { type: "root"; children: SerializedRichTextBlock[] };
};

export type RichTextParseResult = { ok: true; state: RichTextState } | { ok: false; code: RichTextErrorCode };

function issue(code: RichTextErrorCode) {
  return { params: { richTextCode: code } };
}

// Control characters, all Unicode whitespace and invisible formatting characters: none belong in a URL
// we accept, and browsers silently drop some of them ("java\tscript:" still runs).
const urlObfuscationCharacters = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/u;
const allowedUrlPrefix = /^(https?:\/\/|mailto:)/i;

/** True only for absolute http:, https: and mailto: URLs written plainly. */
export function isSafeLinkUrl(url: string): boolean {
  if (url.length === 0 || url.length > richTextLimits.maxUrlLength) return false;
  if (urlObfuscationCharacters.test(url)) return false;
  // Entity or percent tricks before the scheme ("&#106;avascript:", "%6Aavascript:") fail the prefix test.
  if (!allowedUrlPrefix.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === "mailto:") return parsed.pathname.includes("@");
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  return parsed.hostname.length > 0 && !url.slice(parsed.protocol.length + 2).startsWith("/");
}

const textFormatSchema = z
  .number()
  .int()
  .min(0)
  .refine((format) => (format & ~ALLOWED_TEXT_FORMAT_MASK) === 0, issue("format_not_allowed"));
const noStyleSchema = z.string().refine((style) => style.trim() === "", issue("style_not_allowed"));

// Lexical's toJSON() leaves textFormat/textStyle keys (possibly undefined) on every element.
const elementBase = {
  version: z.literal(1),
  direction: z.enum(["ltr", "rtl"]).nullable(),
  format: z.enum(["", "left", "start", "center", "right", "end", "justify"]),
  indent: z.number().int().min(0).max(richTextLimits.maxDepth),
  textFormat: textFormatSchema.optional(),
  textStyle: noStyleSchema.optional(),
};

const textSchema = z
  .object({
    type: z.literal("text"),
    version: z.literal(1),
    text: z.string(),
    format: textFormatSchema,
    style: noStyleSchema,
    mode: z.enum(["normal", "token", "segmented"]),
    detail: z.number().int().min(0).max(3),
  })
  .strict();
const lineBreakSchema = z.object({ type: z.literal("linebreak"), version: z.literal(1) }).strict();

const linkFields = {
  ...elementBase,
  url: z.string().refine(isSafeLinkUrl, issue("unsafe_link")),
  rel: z.string().max(200).nullable().optional(),
  target: z.string().max(50).nullable().optional(),
  title: z.string().max(500).nullable().optional(),
  children: z.array(z.discriminatedUnion("type", [textSchema, lineBreakSchema])),
};
const linkSchema = z.object({ type: z.literal("link"), ...linkFields }).strict();
const autoLinkSchema = z.object({ type: z.literal("autolink"), isUnlinked: z.boolean().optional(), ...linkFields }).strict();

const inlineOptions = [textSchema, lineBreakSchema, linkSchema, autoLinkSchema] as const;
const inlineSchema = z.discriminatedUnion("type", [...inlineOptions]);

const paragraphSchema = z
  .object({ type: z.literal("paragraph"), ...elementBase, children: z.array(inlineSchema) })
  .strict();
const headingSchema = z
  .object({
    type: z.literal("heading"),
    tag: z.enum(["h2", "h3", "h4"]),
    ...elementBase,
    children: z.array(inlineSchema),
  })
  .strict();
const quoteSchema = z
  .object({ type: z.literal("quote"), ...elementBase, children: z.array(inlineSchema) })
  .strict();

const listSchema = z
  .object({
    type: z.literal("list"),
    listType: z.enum(["bullet", "number"]),
    start: z.number().int().min(0).max(100_000),
    tag: z.enum(["ul", "ol"]),
    ...elementBase,
    children: z.lazy((): z.ZodType<unknown[], z.ZodTypeDef, unknown> => z.array(listItemSchema)),
  })
  .strict()
  .refine((list) => (list.listType === "bullet" ? list.tag === "ul" : list.tag === "ol"), issue("invalid_structure"));

const listItemSchema = z
  .object({
    type: z.literal("listitem"),
    value: z.number().int().min(0).max(100_000),
    checked: z.undefined().optional(),
    ...elementBase,
    children: z.array(z.union([inlineSchema, listSchema])),
  })
  .strict();

const blockSchema = z.union([paragraphSchema, headingSchema, quoteSchema, listSchema]);

const stateSchema = z
  .object({
    root: z.object({ type: z.literal("root"), ...elementBase, children: z.array(blockSchema) }).strict(),
  })
  .strict();

const blockTypes = new Set(["paragraph", "heading", "quote", "list"]);
const inlineTypes = new Set(["text", "linebreak", "link", "autolink"]);
const childTypesByParent: Record<string, Set<string>> = {
  root: blockTypes,
  paragraph: inlineTypes,
  heading: inlineTypes,
  quote: inlineTypes,
  list: new Set(["listitem"]),
  listitem: new Set([...inlineTypes, "list"]),
  link: new Set(["text", "linebreak"]),
  autolink: new Set(["text", "linebreak"]),
};

/**
 * Walks the raw tree without recursion before Zod sees it, so a hostile document cannot exhaust the
 * stack, and so the commonest problems get precise codes.
 */
function checkTree(value: unknown, limits: RichTextLimits): RichTextErrorCode | null {
  if (!isRecord(value) || !isRecord(value.root) || value.root.type !== "root") return "invalid_structure";
  const stack: Array<{ node: Record<string, unknown>; depth: number }> = [{ node: value.root, depth: 1 }];
  let textLength = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > limits.maxDepth) return "too_deep";
    const type = node.type;
    if (typeof type !== "string") return "invalid_structure";
    if (type === "text") {
      if (typeof node.text !== "string") return "invalid_structure";
      textLength += node.text.length;
      if (textLength > limits.maxTextLength) return "too_long";
      continue;
    }
    if (type === "linebreak") continue;
    const allowedChildren = childTypesByParent[type];
    if (!allowedChildren) return "unknown_node_type";
    if (!Array.isArray(node.children)) return "invalid_structure";
    for (const child of node.children) {
      if (!isRecord(child)) return "invalid_structure";
      if (typeof child.type !== "string" || !allowedChildren.has(child.type)) {
        return typeof child.type === "string" && !(child.type in childTypesByParent) && !inlineTypes.has(child.type)
          ? "unknown_node_type"
          : "invalid_structure";
      }
      stack.push({ node: child, depth: depth + 1 });
    }
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function codeFromZodError(error: z.ZodError): RichTextErrorCode {
  const pending: z.ZodIssue[] = [...error.issues];
  while (pending.length > 0) {
    const current = pending.shift()!;
    if (current.code === z.ZodIssueCode.custom) {
      const code = (current.params as { richTextCode?: RichTextErrorCode } | undefined)?.richTextCode;
      if (code) return code;
    }
    if (current.code === z.ZodIssueCode.invalid_union) {
      for (const unionError of current.unionErrors) pending.push(...unionError.issues);
    }
  }
  return "invalid_structure";
}

const utf8 = new TextEncoder();

/**
 * Validates a serialized Lexical editor state (the JSON string from a form, or an already parsed value
 * from the database). Never throws for bad input: the result carries an error code to translate
 * with `editor:errors.<code>`.
 */
export function parseRichTextState(input: unknown, limits: RichTextLimits = richTextLimits): RichTextParseResult {
  let value: unknown = input;
  if (typeof input === "string") {
    // Cheap upper bound first (a UTF-16 unit is at most 3 UTF-8 bytes), then the exact size.
    if (input.length > limits.maxBytes || utf8.encode(input).length > limits.maxBytes) return { ok: false, code: "too_large" };
    try {
      value = JSON.parse(input);
    } catch {
      return { ok: false, code: "invalid_json" };
    }
  } else {
    // The tree check first: it is iterative, while JSON.stringify would overflow the stack on deep nesting.
    const treeProblem = checkTree(value, limits);
    if (treeProblem) return { ok: false, code: treeProblem };
    let serialized: string | undefined;
    try {
      serialized = JSON.stringify(input);
    } catch {
      return { ok: false, code: "invalid_json" };
    }
    if (serialized === undefined) return { ok: false, code: "invalid_structure" };
    if (utf8.encode(serialized).length > limits.maxBytes) return { ok: false, code: "too_large" };
  }

  const treeProblem = checkTree(value, limits);
  if (treeProblem) return { ok: false, code: treeProblem };

  const parsed = stateSchema.safeParse(value);
  if (!parsed.success) return { ok: false, code: codeFromZodError(parsed.error) };
  return { ok: true, state: parsed.data as RichTextState };
}

export function emptyRichTextState(): RichTextState {
  return {
    root: { type: "root", version: 1, direction: null, format: "", indent: 0, children: [] },
  };
}
