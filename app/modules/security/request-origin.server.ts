import type { Env } from "~/utils/env.server";

export type OriginHeaders = {
  method: string;
  origin: string | null;
  referer: string | null;
  secFetchSite: string | null;
  /** The Host header; an origin naming it is trusted only when `allowOwnHost` is set (demo mode). */
  host?: string | null;
};

export type OriginPolicy = { trusted: Set<string>; allowOwnHost: boolean };

export type OriginVerdict = { allowed: true } | { allowed: false; reason: string };

const SAFE_METHODS = new Set(["GET", "HEAD"]);

function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** APP_URL's origin plus TRUSTED_ORIGINS (comma-separated), normalised. */
export function trustedOrigins(env: Pick<Env, "APP_URL" | "TRUSTED_ORIGINS">): Set<string> {
  const listed = (env.TRUSTED_ORIGINS ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  return new Set([env.APP_URL, ...listed].map(originOf).filter((origin): origin is string => origin !== null));
}

/**
 * Cross-site request forgery check for one request (OWASP "verifying origin with standard
 * headers", plus Fetch Metadata). Reading pages is always allowed; a mutation must come from a
 * trusted origin, shown by Origin, else Sec-Fetch-Site, else Referer (some proxies and privacy
 * settings drop one of them). A mutation with none of
 * them is refused: every browser we support sends Origin on POST.
 */
export function checkRequestOrigin(request: OriginHeaders, policy: OriginPolicy): OriginVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { allowed: true };
  const isTrusted = (origin: string | null) =>
    origin !== null &&
    (policy.trusted.has(origin) || (policy.allowOwnHost && !!request.host && new URL(origin).host === request.host.toLowerCase()));
  if (request.origin !== null) {
    return isTrusted(originOf(request.origin)) ? { allowed: true } : { allowed: false, reason: `Origin: ${request.origin}` };
  }
  if (request.secFetchSite !== null) {
    return request.secFetchSite === "same-origin" ? { allowed: true } : { allowed: false, reason: `Sec-Fetch-Site: ${request.secFetchSite}` };
  }
  if (request.referer !== null) {
    return isTrusted(originOf(request.referer)) ? { allowed: true } : { allowed: false, reason: "Referer from another origin" };
  }
  return { allowed: false, reason: "no Origin, Sec-Fetch-Site or Referer" };
}
