import crypto from "node:crypto";

/** 128 random bits, base64: a fresh one for every response (CSP nonces must not be guessable or reused). */
export function createNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

/**
 * The policy for every page. Scripts run only from our origin and, inline, only with this
 * response's nonce (Remix's hydration data, module loader and scroll restoration all carry it).
 * No 'strict-dynamic': Remix's <link rel="modulepreload"> tags carry no nonce, and under
 * 'strict-dynamic' the browser would refuse them; 'self' is safe here because nosniff stops
 * an uploaded file from running as a script.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "frame-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * For a document shown only inside our own sandboxed frame (the dev mailbox's e-mail view):
 * e-mail HTML needs inline styles, but nothing in it may run or load from elsewhere.
 */
export const FRAMED_MAIL_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join("; ");

export const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "bluetooth=()",
  "hid=()",
  "midi=()",
  "magnetometer=()",
  "gyroscope=()",
  "accelerometer=()",
  "display-capture=()",
].join(", ");

/** One year. Browsers ignore the header on plain http (the local demo), so it is always sent. */
export const HSTS = "max-age=31536000; includeSubDomains";

/** Every response's security headers; a header the response already set itself wins. */
export function securityHeaders(nonce: string): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce),
    "Strict-Transport-Security": HSTS,
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}
