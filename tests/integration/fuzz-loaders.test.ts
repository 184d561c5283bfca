import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { useTestEnv } from "./auth-helpers";
import { useTempFileStorage } from "./outbox-support";
import {
  PERSONA_EMAILS,
  call,
  changedCounts,
  discoverRoutes,
  fuzzContext,
  importRoute,
  isRefusal,
  paramsArb,
  request,
  rowCounts,
  searchArb,
  signedIn,
  type Context,
  type Persona,
} from "./fuzz-support";

// Every loader in app/routes with random and hostile path and query parameters, as each kind of user:
// never a 500 and nothing written when refused.

const ROUTES = discoverRoutes().filter((route) => route.hasLoader);
const RUNS = 12;

let testDb: TestDatabase;
let ctx: Context;
let personas: Persona[];
let cleanUpStorage: () => Promise<void>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  await useTestEnv();
  cleanUpStorage = await useTempFileStorage();
  ctx = await fuzzContext(testDb.db);
  personas = [{ email: "anonymous", cookie: "" }, ...(await Promise.all(PERSONA_EMAILS.map((email) => signedIn(testDb.db, email))))];
});
afterAll(async () => {
  await cleanUpStorage?.();
  await testDb?.close();
});

describe("fuzzing every loader", () => {
  it("finds the routes", () => {
    expect(ROUTES.length).toBeGreaterThan(30);
  });

  it("answers 404, not 500, for a NUL byte in an idea number or story slug (found by this fuzzer)", async () => {
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
        { numRuns: RUNS },
      );
    });
  }
});
