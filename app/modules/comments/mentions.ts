/**
 * @mentions are written as @firstname.lastname or @<e-mail local part>, e.g. @kari.nordby.
 * Universal: the server resolves them, the page renders them as names.
 */
const MENTION = /(^|[^\p{L}\p{N}_.@])@([\p{L}\p{N}](?:[\p{L}\p{N}._-]*[\p{L}\p{N}])?)/gu;

export function normaliseHandle(handle: string) {
  return handle.normalize("NFC").toLowerCase();
}

/** The distinct handles in a text, lower-cased, in order of appearance. */
export function parseMentions(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(MENTION)) seen.add(normaliseHandle(match[2]!));
  return [...seen];
}

/** The handles a person can be mentioned by. */
export function handlesOf(person: { email: string; fullName: string }): string[] {
  const local = person.email.split("@")[0] ?? "";
  const dotted = person.fullName.trim().split(/\s+/).join(".");
  return [...new Set([normaliseHandle(local), normaliseHandle(dotted)])].filter(Boolean);
}

export type TextPart = { kind: "text"; text: string } | { kind: "mention"; text: string; name: string };

/** Splits a comment into plain text and resolved mentions (unknown handles stay text). */
export function splitMentions(text: string, names: Record<string, string>): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    const name = names[normaliseHandle(match[2]!)];
    if (!name) continue;
    const start = match.index! + match[1]!.length;
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    parts.push({ kind: "mention", text: `@${match[2]}`, name });
    last = start + match[2]!.length + 1;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}
