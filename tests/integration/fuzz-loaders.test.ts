import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  call,
  changedCounts,
  discoverRoutes,
  fuzzContext,
  fuzzOptions,
  importRoute,
  isRefusal,
  paramsArb,
  request,
  rowCounts,
  searchArb,
  useFuzzSetup,
} from "./fuzz-support";

// Every loader in app/routes with random and hostile path and query parameters, as each kind of user:
// never a 500 and nothing written when refused.

const ROUTES = discoverRoutes().filter((route) => route.hasLoader);
const OPTIONS = fuzzOptions(12);

const setup = useFuzzSetup();

describe("fuzzing every loader", () => {
  it("finds the routes", () => {
    expect(ROUTES.length).toBeGreaterThan(30);
  });

  it("answers 404, not 500, for a NUL byte in an idea number or story slug (found by this fuzzer)", async () => {
    const { personas } = setup;
    for (const [file, params] of [
      ["ideer.$publicId.behandle.tsx", { publicId: "IDE\u0000" }],
      ["ideer.$publicId.kvittering.tsx", { publicId: "\u0000" }],
      ["historier.$slug.vurder.tsx", { slug: "a\u0000b" }],
    ] as const) {
      const module = await importRoute(file);
      const outcome = await call(() => module.loader!({ request: request("GET", "/", personas[1]!.cookie), params, context: {} }));
      expect(outcome, file).toMatchObject({ kind: "response", status: 404 });
    }
  });

  for (const route of ROUTES) {
    it(`${route.file}: no 500 for any path or query parameter`, async () => {
      const { testDb, ctx, personas } = setup;
      const module = await importRoute(route.file);
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: personas.length - 1 }), paramsArb(route, ctx), searchArb(route, ctx), async (who, params, search) => {
          const persona = personas[who]!;
          const url = `${route.pathFor(params)}?${new URLSearchParams(search).toString()}`;
          const before = await rowCounts(testDb.db);
          const outcome = await call(() => module.loader!({ request: request("GET", url, persona.cookie), params, context: {} }));
          const label = `${persona.email} GET ${url.slice(0, 300)}`;
          if (outcome.kind === "crash") throw new Error(`${label} crashed: ${outcome.message}`);
          expect(outcome.status, `${label} answered ${outcome.status}`).toBeLessThan(500);
          if (isRefusal(outcome)) expect(changedCounts(before, await rowCounts(testDb.db)), `${label} was refused but wrote`).toEqual([]);
        }),
        OPTIONS,
      );
    });
  }
});
