import type { NextFunction, Request, Response } from "express";
import { getEnv } from "~/utils/env.server";
import { createNonce, securityHeaders } from "./content-security-policy.server";
import { renderRefusalPage } from "./refusal-page.server";
import { checkRequestOrigin, trustedOrigins, type OriginPolicy } from "./request-origin.server";

export type SecurityLocals = { cspNonce: string };

/**
 * The client's address as Express worked it out (`req.ip`, which honours TRUST_PROXY), handed to
 * the app on the request. Whatever a client sends under this name is replaced, so it cannot be forged.
 */
export const CLIENT_IP_HEADER = "x-idehub-client-ip";

/** Express's "trust proxy" value from TRUST_PROXY: false, a hop count or a list of addresses/subnets. */
export function trustProxySetting(value = getEnv().TRUST_PROXY): boolean | number | string[] {
  if (value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(",").map((part) => part.trim());
}

let policy: OriginPolicy | undefined;

function originPolicy(): OriginPolicy {
  if (!policy) {
    const env = getEnv();
    policy = { trusted: trustedOrigins(env), allowOwnHost: env.DEMO_MODE };
  }
  return policy;
}

/**
 * First middleware of the production server, so every response passes it (pages, data requests,
 * resource routes, static files, 404s and errors): a fresh CSP nonce for the page render, the
 * security headers (unless the response set its own, e.g. the framed mail view), the cross-site
 * check for every mutation, and the client's address for rate limits (CLIENT_IP_HEADER).
 */
export function securityMiddleware(req: Request, res: Response, next: NextFunction) {
  req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? "";
  const nonce = createNonce();
  (res.locals as SecurityLocals).cspNonce = nonce;
  const headers = securityHeaders(nonce);
  const writeHead = res.writeHead;
  res.writeHead = function writeHeadWithSecurityHeaders(this: Response, ...args: Parameters<Response["writeHead"]>) {
    for (const [name, value] of Object.entries(headers)) {
      if (!this.hasHeader(name)) this.setHeader(name, value);
    }
    return writeHead.apply(this, args);
  } as Response["writeHead"];

  const verdict = checkRequestOrigin(
    {
      method: req.method,
      origin: req.get("origin") ?? null,
      referer: req.get("referer") ?? null,
      secFetchSite: req.get("sec-fetch-site") ?? null,
      host: req.get("host") ?? null,
    },
    originPolicy(),
  );
  if (verdict.allowed) return next();
  console.warn(`[security] refused a cross-site ${req.method} ${req.path} (${verdict.reason})`);
  renderRefusalPage(req.get("cookie"), "error.crossSiteTitle", "error.crossSiteText")
    .then((html) => {
      res.status(403).set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).send(html);
    })
    .catch(next);
}

/** Remix load context: what loaders, actions and the document render get from the server. */
export function securityLoadContext(res: Response): SecurityLocals {
  return { cspNonce: (res.locals as SecurityLocals).cspNonce };
}
