import { createNonce, securityHeaders } from "~/modules/security/content-security-policy.server";

/**
 * Security headers on a document response, with the nonce its inline scripts carry. The production
 * server's middleware sets the same headers on every other response (see security-middleware).
 */
export function applySecurityHeaders(headers: Headers, nonce: string) {
  for (const [name, value] of Object.entries(securityHeaders(nonce))) headers.set(name, value);
}

/** The nonce the server made for this request, or a fresh one (e.g. when rendered without it). */
export function nonceFrom(loadContext: unknown): string {
  const nonce = (loadContext as { cspNonce?: unknown } | undefined)?.cspNonce;
  return typeof nonce === "string" && nonce.length > 0 ? nonce : createNonce();
}
