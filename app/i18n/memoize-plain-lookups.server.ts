import type { i18n, TFunction } from "i18next";

/** Options that only say where to look (fixedT adds them); anything else makes the result vary. */
const WHERE_TO_LOOK = new Set(["lng", "lngs", "ns", "keyPrefix"]);

function isPlainLookup(options: unknown): boolean {
  if (options === undefined) return true;
  if (typeof options !== "object" || options === null) return false;
  for (const [name, value] of Object.entries(options)) {
    if (!WHERE_TO_LOOK.has(name)) return false;
    if (name === "keyPrefix" && value) return false;
  }
  return true;
}

/**
 * Remembers translations that take no values (no count, interpolation, default or context): on
 * the server the resources are bundled and never change, and i18next's own lookup costs several
 * microseconds a call, which a list page with twenty cards makes a few hundred times.
 * Calls with values go to i18next as before.
 */
export function memoizePlainLookups(instance: i18n) {
  const translate = instance.t.bind(instance) as unknown as (...args: unknown[]) => unknown;
  const cache = new Map<string, unknown>();
  const memoized = (key: unknown, options?: unknown, ...rest: unknown[]) => {
    if (typeof key !== "string" || rest.length > 0 || !isPlainLookup(options)) return translate(key, options, ...rest);
    const where = options as { lng?: unknown; lngs?: unknown; ns?: unknown } | undefined;
    const cacheKey = `${String(where?.lng ?? "")}\u0000${String(where?.lngs ?? "")}\u0000${String(where?.ns ?? "")}\u0000${key}`;
    if (cache.has(cacheKey)) return cache.get(cacheKey);
    const value = translate(key, options);
    cache.set(cacheKey, value);
    return value;
  };
  instance.t = memoized as unknown as TFunction;
}
