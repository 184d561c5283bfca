import { describe, expect, it } from "vitest";
import { checkRequestOrigin, trustedOrigins, type OriginHeaders } from "./request-origin.server";

const policy = { trusted: trustedOrigins({ APP_URL: "https://idehub.example.no/", TRUSTED_ORIGINS: "https://www.helsehub.no, https://idehub.example.no:8443" }), allowOwnHost: false };
const post = (headers: Partial<OriginHeaders>): OriginHeaders => ({ method: "POST", origin: null, referer: null, secFetchSite: null, host: "idehub.example.no", ...headers });

describe("checkRequestOrigin", () => {
  it("always lets reading requests through, whatever their origin", () => {
    expect(checkRequestOrigin({ ...post({ origin: "https://evil.example" }), method: "GET" }, policy).allowed).toBe(true);
    expect(checkRequestOrigin({ ...post({ secFetchSite: "cross-site" }), method: "HEAD" }, policy).allowed).toBe(true);
  });

  it.each([
    ["APP_URL's origin", { origin: "https://idehub.example.no" }, true],
    ["a listed trusted origin", { origin: "https://www.helsehub.no" }, true],
    ["a trusted origin with its port", { origin: "https://idehub.example.no:8443" }, true],
    ["another site", { origin: "https://evil.example" }, false],
    ["our host over plain http", { origin: "http://idehub.example.no" }, false],
    ["a look-alike subdomain", { origin: "https://idehub.example.no.evil.example" }, false],
    ["an opaque origin (sandboxed frame, data: URL)", { origin: "null" }, false],
    ["garbage", { origin: "not a url" }, false],
    ["no Origin, Sec-Fetch-Site same-origin", { secFetchSite: "same-origin" }, true],
    ["no Origin, Sec-Fetch-Site same-site", { secFetchSite: "same-site" }, false],
    ["no Origin, Sec-Fetch-Site cross-site", { secFetchSite: "cross-site" }, false],
    ["no Origin, our Referer", { referer: "https://idehub.example.no/ideer/ny" }, true],
    ["no Origin, a foreign Referer", { referer: "https://evil.example/idehub.example.no" }, false],
    ["no header at all", {}, false],
  ] as const)("a POST from %s → allowed %s", (_label, headers, allowed) => {
    expect(checkRequestOrigin(post(headers), policy).allowed).toBe(allowed);
  });

  it("checks PUT, PATCH, DELETE and unknown methods like POST", () => {
    for (const method of ["PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND"]) {
      expect(checkRequestOrigin({ ...post({ origin: "https://evil.example" }), method }, policy).allowed).toBe(false);
      expect(checkRequestOrigin({ ...post({ origin: "https://idehub.example.no" }), method }, policy).allowed).toBe(true);
    }
  });

  it("trusts the request's own host only in demo mode (local demo on another host name than APP_URL)", () => {
    const local = { trusted: trustedOrigins({ APP_URL: "http://localhost:3000", TRUSTED_ORIGINS: undefined }), allowOwnHost: true };
    expect(checkRequestOrigin(post({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), local).allowed).toBe(true);
    expect(checkRequestOrigin(post({ origin: "http://127.0.0.1:4000", host: "127.0.0.1:3000" }), local).allowed).toBe(false);
    expect(checkRequestOrigin(post({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), { ...local, allowOwnHost: false }).allowed).toBe(false);
  });
});
