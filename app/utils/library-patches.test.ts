import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { matchPath, matchRoutes } from "@remix-run/router";
import { describe, expect, it } from "vitest";

// patches/ (applied by `npm install`'s postinstall), see docs/decisions/012: @remix-run/router keeps
// the flattened route branches per routes array and each compiled path pattern; server-runtime
// encodes the loader data for the browser only when the page has scripts to read it (that side is
// covered end to end: every hydrated page in tests/e2e reads its data through it).
describe("the patched server-runtime", () => {
  it("is installed: the document handler hands out the loader data lazily", () => {
    const file = createRequire(import.meta.url).resolve("@remix-run/server-runtime/dist/server.js");
    const source = readFileSync(file, "utf8");
    expect(source).toContain("function lazyHandoffStream(");
    expect(source).not.toContain("serverHandoffStream: singleFetch.encodeViaTurboStream(");
  });
});

describe("the patched route matcher", () => {
  it("is installed: the server's copy of @remix-run/router carries the caches", () => {
    const file = createRequire(import.meta.url).resolve("@remix-run/router");
    const source = readFileSync(file, "utf8");
    expect(source).toContain("rankedBranchesCache");
    expect(source).toContain("compiledPathCache");
  });

  it("matches the same routes array again with each URL's own params, ranked as before", () => {
    const routes = [
      { id: "root", path: "/", children: [
        { id: "list", index: true },
        { id: "new", path: "ideer/ny" },
        { id: "idea", path: "ideer/:publicId" },
        { id: "triage", path: "ideer/:publicId/behandle" },
        { id: "splat", path: "*" },
      ] },
    ];
    const ids = (url: string) => matchRoutes(routes, url)?.map((m) => m.route.id);
    expect(ids("/ideer/ny")).toEqual(["root", "new"]);
    expect(matchRoutes(routes, "/ideer/IDE-2026-0001")?.at(-1)?.params).toEqual({ publicId: "IDE-2026-0001" });
    expect(matchRoutes(routes, "/ideer/IDE-2026-0002/behandle")?.at(-1)?.params).toEqual({ publicId: "IDE-2026-0002" });
    expect(ids("/ideer/ny")).toEqual(["root", "new"]);
    expect(ids("/")).toEqual(["root", "list"]);
    expect(ids("/finnes/ikke")).toEqual(["root", "splat"]);
  });

  it("keeps case sensitivity and end matching apart for the same pattern", () => {
    expect(matchPath({ path: "/Ideer", caseSensitive: true }, "/ideer")).toBeNull();
    expect(matchPath({ path: "/Ideer", caseSensitive: false }, "/ideer")).not.toBeNull();
    expect(matchPath({ path: "/ideer", end: true }, "/ideer/ny")).toBeNull();
    expect(matchPath({ path: "/ideer", end: false }, "/ideer/ny")?.pathnameBase).toBe("/ideer");
  });
});
