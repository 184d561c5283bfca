import crypto from "node:crypto";

const letters: Record<string, string> = { æ: "ae", ø: "o", å: "a", ä: "a", ö: "o", ü: "u", é: "e", è: "e" };

/** A readable, unique address for a story: "digitalt-tilsyn-om-natta-3f9a1c". */
export function storySlug(title: string): string {
  const base = title
    .toLowerCase()
    .replace(/[æøåäöüéè]/g, (c) => letters[c] ?? c)
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return `${base || "historie"}-${crypto.randomBytes(3).toString("hex")}`;
}
